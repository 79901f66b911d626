package io.codeanatomy.spi.write;

/**
 * What the commits of a table between two of its versions did to its data files, as its log
 * records them: files and rows added, files and rows removed. A rewrite of a group of files counts
 * the rows it carried over on both sides, so these are rows written and dropped, not the net change.
 *
 * @param commits the commits read
 * @param filesAdded data files the commits added
 * @param filesRemoved data files the commits removed
 * @param rowsAdded rows of the added files
 * @param rowsRemoved rows of the removed files
 */
public record TableChanges(long commits, long filesAdded, long filesRemoved, long rowsAdded, long rowsRemoved) {
    /** Nothing read: no commit between the two versions. */
    public static final TableChanges NONE = new TableChanges(0, 0, 0, 0, 0);

    public TableChanges {
        if (commits < 0 || filesAdded < 0 || filesRemoved < 0 || rowsAdded < 0 || rowsRemoved < 0) {
            throw new IllegalArgumentException("Table changes need non-negative counts, got " + commits + " commits, " + filesAdded
                    + " and " + filesRemoved + " files, " + rowsAdded + " and " + rowsRemoved + " rows.");
        }
    }
}
