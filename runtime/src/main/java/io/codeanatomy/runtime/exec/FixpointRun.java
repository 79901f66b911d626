package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one recursive query of an executed plan did.
 *
 * @param table the transient table the step read ({@code <recursive name>$<n>})
 * @param maxIterations the bound the spec gave
 * @param rowsPerRound rows written per round, the seed's first; step rounds count rows before
 *     duplicates are dropped
 */
public record FixpointRun(String table, int maxIterations, List<Long> rowsPerRound) {
    public FixpointRun {
        requireNonNull(table, "table is null");
        rowsPerRound = List.copyOf(requireNonNull(rowsPerRound, "rowsPerRound is null"));
    }

    /** Step rounds run: the last one found nothing new, or the bound was reached. */
    public int iterations() {
        return Math.max(0, rowsPerRound.size() - 1);
    }

    /** Whether the iteration stopped at the bound, so the result may be incomplete. */
    public boolean reachedBound() {
        return iterations() >= maxIterations;
    }
}
