package io.codeanatomy.spi.source;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one {@code .gitignore} file, whose directory is {@code depth} segments below the
 * source root. Follows gitignore(5): blank lines and {@code #} comments are skipped, trailing
 * blanks are dropped unless escaped, {@code !} negates, {@code \#} and {@code \!} are literal, and
 * the last matching rule decides.
 */
public final class GitIgnore {
    private record Rule(PathPattern pattern, boolean negated) {
    }

    private final int depth;
    private final List<Rule> rules;

    private GitIgnore(int depth, List<Rule> rules) {
        this.depth = depth;
        this.rules = rules;
    }

    public static GitIgnore parse(String text, int depth) {
        requireNonNull(text, "text is null");
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            line = stripTrailingBlanks(line);
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            }
            PathPattern pattern = PathPattern.compile(line);
            if (pattern != null) {
                rules.add(new Rule(pattern, negated));
            }
        }
        return new GitIgnore(depth, List.copyOf(rules));
    }

    private static String stripTrailingBlanks(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            int backslashes = 0;
            for (int i = end - 2; i >= 0 && line.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                break;
            }
            end--;
        }
        return line.substring(0, end);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether this file ignores the path (segments relative to the source root, below this file's
     * directory): TRUE ignored, FALSE re-included by a negation, null when no rule matches.
     */
    public Boolean decide(String[] pathSegments, boolean isDirectory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.pattern().matches(pathSegments, depth, isDirectory)) {
                return !rule.negated();
            }
        }
        return null;
    }
}
