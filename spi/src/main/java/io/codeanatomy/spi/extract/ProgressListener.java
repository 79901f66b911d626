package io.codeanatomy.spi.extract;

/**
 * Receives extraction progress. Called from extraction worker threads, so implementations are
 * thread-safe; calls are cheap and never block on I/O. Every method does nothing by default, so a
 * listener overrides only what it shows, and {@link #NONE} needs no body.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** The number of files the extraction will visit, reported once before the first file. */
    default void filesTotal(long count) {
    }

    /** One file finished (extracted or skipped with a problem), {@code bytes} long. */
    default void fileDone(long bytes) {
    }

    /** A problem with {@code file} (relative to the source root) that did not stop the extraction. */
    default void problem(String file, String message) {
    }
}
