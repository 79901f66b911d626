package io.codeanatomy.api.result;

import static java.util.Objects.requireNonNull;

/**
 * Wall-clock time spent in one phase of a run.
 *
 * @param phase phase name (e.g. {@code compile}, {@code optimize}, {@code execute})
 * @param millis elapsed milliseconds, not negative
 */
public record Timing(String phase, long millis) {
    public Timing {
        requireNonNull(phase, "phase is null");
        if (phase.isBlank()) {
            throw new IllegalArgumentException("A timing needs a non-blank phase name.");
        }
        if (millis < 0) {
            throw new IllegalArgumentException("Phase '" + phase + "' has a negative duration " + millis + " ms.");
        }
    }
}
