package io.codeanatomy.spi.write;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One group of a {@linkplain Materializer#writeGroups grouped write}: the data files it replaces, and
 * what its new data files hold, namely the rows of the replaced files whose key is not in
 * {@code droppedKeys} (none when {@code carriesRows} is false), then {@code batches}.
 *
 * @param replacedFiles data files of the table, as the table names them, that this group's new files replace
 * @param droppedKeys key values whose rows in the replaced files are not kept
 * @param batches the group's new rows; each batch valid until the next call on the iterator
 * @param carriesRows whether the replaced files' rows of other keys are kept; false replaces the group's
 *     rows whole, whatever their keys
 */
public record GroupWrite(List<String> replacedFiles, SortedSet<String> droppedKeys, Iterator<VectorSchemaRoot> batches,
        boolean carriesRows) {
    public GroupWrite {
        replacedFiles = List.copyOf(requireNonNull(replacedFiles, "replacedFiles is null"));
        droppedKeys = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(droppedKeys, "droppedKeys is null")));
        requireNonNull(batches, "batches is null");
    }

    /** A group that keeps the replaced files' rows whose key is not in {@code droppedKeys}. */
    public GroupWrite(List<String> replacedFiles, SortedSet<String> droppedKeys, Iterator<VectorSchemaRoot> batches) {
        this(replacedFiles, droppedKeys, batches, true);
    }

    /** A group whose new files hold {@code batches} only: nothing of {@code replacedFiles} is kept. */
    public static GroupWrite replacingWhole(List<String> replacedFiles, Iterator<VectorSchemaRoot> batches) {
        return new GroupWrite(replacedFiles, new TreeSet<>(), batches, false);
    }
}
