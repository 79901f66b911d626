package io.codeanatomy.runtime.pipeline;

import io.codeanatomy.spi.extract.ProgressListener;

/**
 * Follows a build: which phase runs, and the extraction's per-file progress. Called from worker
 * threads during extraction, so implementations are thread-safe and cheap.
 */
public interface BuildListener extends ProgressListener {
    BuildListener NONE = new BuildListener() {
        @Override
        public void phaseStarted(String phase) {
        }

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

    /** A phase ({@code extract}, {@code register}, {@code compile}, {@code plan}, {@code execute}, {@code publish}) begins. */
    void phaseStarted(String phase);
}
