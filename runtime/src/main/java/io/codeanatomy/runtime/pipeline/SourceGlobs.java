package io.codeanatomy.runtime.pipeline;

import java.util.List;

/**
 * Checks {@code --include}/{@code --exclude} patterns before a build starts. The file selection
 * reads an unclosed {@code [} as a literal and an unbalanced brace as text, as gitignore does; on a
 * command line those are typing mistakes that would select no files (and, before the shrink guard,
 * empty the output), so they are usage errors here.
 */
final class SourceGlobs {
    private SourceGlobs() {}

    /** @throws InvalidInputException naming the first malformed pattern of {@code option} */
    static void check(List<String> globs, String option) {
        for (String glob : globs) {
            String problem = problem(glob);
            if (problem != null) {
                throw new InvalidInputException(option + " '" + glob + "' is not a valid pattern: " + problem
                        + " (escape a literal one with a backslash).");
            }
        }
    }

    private static String problem(String glob) {
        if (glob.isBlank()) {
            return "it is empty";
        }
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                if (i + 1 == glob.length()) {
                    return "it ends with a backslash";
                }
                i++;
            } else if (c == '[') {
                int close = classEnd(glob, i);
                if (close < 0) {
                    return "the '[' at position " + (i + 1) + " is never closed";
                }
                i = close;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                if (braces == 0) {
                    return "the '}' at position " + (i + 1) + " closes no '{'";
                }
                braces--;
            }
        }
        return braces == 0 ? null : "a '{' is never closed";
    }

    /** Index of the ']' closing the class opened at {@code open} ({@code []]} and {@code [!]]} hold a ']'), or -1. */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            } else if (c == '/') {
                return -1;
            }
        }
        return -1;
    }
}
