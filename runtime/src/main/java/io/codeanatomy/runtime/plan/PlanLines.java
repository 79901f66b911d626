package io.codeanatomy.runtime.plan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.canonical.Sha256;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
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

    /**
     * Hashes the plans of a rule trace's steps in order, each resuming from the digest of the
     * longest run of leading lines it shares with the plan before it (the same line objects): a
     * firing rewrites one subtree, and the lines above it need not be hashed again. SHA-256 takes
     * its input in order, so a digest saved after the first {@code k} lines and fed the rest is
     * the digest of the whole text, byte for byte the one {@link #sha256()} computes alone. On the
     * rule traces of a build, the plans' lines before the first changed one are about half of them
     * (stdlib {@code idlelib/}: 232 of 462 on average over 3,180 steps), and hashing was 30% of the
     * planning thread's samples.
     */
    static final class Chain {
        /** A digest is saved after every this many lines. */
        private static final int STRIDE = 16;
        private Line[] previous = new Line[0];
        /** Digest {@code k} has been fed the first {@code k * STRIDE} lines of {@link #previous}. */
        private final List<MessageDigest> saved = new ArrayList<>();

        /** The hash of {@code plan}, as {@link PlanLines#sha256()}; kept by the plan. */
        String sha256(PlanLines plan) {
            String known = plan.known();
            if (known != null) {
                return known;
            }
            if (plan.text != null) {
                return plan.sha256();
            }
            Line[] lines = plan.lines;
            int shared = 0;
            while (shared < lines.length && shared < previous.length && lines[shared] == previous[shared]) {
                shared++;
            }
            int kept = Math.min(shared / STRIDE + 1, saved.size());
            saved.subList(kept, saved.size()).clear();
            MessageDigest digest = kept == 0 ? sha256Digest() : copy(saved.get(kept - 1));
            if (kept == 0) {
                saved.add(copy(digest));
                kept = 1;
            }
            for (int i = (kept - 1) * STRIDE; i < lines.length; i++) {
                if (i > 0 && i % STRIDE == 0 && i / STRIDE == saved.size()) {
                    saved.add(copy(digest));
                }
                digest.update(lines[i].utf8());
                digest.update((byte) '\n');
            }
            previous = lines;
            String hash = HexFormat.of().formatHex(digest.digest());
            plan.keep(hash);
            return hash;
        }

        private static MessageDigest sha256Digest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available in this JVM", e);
            }
        }

        private static MessageDigest copy(MessageDigest digest) {
            try {
                return (MessageDigest) digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("this JVM's SHA-256 cannot be cloned", e);
            }
        }
    }

    private synchronized void keep(String hash) {
        this.hash = hash;
    }

    private synchronized @Nullable String known() {
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
