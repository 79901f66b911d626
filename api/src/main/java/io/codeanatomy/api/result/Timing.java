package io.codeanatomy.api.result;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * Time spent in one phase of a run: wall-clock, and the CPU time of the whole process over the
 * same span (every thread, the collector's and compiler's included) when it was measured.
 *
 * @param phase phase name (e.g. {@code compile}, {@code optimize}, {@code execute})
 * @param millis elapsed milliseconds, not negative
 * @param cpuMillis the process's CPU milliseconds in the phase, not negative; empty when not measured
 */
public record Timing(String phase, long millis, OptionalLong cpuMillis) {
    public Timing {
        requireNonNull(phase, "phase is null");
        requireNonNull(cpuMillis, "cpuMillis is null");
        if (phase.isBlank()) {
            throw new IllegalArgumentException("A timing needs a non-blank phase name.");
        }
        if (millis < 0) {
            throw new IllegalArgumentException("Phase '" + phase + "' has a negative duration " + millis + " ms.");
        }
        if (cpuMillis.isPresent() && cpuMillis.getAsLong() < 0) {
            throw new IllegalArgumentException("Phase '" + phase + "' has a negative CPU time " + cpuMillis.getAsLong() + " ms.");
        }
    }

    /** A phase's wall-clock time, its CPU time not measured. */
    public Timing(String phase, long millis) {
        this(phase, millis, OptionalLong.empty());
    }
}
