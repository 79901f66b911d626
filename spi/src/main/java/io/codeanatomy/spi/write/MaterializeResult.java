package io.codeanatomy.spi.write;

/**
 * What a {@link Materializer} committed.
 *
 * @param rowsWritten rows written by this call
 * @param tableVersion table version created by the commit
 */
public record MaterializeResult(long rowsWritten, long tableVersion) {
    public MaterializeResult {
        if (rowsWritten < 0 || tableVersion < 0) {
            throw new IllegalArgumentException("A materialize result needs non-negative rows and version, got " + rowsWritten + " and " + tableVersion + ".");
        }
    }
}
