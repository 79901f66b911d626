package io.codeanatomy.spi.write;

/**
 * What {@link Materializer#vacuum} deleted from one table.
 *
 * @param filesDeleted data files deleted
 * @param bytesDeleted their size in bytes
 */
public record VacuumResult(long filesDeleted, long bytesDeleted) {
    public static final VacuumResult NONE = new VacuumResult(0, 0);

    public VacuumResult {
        if (filesDeleted < 0 || bytesDeleted < 0) {
            throw new IllegalArgumentException("A vacuum result needs non-negative counts, got " + filesDeleted + " and " + bytesDeleted + ".");
        }
    }

    /** The sum of this and {@code other}. */
    public VacuumResult plus(VacuumResult other) {
        return new VacuumResult(filesDeleted + other.filesDeleted, bytesDeleted + other.bytesDeleted);
    }
}
