package io.codeanatomy.spi.write;

import io.codeanatomy.api.spec.WriteMode;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Writes Arrow batches to a table of one format, as one commit.
 *
 * <p>Contract: a batch returned by {@code batches.next()} is valid only until the next call on
 * the iterator (producers reuse roots); the materializer reads it, never closes it. Every batch
 * has exactly {@code schema}. The write is all or nothing: when it throws, no new table version
 * is visible and no data files are referenced. Errors a user can cause (a table already exists
 * in {@link WriteMode#CREATE}, a schema that does not match the existing table) are
 * {@link IllegalArgumentException}s with one sentence naming the location.
 */
public interface Materializer {
    /** The format name, e.g. {@code delta}; unique among loaded materializers. */
    String format();

    MaterializeResult write(Path location, WriteMode mode, Schema schema, Iterator<VectorSchemaRoot> batches);

    /**
     * Deletes the data files below the table at {@code location} that none of the versions in
     * {@code keep} (nor the table's latest version) references: files of superseded versions and
     * files of writes that never committed. The caller guarantees that no writer is writing the
     * table and that no reader still needs another version. Log files are never deleted. A format
     * without versions keeps everything; the default does that.
     */
    default VacuumResult vacuum(Path location, SortedSet<Long> keep) {
        return VacuumResult.NONE;
    }

    /**
     * What the commits after version {@code from} up to version {@code to} of the table at
     * {@code location} added and removed, read from the table's log; empty when the format keeps no
     * log (the default) or the log does not record the rows of a file it added or removed.
     *
     * @throws IllegalArgumentException when {@code from} is negative or after {@code to}
     */
    default Optional<TableChanges> changes(Path location, long from, long to) {
        return Optional.empty();
    }

    /**
     * One commit that replaces some groups of the table's data files and keeps the others: for each
     * of {@code groups}, in order, its replaced files are removed and new data files written holding
     * the replaced files' rows whose {@code keyColumn} value the group does not drop, then the
     * group's batches; with {@code replaceAll} every live file is removed (the table is created if
     * absent, replaced if its schema differs) and groups replace nothing. Each group gets data files
     * of its own, so a later write can replace it alone. All or nothing, as {@link #write}. The
     * default, for a format without files to group, refuses; callers then {@link #write} whole tables.
     */
    default GroupedWriteResult writeGroups(Path location, Schema schema, boolean replaceAll, String keyColumn,
            Iterator<GroupWrite> groups) {
        throw new UnsupportedOperationException("the " + format() + " materializer cannot write groups of data files");
    }

    /** Whether {@link #writeGroups} is supported; the default says no. */
    default boolean writesGroups() {
        return false;
    }
}
