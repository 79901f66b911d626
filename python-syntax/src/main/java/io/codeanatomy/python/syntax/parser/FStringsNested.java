package io.codeanatomy.python.syntax.parser;

/**
 * Skips over what PEP 701 (Python 3.12) lets a replacement field's expression contain: string
 * literals with escapes, nested f-strings and t-strings that may reuse the enclosing quote (with
 * fields of their own, format specs included), and comments. The lexer has already checked that
 * the whole token is well formed; this only has to find where each piece ends.
 */
final class FStringsNested {
    private FStringsNested() {
    }

    /** The index after the string literal whose opening quote is at {@code quote}, or {@code end}. */
    static int skipString(byte[] source, int quote, int end) {
        boolean interpolated = false;
        int p = quote;
        while (p > 0 && quote - p < 2 && isPrefixLetter(source[p - 1])) {
            p--;
            int letter = source[p] | 0x20;
            interpolated |= letter == 'f' || letter == 't';
        }
        if (p > 0 && isIdentifierByte(source[p - 1])) {
            // The letters end a name: this quote opens a plain string.
            interpolated = false;
        }
        byte q = source[quote];
        boolean triple = quote + 2 < end && source[quote + 1] == q && source[quote + 2] == q;
        int i = quote + (triple ? 3 : 1);
        while (i < end) {
            byte c = source[i];
            if (c == '\\') {
                boolean brace = i + 1 < end && (source[i + 1] == '{' || source[i + 1] == '}');
                i += interpolated && brace ? 1 : 2;
            } else if (c == q && (!triple || i + 2 < end && source[i + 1] == q && source[i + 2] == q)) {
                return i + (triple ? 3 : 1);
            } else if (interpolated && c == '{') {
                i = i + 1 < end && source[i + 1] == '{' ? i + 2 : skipField(source, i + 1, end);
            } else {
                i++;
            }
        }
        return end;
    }

    /** The index of the line end that closes the comment starting at {@code hash}, or {@code end}. */
    static int endOfComment(byte[] source, int hash, int end) {
        int i = hash;
        while (i < end && source[i] != '\n' && source[i] != '\r') {
            i++;
        }
        return i;
    }

    /** From just after a field's '{', the index after its closing '}'. */
    private static int skipField(byte[] source, int from, int end) {
        int depth = 0;
        int i = from;
        while (i < end) {
            byte c = source[i];
            if (c == '\'' || c == '"') {
                i = skipString(source, i, end);
                continue;
            }
            if (c == '#') {
                i = endOfComment(source, i, end);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (depth == 0) {
                    return i + 1;
                }
                depth--;
            } else if (c == ':' && depth == 0) {
                i = skipSpec(source, i + 1, end);
                continue;
            }
            i++;
        }
        return end;
    }

    /** From just after a format spec's ':', the index of the '}' that closes its field. */
    private static int skipSpec(byte[] source, int from, int end) {
        int i = from;
        while (i < end && source[i] != '}') {
            i = source[i] == '{' ? skipField(source, i + 1, end) : i + 1;
        }
        return i;
    }

    private static boolean isPrefixLetter(byte b) {
        int c = b | 0x20;
        return c == 'r' || c == 'b' || c == 'u' || c == 'f' || c == 't';
    }

    private static boolean isIdentifierByte(byte b) {
        return b < 0 || b == '_' || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
    }
}
