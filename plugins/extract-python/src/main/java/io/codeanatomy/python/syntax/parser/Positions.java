package io.codeanatomy.python.syntax.parser;

import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;

/** Turns byte offsets into the line and character column that CPython reports for errors. */
final class Positions {
    private Positions() {
    }

    static SyntaxError syntaxError(SourceText source, String message, int bstart, int bend) {
        byte[] bytes = source.bytes();
        int start = Math.max(0, Math.min(bstart, bytes.length));
        int end = Math.max(start, Math.min(bend, bytes.length));
        int line = source.lineOf(start);
        int lineStart = source.lineStarts()[line - 1];
        return new SyntaxError(message, start, end, line, characters(bytes, lineStart, start) + 1);
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
