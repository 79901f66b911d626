package io.codeanatomy.spi.source;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One pattern in gitignore syntax, matched against '/'-separated relative paths without regular
 * expressions: {@code *} and {@code ?} stay inside a path segment, {@code [a-z]}/{@code [!a-z]}
 * are character classes, {@code **} as a whole segment matches any number of segments (at least
 * one when it ends the pattern, so {@code dir/**} matches what is inside dir, not dir itself),
 * and {@code \} escapes the next character. A pattern without a '/' (other than a trailing one)
 * matches at any depth; with one it is anchored at the base directory. A trailing '/' matches
 * directories only.
 */
public final class PathPattern {
    private static final int ANY_CHAR = -1;
    private static final int STAR = -2;
    /** Codes at or below this are character classes: {@code CLASS_BASE - index}. */
    private static final int CLASS_BASE = -3;

    private final String source;
    private final boolean directoryOnly;
    /** Per segment: null for {@code **}, else the segment's codes. */
    private final int[][] segments;
    private final List<CharClass> classes;

    private record CharClass(boolean negated, String ranges) {
        boolean matches(char c) {
            boolean in = false;
            for (int i = 0; i < ranges.length(); i += 2) {
                if (c >= ranges.charAt(i) && c <= ranges.charAt(i + 1)) {
                    in = true;
                    break;
                }
            }
            return in != negated;
        }
    }

    private PathPattern(String source, boolean directoryOnly, int[][] segments, List<CharClass> classes) {
        this.source = source;
        this.directoryOnly = directoryOnly;
        this.segments = segments;
        this.classes = classes;
    }

    /**
     * Compiles one pattern (no negation, comments or trailing-space rules: see {@link GitIgnore}).
     * Returns null for a pattern that matches nothing (empty, or only '/').
     */
    public static PathPattern compile(String pattern) {
        requireNonNull(pattern, "pattern is null");
        String p = pattern;
        boolean directoryOnly = false;
        while (p.endsWith("/") && !p.endsWith("\\/")) {
            directoryOnly = true;
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return null;
        }
        boolean anchored = p.indexOf('/') >= 0;
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        List<String> parts = new ArrayList<>(List.of(p.split("/", -1)));
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) {
            return null;
        }
        if (!anchored) {
            parts.add(0, "**");
        }
        if (parts.get(parts.size() - 1).equals("**")) {
            // "dir/**" matches inside dir: one segment, then any number.
            parts.add(parts.size() - 1, "*");
        }
        List<CharClass> classes = new ArrayList<>();
        List<int[]> compiled = new ArrayList<>();
        for (String part : parts) {
            if (part.equals("**")) {
                if (compiled.isEmpty() || compiled.get(compiled.size() - 1) != null) {
                    compiled.add(null);
                }
            } else {
                compiled.add(compileSegment(part, classes));
            }
        }
        return new PathPattern(pattern, directoryOnly, compiled.toArray(new int[0][]), List.copyOf(classes));
    }

    private static int[] compileSegment(String part, List<CharClass> classes) {
        int[] codes = new int[part.length()];
        int n = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\' && i + 1 < part.length()) {
                codes[n++] = part.charAt(++i);
            } else if (c == '*') {
                if (n == 0 || codes[n - 1] != STAR) {
                    codes[n++] = STAR;
                }
            } else if (c == '?') {
                codes[n++] = ANY_CHAR;
            } else if (c == '[') {
                int close = classEnd(part, i);
                if (close < 0) {
                    codes[n++] = '[';
                } else {
                    classes.add(parseClass(part.substring(i + 1, close)));
                    codes[n++] = CLASS_BASE - (classes.size() - 1);
                    i = close;
                }
            } else {
                codes[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(codes, n);
    }

    /** Index of the ']' that closes the class opened at {@code open}, or -1. */
    private static int classEnd(String part, int open) {
        int i = open + 1;
        if (i < part.length() && (part.charAt(i) == '!' || part.charAt(i) == '^')) {
            i++;
        }
        if (i < part.length() && part.charAt(i) == ']') {
            i++;
        }
        for (; i < part.length(); i++) {
            if (part.charAt(i) == '\\') {
                i++;
            } else if (part.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static CharClass parseClass(String body) {
        boolean negated = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
        StringBuilder ranges = new StringBuilder();
        int i = negated ? 1 : 0;
        while (i < body.length()) {
            char lo = body.charAt(i);
            if (lo == '\\' && i + 1 < body.length()) {
                lo = body.charAt(++i);
            }
            i++;
            char hi = lo;
            if (i + 1 < body.length() && body.charAt(i) == '-') {
                hi = body.charAt(i + 1);
                if (hi == '\\' && i + 2 < body.length()) {
                    hi = body.charAt(i + 2);
                    i++;
                }
                i += 2;
            }
            ranges.append(lo).append(hi);
        }
        return new CharClass(negated, ranges.toString());
    }

    /**
     * Expands {@code {a,b}} alternatives, as {@code java.nio} globs have them, into one pattern per
     * alternative: {@code src/{a,b}/*.py} gives {@code src/a/*.py} and {@code src/b/*.py}.
     * Groups may nest; a backslash escapes a brace or comma.
     */
    public static List<String> expandBraces(String pattern) {
        requireNonNull(pattern, "pattern is null");
        int depth = 0;
        int open = -1;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == '}' && depth > 0 && --depth == 0) {
                String prefix = pattern.substring(0, open);
                String suffix = pattern.substring(i + 1);
                List<String> out = new ArrayList<>();
                for (String alternative : splitAlternatives(pattern.substring(open + 1, i))) {
                    out.addAll(expandBraces(prefix + alternative + suffix));
                }
                return out;
            }
        }
        return List.of(pattern);
    }

    private static List<String> splitAlternatives(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(body.substring(start, i));
                start = i + 1;
            }
        }
        out.add(body.substring(start));
        return out;
    }

    public boolean directoryOnly() {
        return directoryOnly;
    }

    /**
     * Whether the path made of {@code segments[from..]} (relative to the pattern's base directory)
     * matches; {@code isDirectory} tells whether it names a directory.
     */
    public boolean matches(String[] pathSegments, int from, boolean isDirectory) {
        return matches(pathSegments, from, pathSegments.length, isDirectory);
    }

    /** Whether the path made of {@code segments[from..to)} matches. */
    public boolean matches(String[] pathSegments, int from, int to, boolean isDirectory) {
        if (directoryOnly && !isDirectory) {
            return false;
        }
        return wildcard(segments.length, from, to, new Elements() {
            @Override
            public boolean isStar(int p) {
                return segments[p] == null;
            }

            @Override
            public boolean matches(int p, int s) {
                return matchesSegment(segments[p], pathSegments[s]);
            }
        });
    }

    private boolean matchesSegment(int[] codes, String text) {
        return wildcard(codes.length, 0, text.length(), new Elements() {
            @Override
            public boolean isStar(int p) {
                return codes[p] == STAR;
            }

            @Override
            public boolean matches(int p, int s) {
                return matchesChar(codes[p], text.charAt(s));
            }
        });
    }

    /** Pattern elements against text elements: path segments, or characters of one segment. */
    private interface Elements {
        /** Whether pattern element {@code p} matches any run of text elements ({@code **}, or {@code *}). */
        boolean isStar(int p);

        /** Whether pattern element {@code p} (not a star) matches text element {@code s}. */
        boolean matches(int p, int s);
    }

    /**
     * Matches {@code patternLength} pattern elements against text elements {@code [from, to)}:
     * greedy, backtracking only to the last star, as a star matches any run; no regular expression.
     */
    private static boolean wildcard(int patternLength, int from, int to, Elements elements) {
        int p = 0;
        int s = from;
        int starP = -1;
        int starS = 0;
        while (s < to) {
            if (p < patternLength && !elements.isStar(p) && elements.matches(p, s)) {
                p++;
                s++;
            } else if (p < patternLength && elements.isStar(p)) {
                starP = p++;
                starS = s;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < patternLength && elements.isStar(p)) {
            p++;
        }
        return p == patternLength;
    }

    private boolean matchesChar(int code, char c) {
        if (code >= 0) {
            return code == c;
        }
        if (code == ANY_CHAR) {
            return true;
        }
        return classes.get(CLASS_BASE - code).matches(c);
    }

    @Override
    public String toString() {
        return source;
    }
}
