package io.codeanatomy.spi.table;

/**
 * A table (the {@link OpenedTable#table()} a provider returns) that counts what its scans read and
 * skipped; the runtime reports the counts of every registered table that does in the run's metrics.
 */
public interface CountsScans {
    /** The counts of the scans since the table was opened; safe to call while scans run. */
    ScanCounts scanCounts();
}
