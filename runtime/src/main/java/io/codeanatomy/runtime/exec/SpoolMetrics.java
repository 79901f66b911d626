package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

/**
 * What a run did with one spool.
 *
 * @param view the shared view
 * @param rows rows of its computation
 * @param computations how often it was computed: 1 in a run that read it
 * @param scans how many plans scanned it
 * @param millis wall time of its computation, in milliseconds (0 when not computed)
 * @param cpuMillis CPU time of the thread that computed it, during the computation, in milliseconds:
 *     the work of its own plan, a fixpoint's rounds included; collector threads not counted
 */
public record SpoolMetrics(String view, long rows, int computations, int scans, long millis, long cpuMillis) {
    public SpoolMetrics {
        requireNonNull(view, "view is null");
    }

    /** This view's figures and {@code other}'s (of the same view in another session) summed. */
    public SpoolMetrics plus(SpoolMetrics other) {
        return new SpoolMetrics(view, rows + other.rows, computations + other.computations, scans + other.scans, millis + other.millis,
                cpuMillis + other.cpuMillis);
    }
}
