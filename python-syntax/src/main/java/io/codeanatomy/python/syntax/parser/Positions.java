package io.codeanatomy.python.syntax.parser;

import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;

/** Turns byte offsets into the line and column that CPython reports for errors. */
final class Positions {
    private Positions() {
    }

    /**
     * The error at {@code bstart}: CPython's 1-based column is the 1-based byte column, turned
     * into characters by decoding that many bytes of the line when the file has a BOM or a coding
     * declaration.
     */
    static SyntaxError syntaxError(SourceText source, boolean charColumns, String message, int bstart, int bend) {
        byte[] bytes = source.bytes();
        int start = Math.max(0, Math.min(bstart, bytes.length));
        int end = Math.max(start, Math.min(bend, bytes.length));
        int line = source.lineOf(start);
        int lineStart = source.lineStarts()[line - 1];
        int column = charColumns ? characters(bytes, lineStart, Math.min(start + 1, bytes.length)) : start - lineStart + 1;
        if (charColumns && start == bytes.length) {
            column++;
        }
        return new SyntaxError(message, start, end, line, column);
    }

    /**
     * The error at the tokenizer's cursor (for INDENT and DEDENT tokens, which have no column):
     * CPython reports the cursor's 0-based column.
     */
    static SyntaxError cursorError(SourceText source, boolean charColumns, String message, int cursor) {
        byte[] bytes = source.bytes();
        int at = Math.max(0, Math.min(cursor, bytes.length));
        int line = source.lineOf(at);
        int lineStart = source.lineStarts()[line - 1];
        int column = charColumns ? characters(bytes, lineStart, at) : at - lineStart;
        return new SyntaxError(message, at, at, line, column);
    }

    /** Number of characters (UTF-8 lead bytes) in {@code bytes[from, to)}. */
    static int characters(byte[] bytes, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }
}
