package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.Locale;

/**
 * Finds a PEP 263 encoding declaration as CPython 3.11's string tokenizer does ({@code decode_str},
 * {@code check_coding_spec}, {@code get_coding_spec}): on line 1, or on line 2 when line 1 holds
 * nothing but blanks and a comment; the declaration must sit in a comment that is alone on its line
 * and reads {@code coding[:=][ \t]*[-\w.]+}. Lines end at \n, \r\n or a lone \r (CPython translates
 * newlines before it looks).
 */
final class CodingCookie {
    private CodingCookie() {
    }

    /** The declared encoding, normalised as CPython's {@code get_normal_name}, or null. */
    static String find(byte[] b, int from) {
        int n = b.length;
        int end1 = lineEnd(b, from);
        // CPython always sees a newline after line 1 (it appends one), so line 1 is always checked.
        int[] state = new int[1];
        String spec = spec(b, from, end1 - from, state);
        if (spec != null || state[0] != 0) {
            return spec;
        }
        int start2 = newlineEnd(b, end1);
        if (start2 >= n) {
            return null;
        }
        int end2 = lineEnd(b, start2);
        // Line 2 is measured with its newline, as CPython passes it (at the end of the file, the
        // newline CPython appends).
        return spec(b, start2, end2 - start2 + 1, state);
    }

    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int newlineEnd(byte[] b, int i) {
        if (i >= b.length) {
            return i;
        }
        if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
            return i + 2;
        }
        return i + 1;
    }

    /**
     * get_coding_spec on one line of {@code size} bytes (the byte at {@code size - 1} may be the
     * line's newline). Sets {@code stop[0]} when the line holds code, which ends the search.
     */
    private static String spec(byte[] b, int s, int size, int[] stop) {
        int i = 0;
        boolean comment = false;
        for (; i < size - 6; i++) {
            byte c = at(b, s + i);
            if (c == '#') {
                comment = true;
                break;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                break;
            }
        }
        if (comment) {
            for (; i < size - 6; i++) {
                int t = s + i;
                if (!startsWithCoding(b, t)) {
                    continue;
                }
                t += 6;
                byte sep = at(b, t);
                if (sep != ':' && sep != '=') {
                    continue;
                }
                do {
                    t++;
                } while (at(b, t) == ' ' || at(b, t) == '\t');
                int begin = t;
                while (isNameChar(at(b, t))) {
                    t++;
                }
                if (begin < t) {
                    return normalName(new String(b, begin, t - begin, ISO_8859_1));
                }
            }
        }
        for (int k = 0; k < size; k++) {
            byte c = at(b, s + k);
            if (c == '#' || c == '\n' || c == '\r') {
                break;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                stop[0] = 1;
                break;
            }
        }
        return null;
    }

    private static byte at(byte[] b, int i) {
        return i < b.length ? b[i] : (byte) '\n';
    }

    private static boolean startsWithCoding(byte[] b, int t) {
        return t + 6 <= b.length && b[t] == 'c' && b[t + 1] == 'o' && b[t + 2] == 'd' && b[t + 3] == 'i'
                && b[t + 4] == 'n' && b[t + 5] == 'g';
    }

    private static boolean isNameChar(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    /** CPython's get_normal_name: only the first 12 characters take part in the comparison. */
    static String normalName(String s) {
        String head = s.substring(0, Math.min(12, s.length())).toLowerCase(Locale.ROOT).replace('_', '-');
        if (head.equals("utf-8") || head.startsWith("utf-8-")) {
            return "utf-8";
        }
        if (head.equals("latin-1") || head.equals("iso-8859-1") || head.equals("iso-latin-1")
                || head.startsWith("latin-1-") || head.startsWith("iso-8859-1-") || head.startsWith("iso-latin-1-")) {
            return "iso-8859-1";
        }
        return s;
    }
}
