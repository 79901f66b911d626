package io.codeanatomy.python.syntax.lexer;

import java.util.Arrays;

/**
 * Finds where an f-string (or t-string) ends under PEP 701 (Python 3.12+), where replacement fields
 * may hold any expression: strings with the enclosing quote, nested f-strings, comments, newlines.
 * The whole f-string stays one STRING token. An explicit stack of frames replaces recursion, so
 * that nesting depth costs memory, never the Java stack; every byte is looked at once.
 */
final class NestedFString {
    /** Literal text of an f-string. */
    private static final int LITERAL = 0;
    /** An expression inside braces. */
    private static final int EXPRESSION = 1;
    /** A format spec after ':' at the top of a replacement field. */
    private static final int SPEC = 2;

    /** Bytes that literal text can skip without a look. */
    private static final boolean[] PLAIN_LITERAL = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            PLAIN_LITERAL[c] = c != '\'' && c != '"' && c != '\\' && c != '\n' && c != '\r' && c != 0 && c != '{' && c != '}';
        }
    }

    private final Lexer lexer;
    private final byte[] b;
    private final int limit;

    private int[] kinds = new int[8];
    /** Quote byte of the f-string a frame belongs to. */
    private int[] quotes = new int[8];
    private boolean[] triples = new boolean[8];
    private boolean[] raws = new boolean[8];
    /** Bracket depth inside an expression frame. */
    private int[] depths = new int[8];
    private int top = -1;

    NestedFString(Lexer lexer) {
        this.lexer = lexer;
        this.b = lexer.bytes();
        this.limit = lexer.limit();
    }

    /** Scans the f-string whose prefix starts at {@code start} and whose quote is at {@code quote}. */
    void scan(int start, int quote, boolean raw) {
        int startLine = lexer.line();
        int startLineStart = lexer.lineStart();
        boolean template = false;
        for (int i = start; i < quote; i++) {
            template |= (b[i] | 0x20) == 't';
        }
        int n = lexer.quoteCount(quote);
        push(LITERAL, b[quote], n == 3, raw);
        int p = quote + n;
        while (top >= 0) {
            if (p >= limit) {
                p = -p;
            } else {
                p = kinds[top] == EXPRESSION ? expression(p) : literal(p);
            }
            if (p < 0) {
                lexer.unterminated(start, startLine, startLineStart, -p, triples[0], template ? "t-" : "f-");
                return;
            }
        }
        lexer.emitString(start, p, startLine, startLineStart);
    }

    private void push(int kind, int quote, boolean triple, boolean raw) {
        if (++top == kinds.length) {
            int n = kinds.length * 2;
            kinds = Arrays.copyOf(kinds, n);
            quotes = Arrays.copyOf(quotes, n);
            triples = Arrays.copyOf(triples, n);
            raws = Arrays.copyOf(raws, n);
            depths = Arrays.copyOf(depths, n);
        }
        kinds[top] = kind;
        quotes[top] = quote;
        triples[top] = triple;
        raws[top] = raw;
        depths[top] = 0;
    }

    /** One step in literal text or a format spec; returns the next position, or minus where the string broke off. */
    private int literal(int from) {
        int p = from;
        while (p < limit && PLAIN_LITERAL[b[p] & 0xFF]) {
            p++;
        }
        if (p >= limit) {
            return -p;
        }
        byte c = b[p];
        int quote = quotes[top];
        boolean spec = kinds[top] == SPEC;
        if (c == quote) {
            if (spec) {
                // The f-string's quote ends it even inside a format spec (CPython then reports the missing '}').
                top -= 2;
                return p;
            }
            if (!triples[top]) {
                top--;
                return p + 1;
            }
            if (p + 2 < limit && b[p + 1] == quote && b[p + 2] == quote) {
                top--;
                return p + 3;
            }
            return p + 1;
        }
        switch (c) {
            case '{' -> {
                if (!spec && p + 1 < limit && b[p + 1] == '{') {
                    return p + 2;
                }
                push(EXPRESSION, quote, triples[top], raws[top]);
                return p + 1;
            }
            case '}' -> {
                if (spec) {
                    top -= 2;
                    return p + 1;
                }
                return p + 1 < limit && b[p + 1] == '}' ? p + 2 : p + 1;
            }
            case '\\' -> {
                return escape(p + 1, quote);
            }
            case '\n', '\r' -> {
                if (spec && !triples[top]) {
                    // A newline ends the format spec of a single-quoted f-string; the field goes on
                    // as an expression (CPython 3.12 then wants its '}').
                    top--;
                    return lexer.skipNewline(p);
                }
                return triples[top] ? lexer.skipNewline(p) : -p;
            }
            case 0 -> {
                lexer.nulInToken(p);
                return p + 1;
            }
            default -> {
                // the other quote character
                return p + 1;
            }
        }
    }

    /** After a backslash in literal text: a brace keeps its meaning; \N{...} is skipped whole. */
    private int escape(int p, int quote) {
        if (p >= limit) {
            return p;
        }
        byte d = b[p];
        if (d == '{' || d == '}') {
            return p;
        }
        if (!raws[top] && d == 'N' && p + 1 < limit && b[p + 1] == '{') {
            int k = p + 2;
            while (k < limit && b[k] != '}' && b[k] != quote && b[k] != '\n' && b[k] != '\r') {
                k++;
            }
            return k < limit && b[k] == '}' ? k + 1 : k;
        }
        return lexer.afterEscape(p);
    }

    /** One step inside a replacement field's expression. */
    private int expression(int p) {
        int c = b[p] & 0xFF;
        switch (c) {
            case '\n', '\r' -> {
                return lexer.skipNewline(p);
            }
            case '#' -> {
                int k = p;
                while (k < limit && b[k] != '\n' && b[k] != '\r') {
                    k++;
                }
                return k;
            }
            case '\\' -> {
                int k = p + 1;
                return k < limit && (b[k] == '\n' || b[k] == '\r') ? lexer.skipNewline(k) : k;
            }
            case '\'', '"' -> {
                return lexer.plainStringEnd(p);
            }
            case '(', '[', '{' -> {
                depths[top]++;
                return p + 1;
            }
            case ')', ']' -> {
                if (depths[top] > 0) {
                    depths[top]--;
                }
                return p + 1;
            }
            case '}' -> {
                if (depths[top] == 0) {
                    top--;
                } else {
                    depths[top]--;
                }
                return p + 1;
            }
            case ':' -> {
                if (depths[top] == 0) {
                    push(SPEC, quotes[top], triples[top], raws[top]);
                }
                return p + 1;
            }
            case '!' -> {
                return p + 1 < limit && b[p + 1] == '=' ? p + 2 : p + 1;
            }
            case 0 -> {
                lexer.nulInToken(p);
                return p + 1;
            }
            default -> {
                return Lexer.identChar(c) ? word(p) : p + 1;
            }
        }
    }

    /** A name, number or prefixed string inside an expression. */
    private int word(int p) {
        int q = lexer.stringQuoteAt(p);
        if (q < 0) {
            int k = p + 1;
            while (k < limit && (Lexer.identChar(b[k] & 0xFF) || b[k] == '.' && b[p] >= '0' && b[p] <= '9')) {
                k++;
            }
            return k;
        }
        boolean formatted = false;
        boolean raw = false;
        for (int i = p; i < q; i++) {
            int c = b[i] | 0x20;
            formatted |= c == 'f' || c == 't';
            raw |= c == 'r';
        }
        if (!formatted) {
            return lexer.plainStringEnd(q);
        }
        int n = lexer.quoteCount(q);
        push(LITERAL, b[q], n == 3, raw);
        return q + n;
    }
}
