package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

/**
 * What a run did with one spool.
 *
 * @param view the shared view
 * @param rows rows of its computation
 * @param computations how often it was computed: 1 in a run that read it
 * @param scans how many plans scanned it
 */
public record SpoolMetrics(String view, long rows, int computations, int scans) {
    public SpoolMetrics {
        requireNonNull(view, "view is null");
    }
}
