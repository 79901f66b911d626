package io.codeanatomy.python.syntax.parser;

import io.codeanatomy.python.syntax.lexer.Tokens;

/**
 * One STRING token of a concatenation, taken apart: its prefix letters and the byte range of its
 * body between the quotes.
 *
 * @param token     index of the token
 * @param bodyStart first byte after the opening quote(s)
 * @param bodyEnd   first byte of the closing quote(s)
 * @param bytes     a {@code b} prefix
 * @param raw       an {@code r} prefix
 * @param formatted an {@code f} prefix
 * @param template  a {@code t} prefix (3.14)
 * @param kindU     the token starts with a lower-case {@code u}, which CPython reports as kind 'u'
 */
record StringLiteralsPart(int token, int bodyStart, int bodyEnd, boolean bytes, boolean raw, boolean formatted,
        boolean template, boolean kindU) {

    static StringLiteralsPart of(byte[] source, Tokens tokens, int token) {
        int start = tokens.start(token);
        int end = tokens.end(token);
        boolean bytes = false;
        boolean raw = false;
        boolean formatted = false;
        boolean template = false;
        int i = start;
        while (i < end && source[i] != '\'' && source[i] != '"') {
            switch (source[i] | 0x20) {
                case 'b' -> bytes = true;
                case 'r' -> raw = true;
                case 'f' -> formatted = true;
                case 't' -> template = true;
                default -> {
                    // 'u' only sets the kind, read from the first byte below.
                }
            }
            i++;
        }
        int quotes = end - i >= 6 && source[i + 1] == source[i] && source[i + 2] == source[i] ? 3 : 1;
        int bodyStart = Math.min(i + quotes, end);
        int bodyEnd = Math.max(bodyStart, end - quotes);
        return new StringLiteralsPart(token, bodyStart, bodyEnd, bytes, raw, formatted, template,
                source[start] == 'u');
    }

    /** An f-string or t-string, whose body has replacement fields. */
    boolean interpolated() {
        return formatted || template;
    }
}
