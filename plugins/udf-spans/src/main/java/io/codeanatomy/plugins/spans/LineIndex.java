package io.codeanatomy.plugins.spans;

import java.util.List;

/**
 * Line and column of a byte offset from a file's line index, the {@code line_starts} list of
 * {@code py_lines_v2} (the first byte of every line, ascending). Positions read the way CPython's
 * {@code ast} reports them: the line is 1-based, the column is the 0-based UTF-8 byte offset from
 * the start of the line ({@code col_offset}). A lookup is a binary search, so a node needs its
 * file's one index row, never a join against every line. A null argument, an empty index or a
 * negative offset gives null.
 */
public final class LineIndex {
    private LineIndex() {
    }

    /** {@code line_number(line_starts, offset)}: the 1-based line holding {@code offset}. */
    public static Integer lineNumber(List<? extends Number> lineStarts, Long offset) {
        int index = lineIndex(lineStarts, offset);
        return index < 0 ? null : index + 1;
    }

    /** {@code line_column(line_starts, offset)}: the 0-based byte offset of {@code offset} within its line. */
    public static Integer lineColumn(List<? extends Number> lineStarts, Long offset) {
        int index = lineIndex(lineStarts, offset);
        return index < 0 ? null : Math.toIntExact(offset - lineStarts.get(index).longValue());
    }

    /** The 0-based index of the last line starting at or before {@code offset}; -1 when there is none. */
    private static int lineIndex(List<? extends Number> lineStarts, Long offset) {
        if (lineStarts == null || offset == null || lineStarts.isEmpty() || offset < lineStarts.get(0).longValue()) {
            return -1;
        }
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts.get(middle).longValue() <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
