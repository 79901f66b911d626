package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

/**
 * What one write committed to a Delta table.
 *
 * @param tablePath the table's location as Kernel saw it
 * @param version the table version the commit created
 * @param rowsWritten rows in the files the commit added
 * @param filesAdded data files the commit added
 * @param filesRemoved data files the commit removed (overwrite)
 */
public record DeltaCommit(String tablePath, long version, long rowsWritten, int filesAdded, int filesRemoved) {
    public DeltaCommit {
        requireNonNull(tablePath, "tablePath is null");
    }
}
