package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * Where a call was made: the caller's file, relative to the fixture root with {@code /} separators,
 * and the line its frame was on (for a callback a builtin made, the line calling the builtin).
 */
public record CallSite(String path, int line) implements Comparable<CallSite> {
    private static final Comparator<CallSite> ORDER =
            Comparator.comparing(CallSite::path).thenComparingInt(CallSite::line);

    public CallSite {
        requireNonNull(path, "path is null");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive: " + line);
        }
    }

    /** Reads {@code path:line}. */
    public static CallSite parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a call site is path:line, not " + text);
        }
        return new CallSite(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    @Override
    public int compareTo(CallSite other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return path + ":" + line;
    }
}
