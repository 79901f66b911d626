package io.codeanatomy.runtime.pipeline;

import io.codeanatomy.spi.extract.ProgressListener;

/**
 * Follows a build: which phase runs, and the extraction's per-file progress. Called from worker
 * threads during extraction, so implementations are thread-safe and cheap. Every method does
 * nothing by default, as in {@link ProgressListener}.
 */
public interface BuildListener extends ProgressListener {
    /** A listener that ignores everything. */
    BuildListener NONE = new BuildListener() {
    };

    /**
     * A phase ({@code extract}, {@code register}, {@code compile}, {@code plan}, {@code execute},
     * {@code report}, {@code publish}) begins.
     */
    default void phaseStarted(String phase) {
    }

    /** Something went wrong that does not fail the build (the run report could not be drawn); one sentence. */
    default void warning(String message) {
    }
}
