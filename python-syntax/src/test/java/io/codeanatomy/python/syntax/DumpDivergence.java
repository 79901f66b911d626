package io.codeanatomy.python.syntax;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where two {@code ast.dump} texts first differ: the offset, the node class and field being printed
 * there (e.g. {@code Name.end_col_offset}, {@code Constant.value}), and excerpts of both texts
 * around it. The field tells a position bug from a structure bug at a glance.
 */
public record DumpDivergence(int offset, String nodeField, String expectedExcerpt, String actualExcerpt) {
    private static final int BEFORE = 100;
    private static final int AFTER = 160;

    /** The first divergence of {@code actual} from {@code expected}; null when they are equal. */
    public static DumpDivergence of(String expected, String actual) {
        int n = Math.min(expected.length(), actual.length());
        int offset = 0;
        while (offset < n && expected.charAt(offset) == actual.charAt(offset)) {
            offset++;
        }
        if (offset == n && expected.length() == actual.length()) {
            return null;
        }
        return new DumpDivergence(offset, nodeField(expected, offset), excerpt(expected, offset), excerpt(actual, offset));
    }

    /** The innermost node open at {@code offset} and the field it is printing, by a scan of the prefix. */
    static String nodeField(String dump, int offset) {
        Deque<String[]> open = new ArrayDeque<>();
        int tokenStart = -1;
        for (int i = 0; i < offset; i++) {
            char c = dump.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(dump, i, offset);
                tokenStart = -1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                if (tokenStart < 0) {
                    tokenStart = i;
                }
            } else {
                String token = tokenStart >= 0 ? dump.substring(tokenStart, i) : "";
                tokenStart = -1;
                if (c == '(') {
                    open.push(new String[] {token, ""});
                } else if (c == '=' && !open.isEmpty()) {
                    open.peek()[1] = token;
                } else if (c == ')' && !open.isEmpty()) {
                    open.pop();
                }
            }
        }
        if (open.isEmpty()) {
            return "(top)";
        }
        String[] top = open.peek();
        // An operator or context singleton such as Load( is left open at its ')': report its owner.
        return top[1].isEmpty() && open.size() > 1 ? ownerOf(open) : top[0] + "." + top[1];
    }

    private static String ownerOf(Deque<String[]> open) {
        String[] inner = open.pop();
        String[] owner = open.peek();
        return owner[0] + "." + owner[1] + (inner[0].isEmpty() ? "" : " (" + inner[0] + ")");
    }

    private static int skipString(String dump, int quoteAt, int limit) {
        char quote = dump.charAt(quoteAt);
        for (int i = quoteAt + 1; i < limit; i++) {
            char c = dump.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return limit;
    }

    private static String excerpt(String text, int offset) {
        int from = Math.max(0, offset - BEFORE);
        int to = Math.min(text.length(), offset + AFTER);
        return (from > 0 ? "…" : "") + text.substring(from, offset) + "⟦" + text.substring(offset, to) + (to < text.length() ? "…" : "");
    }
}
