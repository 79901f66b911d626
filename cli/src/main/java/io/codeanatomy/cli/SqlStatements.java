package io.codeanatomy.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits SQL text into statements at the semicolons outside string literals, quoted identifiers
 * and comments. Each statement keeps its text (comments included) without the semicolon; blank
 * ones are dropped.
 */
final class SqlStatements {
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private SqlStatements() {
    }

    /** The complete statements of {@code text}; a last one without its semicolon counts too. */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        Scan scan = scan(text);
        int start = 0;
        for (int end : scan.semicolons()) {
            add(statements, text.substring(start, end));
            start = end + 1;
        }
        add(statements, text.substring(start));
        return statements;
    }

    /**
     * Whether {@code text} ends a statement: its last non-blank character is a semicolon outside any
     * literal or comment. The shell reads lines until this holds.
     */
    static boolean complete(String text) {
        Scan scan = scan(text);
        if (scan.open() || scan.semicolons().isEmpty()) {
            return false;
        }
        int last = scan.semicolons().get(scan.semicolons().size() - 1);
        return text.substring(last + 1).isBlank() || onlyLineComment(text.substring(last + 1));
    }

    /**
     * Every word of {@code text} that could name a table, lowercased: a superset of the tables a
     * query reads (a column may share a table's name), so that only those need opening.
     */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static boolean onlyLineComment(String rest) {
        return rest.strip().startsWith("--") && rest.strip().indexOf('\n') < 0;
    }

    private static void add(List<String> statements, String statement) {
        if (!statement.isBlank()) {
            statements.add(statement.strip());
        }
    }

    /** Offsets of the semicolons that end statements, and whether a literal or comment is still open at the end. */
    private record Scan(List<Integer> semicolons, boolean open) {
    }

    private static Scan scan(String text) {
        List<Integer> semicolons = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                // '' inside '...' (and "" inside "...") is the quote itself, which this loop reads as close-then-open.
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return new Scan(semicolons, true);
                }
                i = close + 1;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    return new Scan(semicolons, true);
                }
                i = close + 2;
            } else {
                if (c == ';') {
                    semicolons.add(i);
                }
                i++;
            }
        }
        return new Scan(semicolons, false);
    }
}
