package io.codeanatomy.runtime.plan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.canonical.Sha256;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plan's text as its lines, each ended by a line break when written out. A rule-by-rule planner
 * records the whole plan after every firing: lines of operators a firing left alone are the same
 * {@code String} (and UTF-8 bytes) in every step that shows them, so a step costs an array of
 * references until its text, hash or diff is asked for. The call-resolution fixpoint's plan (~700
 * lines, ~1,000 firings) used to be rendered, kept and hashed twice as whole texts at every step:
 * more than half of a small build's CPU and over 512 MB of heap.
 */
public final class PlanLines {
    private final Line[] lines;
    private final @Nullable String text;
    private @Nullable String hash;

    /** One line: its characters with their indentation, their UTF-8 bytes, and its diff lines. */
    record Line(String chars, byte[] utf8, List<String> diffLines) {
        static Line of(String chars) {
            // A line holding line breaks of its own (a literal in an attribute) is several lines to a diff.
            List<String> diffLines = chars.indexOf('\n') < 0 && chars.indexOf('\r') < 0 ? List.of(chars) : (chars + "\n").lines().toList();
            return new Line(chars, chars.getBytes(UTF_8), diffLines);
        }
    }

    PlanLines(List<Line> lines) {
        this.lines = lines.toArray(new Line[0]);
        this.text = null;
    }

    private PlanLines(String text) {
        this.lines = new Line[0];
        this.text = text;
    }

    /** Whether this plan is exactly {@code others}, the same line objects in the same order. */
    boolean hasLines(List<Line> others) {
        if (text != null || others.size() != lines.length) {
            return false;
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] != others.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** A plan given as its whole text (a plan not rendered by {@link PlanText}: tests, imports). */
    public static PlanLines ofText(String text) {
        return new PlanLines(requireNonNull(text, "text is null"));
    }

    /** The text: every line followed by a line break. */
    public String text() {
        if (text != null) {
            return text;
        }
        int length = 0;
        for (Line line : lines) {
            length += line.chars().length() + 1;
        }
        StringBuilder out = new StringBuilder(length);
        for (Line line : lines) {
            out.append(line.chars()).append('\n');
        }
        return out.toString();
    }

    /** The lowercase hex SHA-256 of the text's UTF-8 bytes, computed once. */
    public synchronized String sha256() {
        if (hash == null) {
            if (text != null) {
                hash = Sha256.hex(text);
            } else {
                int length = 0;
                for (Line line : lines) {
                    length += line.utf8().length + 1;
                }
                byte[] bytes = new byte[length];
                int at = 0;
                for (Line line : lines) {
                    System.arraycopy(line.utf8(), 0, bytes, at, line.utf8().length);
                    at += line.utf8().length;
                    bytes[at++] = '\n';
                }
                hash = Sha256.hex(bytes);
            }
        }
        return hash;
    }

    /** The text's lines as {@link String#lines()} splits it, for a diff. */
    public List<String> diffLines() {
        if (text != null) {
            return text.lines().toList();
        }
        List<String> out = new ArrayList<>(lines.length);
        for (Line line : lines) {
            out.addAll(line.diffLines());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlanLines that && text().equals(that.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
