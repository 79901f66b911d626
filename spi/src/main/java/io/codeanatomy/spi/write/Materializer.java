package io.codeanatomy.spi.write;

import io.codeanatomy.api.spec.WriteMode;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.file.Path;
import java.util.Iterator;
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
}
