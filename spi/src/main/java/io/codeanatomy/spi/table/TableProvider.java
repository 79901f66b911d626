package io.codeanatomy.spi.table;

import java.nio.file.Path;
import java.util.SortedSet;

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

    /**
     * Opens snapshot {@code version} of the table at {@code location} with only the data files
     * {@code dataFiles} (named as the format's log names them, as a grouped write reports them): the
     * rows of some groups of a table written in groups ({@code Materializer.writeGroups}). Throws as
     * {@link #open(Path, long)} does, and {@link IllegalArgumentException} naming a file that is not
     * live at that version. A format without data files to name cannot; the default says so.
     */
    default OpenedTable open(Path location, long version, SortedSet<String> dataFiles) {
        throw new IllegalArgumentException("tables of format '" + format() + "' cannot be opened with some of their data files only, so "
                + location + " cannot be read by groups.");
    }
}
