package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Map;

/**
 * Python's hard keywords (identical from 3.7 to 3.14; {@code async} and {@code await} included),
 * found by a perfect hash over the first byte, last byte and length of a name, then one comparison.
 * Soft keywords are names.
 */
final class Keywords {
    private static final int MASK = 127;
    private static final byte[][] TEXT = new byte[MASK + 1][];
    private static final TokenKind[] KIND = new TokenKind[MASK + 1];

    static {
        Map<String, TokenKind> all = Map.ofEntries(
                Map.entry("False", TokenKind.FALSE), Map.entry("None", TokenKind.NONE), Map.entry("True", TokenKind.TRUE),
                Map.entry("and", TokenKind.AND), Map.entry("as", TokenKind.AS), Map.entry("assert", TokenKind.ASSERT),
                Map.entry("async", TokenKind.ASYNC), Map.entry("await", TokenKind.AWAIT), Map.entry("break", TokenKind.BREAK),
                Map.entry("class", TokenKind.CLASS), Map.entry("continue", TokenKind.CONTINUE), Map.entry("def", TokenKind.DEF),
                Map.entry("del", TokenKind.DEL), Map.entry("elif", TokenKind.ELIF), Map.entry("else", TokenKind.ELSE),
                Map.entry("except", TokenKind.EXCEPT), Map.entry("finally", TokenKind.FINALLY), Map.entry("for", TokenKind.FOR),
                Map.entry("from", TokenKind.FROM), Map.entry("global", TokenKind.GLOBAL), Map.entry("if", TokenKind.IF),
                Map.entry("import", TokenKind.IMPORT), Map.entry("in", TokenKind.IN), Map.entry("is", TokenKind.IS),
                Map.entry("lambda", TokenKind.LAMBDA), Map.entry("nonlocal", TokenKind.NONLOCAL), Map.entry("not", TokenKind.NOT),
                Map.entry("or", TokenKind.OR), Map.entry("pass", TokenKind.PASS), Map.entry("raise", TokenKind.RAISE),
                Map.entry("return", TokenKind.RETURN), Map.entry("try", TokenKind.TRY), Map.entry("while", TokenKind.WHILE),
                Map.entry("with", TokenKind.WITH), Map.entry("yield", TokenKind.YIELD));
        for (Map.Entry<String, TokenKind> e : all.entrySet()) {
            byte[] text = e.getKey().getBytes(US_ASCII);
            int h = hash(text[0], text[text.length - 1], text.length);
            if (TEXT[h] != null) {
                throw new ExceptionInInitializerError("keyword hash collision: " + e.getKey());
            }
            TEXT[h] = text;
            KIND[h] = e.getValue();
        }
    }

    private Keywords() {
    }

    private static int hash(int first, int last, int length) {
        return (first + last * 11 + length) & MASK;
    }

    /** The keyword's kind for the ASCII name {@code b[start, end)}, or {@link TokenKind#NAME}. */
    static TokenKind kind(byte[] b, int start, int end) {
        int len = end - start;
        if (len < 2 || len > 8) {
            return TokenKind.NAME;
        }
        int h = hash(b[start], b[end - 1], len);
        byte[] text = TEXT[h];
        if (text == null || text.length != len) {
            return TokenKind.NAME;
        }
        for (int i = 1; i < len - 1; i++) {
            if (text[i] != b[start + i]) {
                return TokenKind.NAME;
            }
        }
        return text[0] == b[start] && text[len - 1] == b[end - 1] ? KIND[h] : TokenKind.NAME;
    }
}
