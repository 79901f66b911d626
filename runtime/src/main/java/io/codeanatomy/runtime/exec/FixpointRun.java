package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one recursive query of an executed plan did.
 *
 * @param table the fixpoint's name: the transient table a {@code RepeatUnion} step read
 *     ({@code <recursive name>$<n>}), or a semi-naive fixpoint's total ({@code <total name>$<n>})
 * @param maxIterations the bound the spec gave
 * @param rowsPerRound rows produced per round, the seed's first; step rounds count rows before
 *     duplicates are dropped
 * @param newRowsPerRound rows per round that were new (a semi-naive fixpoint's deltas); empty for a
 *     {@code RepeatUnion}, which does not tell
 * @param nanosPerRound wall time per round, the seed's first; empty for a {@code RepeatUnion}
 * @param droppedRowsPerRound new rows per round that would have taken a group past its bound and were
 *     dropped, the seed's first (rows derived for a group already full are dropped uncounted); empty
 *     when the fixpoint has no bounds
 * @param fullGroups groups that reached their bound
 * @param cpuNanosPerBranch CPU time per branch of a semi-naive step (each rule's variant, in the
 *     step's order) over all rounds; empty for a step of one branch and for a {@code RepeatUnion}
 * @param rowsPerBranch rows per branch of a semi-naive step over all rounds, duplicates included;
 *     empty when {@code cpuNanosPerBranch} is
 */
public record FixpointRun(String table, int maxIterations, List<Long> rowsPerRound, List<Long> newRowsPerRound, List<Long> nanosPerRound,
        List<Long> droppedRowsPerRound, long fullGroups, List<Long> cpuNanosPerBranch, List<Long> rowsPerBranch) {
    public FixpointRun {
        requireNonNull(table, "table is null");
        rowsPerRound = List.copyOf(requireNonNull(rowsPerRound, "rowsPerRound is null"));
        newRowsPerRound = List.copyOf(requireNonNull(newRowsPerRound, "newRowsPerRound is null"));
        nanosPerRound = List.copyOf(requireNonNull(nanosPerRound, "nanosPerRound is null"));
        droppedRowsPerRound = List.copyOf(requireNonNull(droppedRowsPerRound, "droppedRowsPerRound is null"));
        cpuNanosPerBranch = List.copyOf(requireNonNull(cpuNanosPerBranch, "cpuNanosPerBranch is null"));
        rowsPerBranch = List.copyOf(requireNonNull(rowsPerBranch, "rowsPerBranch is null"));
        if (cpuNanosPerBranch.size() != rowsPerBranch.size()) {
            throw new IllegalArgumentException("cpuNanosPerBranch has " + cpuNanosPerBranch.size() + " branches, rowsPerBranch "
                    + rowsPerBranch.size());
        }
    }

    /** A {@code RepeatUnion}'s run, which counts rows per round only. */
    public FixpointRun(String table, int maxIterations, List<Long> rowsPerRound) {
        this(table, maxIterations, rowsPerRound, List.of(), List.of(), List.of(), 0, List.of(), List.of());
    }

    /** New rows the group bounds dropped in all. */
    public long droppedRows() {
        return droppedRowsPerRound.stream().mapToLong(Long::longValue).sum();
    }

    /** Step rounds run: the last one found nothing new, or the bound was reached. */
    public int iterations() {
        return Math.max(0, rowsPerRound.size() - 1);
    }

    /**
     * Whether the iteration stopped at the bound, so the result may be incomplete. When new rows per
     * round are known, a last round that found nothing new reached the fixpoint, bound or not.
     */
    public boolean reachedBound() {
        if (!newRowsPerRound.isEmpty() && newRowsPerRound.get(newRowsPerRound.size() - 1) == 0) {
            return false;
        }
        return iterations() >= maxIterations;
    }
}
