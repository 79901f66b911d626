package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A file's lines in one row: the byte offset at which each line starts, ascending from 0. Line
 * {@code k} (1-based) spans {@code [starts[k-1], starts[k])} and the last line ends at {@code bend};
 * a terminator belongs to its line. The row spans the whole text. {@code starts} is the decoded
 * source's own array, shared rather than copied because nothing modifies it.
 */
public record LineStartsRow(String id, long bstart, long bend, int[] starts) implements Row {
    public LineStartsRow {
        requireNonNull(id, "id is null");
        requireNonNull(starts, "starts is null");
    }
}
