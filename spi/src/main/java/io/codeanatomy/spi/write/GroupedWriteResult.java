package io.codeanatomy.spi.write;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a {@linkplain Materializer#writeGroups grouped write} committed.
 *
 * @param tableVersion the table version the commit created
 * @param rowsWritten new rows written (the groups' batches)
 * @param rowsCarried rows of replaced files copied into the new files
 * @param rowsDropped rows of replaced files not kept
 * @param files per group, in the order the groups came, the data files written for it as the table names them
 */
public record GroupedWriteResult(long tableVersion, long rowsWritten, long rowsCarried, long rowsDropped, List<List<String>> files) {
    public GroupedWriteResult {
        if (tableVersion < 0 || rowsWritten < 0 || rowsCarried < 0 || rowsDropped < 0) {
            throw new IllegalArgumentException("A grouped write result needs a non-negative version and row counts, got "
                    + tableVersion + ", " + rowsWritten + ", " + rowsCarried + ", " + rowsDropped + ".");
        }
        files = requireNonNull(files, "files is null").stream().map(List::copyOf).toList();
    }
}
