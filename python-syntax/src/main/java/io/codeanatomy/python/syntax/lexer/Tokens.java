package io.codeanatomy.python.syntax.lexer;

import java.util.Arrays;

/**
 * The token stream of one file as parallel int arrays (no object per token). Token {@code i} covers
 * the UTF-8 bytes {@code [start(i), end(i))} of the decoded source; lines are 1-based, columns are
 * 0-based UTF-8 byte offsets from the start of the line, as in CPython's AST. NEWLINE, INDENT,
 * DEDENT and ENDMARKER tokens have positions as CPython's tokenizer gives them. The last token is
 * always ENDMARKER.
 */
public final class Tokens {
    private byte[] kinds;
    private int[] starts;
    private int[] ends;
    private int[] lines;
    private int[] cols;
    private int[] endLines;
    private int[] endCols;
    private int size;

    public Tokens(int capacityHint) {
        int n = Math.max(16, capacityHint);
        kinds = new byte[n];
        starts = new int[n];
        ends = new int[n];
        lines = new int[n];
        cols = new int[n];
        endLines = new int[n];
        endCols = new int[n];
    }

    public void add(TokenKind kind, int start, int end, int line, int col, int endLine, int endCol) {
        if (size == kinds.length) {
            grow();
        }
        kinds[size] = (byte) kind.ordinal();
        starts[size] = start;
        ends[size] = end;
        lines[size] = line;
        cols[size] = col;
        endLines[size] = endLine;
        endCols[size] = endCol;
        size++;
    }

    private void grow() {
        int n = kinds.length * 2;
        kinds = Arrays.copyOf(kinds, n);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        lines = Arrays.copyOf(lines, n);
        cols = Arrays.copyOf(cols, n);
        endLines = Arrays.copyOf(endLines, n);
        endCols = Arrays.copyOf(endCols, n);
    }

    public int size() {
        return size;
    }

    public TokenKind kind(int i) {
        return TokenKind.of(kinds[i]);
    }

    /** The kind's ordinal, for switch-free comparisons in hot loops. */
    public int kindOrdinal(int i) {
        return kinds[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public int line(int i) {
        return lines[i];
    }

    public int col(int i) {
        return cols[i];
    }

    public int endLine(int i) {
        return endLines[i];
    }

    public int endCol(int i) {
        return endCols[i];
    }
}
