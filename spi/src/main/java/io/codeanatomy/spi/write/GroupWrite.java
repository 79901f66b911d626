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
 * {@code droppedKeys}, then {@code batches}.
 *
 * @param replacedFiles data files of the table, as the table names them, that this group's new files replace
 * @param droppedKeys key values whose rows in the replaced files are not kept
 * @param batches the group's new rows; each batch valid until the next call on the iterator
 */
public record GroupWrite(List<String> replacedFiles, SortedSet<String> droppedKeys, Iterator<VectorSchemaRoot> batches) {
    public GroupWrite {
        replacedFiles = List.copyOf(requireNonNull(replacedFiles, "replacedFiles is null"));
        droppedKeys = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(droppedKeys, "droppedKeys is null")));
        requireNonNull(batches, "batches is null");
    }
}
