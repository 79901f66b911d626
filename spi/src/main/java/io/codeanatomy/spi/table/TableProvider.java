package io.codeanatomy.spi.table;

import java.nio.file.Path;

/**
 * Opens stored tables of one format as Calcite tables. Implementations are stateless or
 * thread-safe: the runtime may open several tables at once.
 */
public interface TableProvider {
    /** The format name, e.g. {@code delta}; unique among loaded providers. */
    String format();

    /** Tells whether {@code location} holds a table of this format; never throws for a missing path. */
    boolean canOpen(Path location);

    /**
     * Opens the latest snapshot of the table at {@code location}. Throws
     * {@link IllegalArgumentException} with one sentence naming the location when it holds no
     * readable table of this format, {@link java.io.UncheckedIOException} on I/O failure.
     */
    OpenedTable open(Path location);

    /**
     * Opens snapshot {@code version} of the table at {@code location}, as a build manifest names it.
     * A format without versions has only its latest snapshot; the default says so. Throws as
     * {@link #open(Path)} does, and {@link IllegalArgumentException} naming the version when the
     * table has no such version (any more).
     */
    default OpenedTable open(Path location, long version) {
        throw new IllegalArgumentException("tables of format '" + format() + "' have no versions, so " + location
                + " cannot be opened at version " + version + ".");
    }
}
