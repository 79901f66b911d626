package io.codeanatomy.spi.table;

/**
 * What the scans of one table read and skipped: data files the table's statistics let a filtered
 * scan skip (tier 1) and row groups the files' statistics let it skip (tier 2). A scan without a
 * filter reads every file and row group. Files are counted once a scan has listed them all (a scan
 * stopped early counts the files it read and none skipped); row groups are counted where the
 * reader decides them.
 *
 * @param scans scans started
 * @param filesRead data files read
 * @param filesSkipped data files skipped by their statistics
 * @param rowGroupsRead row groups read
 * @param rowGroupsSkipped row groups skipped by their statistics
 */
public record ScanCounts(long scans, long filesRead, long filesSkipped, long rowGroupsRead, long rowGroupsSkipped) {
    /** No scan. */
    public static final ScanCounts NONE = new ScanCounts(0, 0, 0, 0, 0);

    public ScanCounts {
        if (scans < 0 || filesRead < 0 || filesSkipped < 0 || rowGroupsRead < 0 || rowGroupsSkipped < 0) {
            throw new IllegalArgumentException("Scan counts need non-negative counts, got " + scans + " scans, " + filesRead + " and "
                    + filesSkipped + " files, " + rowGroupsRead + " and " + rowGroupsSkipped + " row groups.");
        }
    }

    /** The sum of this and {@code other}. */
    public ScanCounts plus(ScanCounts other) {
        return new ScanCounts(scans + other.scans, filesRead + other.filesRead, filesSkipped + other.filesSkipped,
                rowGroupsRead + other.rowGroupsRead, rowGroupsSkipped + other.rowGroupsSkipped);
    }
}
