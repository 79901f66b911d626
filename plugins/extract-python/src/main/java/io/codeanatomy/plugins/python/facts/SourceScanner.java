package io.codeanatomy.plugins.python.facts;

import java.nio.charset.StandardCharsets;

/**
 * Finds tokens that the AST does not locate (a def's name, the names of a global statement, an
 * import's alias, an except clause's name) in the UTF-8 source. Every method stays inside the
 * buffer and returns a position even on text it does not expect, so a recovered tree can never
 * make extraction fail.
 */
final class SourceScanner {
    /** Longest source text kept in a text column; the span column next to it is always exact. */
    static final int MAX_TEXT_BYTES = 1000;

    private final byte[] src;

    SourceScanner(byte[] src) {
        this.src = src;
    }

    /** A byte that may be part of an identifier (non-ASCII bytes always are, in a valid file). */
    static boolean isIdentifierByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b < 0;
    }

    int clamp(int pos) {
        return Math.max(0, Math.min(pos, src.length));
    }

    /** End of the identifier that starts at {@code pos}. */
    int identifierEnd(int pos) {
        int p = clamp(pos);
        while (p < src.length && isIdentifierByte(src[p])) {
            p++;
        }
        return p;
    }

    /** Start of the identifier that ends at {@code end}. */
    int identifierStart(int end) {
        int p = clamp(end);
        while (p > 0 && isIdentifierByte(src[p - 1])) {
            p--;
        }
        return p;
    }

    /** Skips blanks, newlines, backslash continuations and comments. */
    int skipTrivia(int pos) {
        int p = clamp(pos);
        while (p < src.length) {
            byte c = src[p];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                p++;
            } else if (c == '\\' && p + 1 < src.length && (src[p + 1] == '\n' || src[p + 1] == '\r')) {
                p += 2;
            } else if (c == '#') {
                while (p < src.length && src[p] != '\n' && src[p] != '\r') {
                    p++;
                }
            } else {
                break;
            }
        }
        return p;
    }

    /** Skips trivia and any of the given punctuation bytes. */
    int skipTriviaAnd(int pos, String punctuation) {
        int p = skipTrivia(pos);
        while (p < src.length && punctuation.indexOf(src[p]) >= 0) {
            p = skipTrivia(p + 1);
        }
        return p;
    }

    /** Skips the keyword at {@code pos} if it is there as a whole word, then trivia. */
    int skipKeyword(int pos, String keyword) {
        int p = skipTrivia(pos);
        int end = p + keyword.length();
        if (end > src.length || (end < src.length && isIdentifierByte(src[end]))) {
            return p;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (src[p + i] != keyword.charAt(i)) {
                return p;
            }
        }
        return skipTrivia(end);
    }

    /** Source text of {@code [bstart, bend)}, cut at a character boundary after {@link #MAX_TEXT_BYTES} bytes. */
    String text(int bstart, int bend) {
        int start = clamp(bstart);
        int end = Math.max(start, clamp(bend));
        if (end - start > MAX_TEXT_BYTES) {
            end = start + MAX_TEXT_BYTES;
            while (end > start && (src[end] & 0xC0) == 0x80) {
                end--;
            }
        }
        return new String(src, start, end - start, StandardCharsets.UTF_8);
    }
}
