package io.codeanatomy.spi.extract;

/**
 * Receives extraction progress. Called from extraction worker threads, so implementations are
 * thread-safe; calls are cheap and never block on I/O.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void filesTotal(long count) {
        }

        @Override
        public void fileDone(long bytes) {
        }

        @Override
        public void problem(String file, String message) {
        }
    };

    /** The number of files the extraction will visit, reported once before the first file. */
    void filesTotal(long count);

    /** One file finished (extracted or skipped with a problem), {@code bytes} long. */
    void fileDone(long bytes);

    /** A problem with {@code file} (relative to the source root) that did not stop the extraction. */
    void problem(String file, String message);
}
