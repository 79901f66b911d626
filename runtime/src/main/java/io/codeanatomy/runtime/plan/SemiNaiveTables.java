package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The run-scoped state of one semi-naive fixpoint node: the delta and total tables its step scans
 * and what its last evaluation did per round. One object per node of a compiled spec, named
 * {@code <total name>$<n>} like a recursive query's transient table, so two fixpoints of one DAG
 * never share tables. Evaluations of one node hold its lock, so a node that two running plans
 * contain (not one a compiled DAG makes) is evaluated by one at a time instead of mixing rounds.
 */
public final class SemiNaiveTables {
    private final String name;
    private final FixpointTable delta;
    private final FixpointTable total;
    private final FixpointTable old;
    private final GroupBounds bounds;
    private final CanonicalStrings strings;
    private final List<Long> rowsPerRound = new ArrayList<>();
    /** The lookups the step's joins keep across rounds, cleared when an evaluation starts. */
    private final List<MemoRows.Memo> memos = new ArrayList<>();
    private final Map<String, MemoRows.Memo> shared = new HashMap<>();
    private final List<Long> newRowsPerRound = new ArrayList<>();
    private final List<Long> nanosPerRound = new ArrayList<>();
    private final List<Long> droppedPerRound = new ArrayList<>();
    private final List<Long> cpuNanosPerBranch = new ArrayList<>();
    private final List<Long> rowsPerBranch = new ArrayList<>();

    /**
     * @param name the fixpoint's name, {@code <total name>$<n>}
     * @param deltaName the delta table's name, {@code <delta name>$<n>}
     */
    public SemiNaiveTables(String name, String deltaName, RelDataType rowType) {
        this(name, deltaName, rowType, GroupBounds.NONE, new CanonicalStrings());
    }

    /**
     * @param name the fixpoint's name, {@code <total name>$<n>}
     * @param deltaName the delta table's name, {@code <delta name>$<n>}
     * @param bounds the most rows the fixpoint keeps per group
     * @param strings where the derived rows share their strings with each other (and with the spools they read)
     */
    public SemiNaiveTables(String name, String deltaName, RelDataType rowType, GroupBounds bounds, CanonicalStrings strings) {
        this.name = requireNonNull(name, "name is null");
        this.total = new FixpointTable(name, rowType);
        this.delta = total.tail(deltaName);
        this.old = total.head(name + "$old");
        this.bounds = requireNonNull(bounds, "bounds is null");
        this.strings = requireNonNull(strings, "strings is null");
    }

    public GroupBounds bounds() {
        return bounds;
    }

    /** Where the derived rows share their strings. */
    public CanonicalStrings strings() {
        return strings;
    }

    public String name() {
        return name;
    }

    public FixpointTable delta() {
        return delta;
    }

    public FixpointTable total() {
        return total;
    }

    /** The rows derived before the last round: the total without the delta. */
    public FixpointTable old() {
        return old;
    }

    /**
     * A lookup kept across the rounds of an evaluation, over rows that read {@code grows} (the total
     * or the old rows, extended by its rows added since) or over static rows ({@code null}); joins
     * whose build sides have the same {@code shape} (the same rows looked up by the same key
     * columns) share one, so a relation many rules join with on the same key is indexed once, not
     * once per rule.
     */
    synchronized MemoRows.Memo memo(FixpointTable grows, String shape) {
        requireNonNull(shape, "shape is null");
        return shared.computeIfAbsent((grows == null ? "static " : "incremental " + grows.name() + " ") + shape, key -> {
            MemoRows.Memo memo = new MemoRows.Memo(grows);
            memos.add(memo);
            return memo;
        });
    }

    /** Rows the seed, then each step round, produced in the last evaluation, duplicates included. */
    public synchronized List<Long> rowsPerRound() {
        return List.copyOf(rowsPerRound);
    }

    /** Rows of the seed, then of each round, that were new: the deltas' sizes. */
    public synchronized List<Long> newRowsPerRound() {
        return List.copyOf(newRowsPerRound);
    }

    /** Wall time of the seed, then of each round, in nanoseconds. */
    public synchronized List<Long> nanosPerRound() {
        return List.copyOf(nanosPerRound);
    }

    /** Rows of the seed, then of each round, that were new but dropped by the {@link #bounds()}; empty without bounds. */
    public synchronized List<Long> droppedRowsPerRound() {
        return List.copyOf(droppedPerRound);
    }

    /**
     * CPU time each branch of the step (each rule's variant, in the step's order) took over the rounds
     * of the last evaluation, in nanoseconds; empty when the step is one branch.
     */
    public synchronized List<Long> cpuNanosPerBranch() {
        return List.copyOf(cpuNanosPerBranch);
    }

    /** Rows each branch of the step gave over the rounds of the last evaluation, duplicates included; empty when the step is one branch. */
    public synchronized List<Long> rowsPerBranch() {
        return List.copyOf(rowsPerBranch);
    }

    /** Groups that reached their bound in the last evaluation. */
    public synchronized long fullGroups() {
        return bounds.fullGroups();
    }

    /**
     * Ends an evaluation: the lookups kept across its rounds and the bounds' counts per group are
     * dropped, since the plan (and so these tables) stays reachable for the rest of the run while
     * nothing reads them again; the metrics of the evaluation stay.
     */
    synchronized void endEvaluation() {
        memos.forEach(MemoRows.Memo::clear);
        bounds.finish();
    }

    synchronized void startEvaluation() {
        memos.forEach(MemoRows.Memo::clear);
        rowsPerRound.clear();
        newRowsPerRound.clear();
        nanosPerRound.clear();
        droppedPerRound.clear();
        cpuNanosPerBranch.clear();
        rowsPerBranch.clear();
        bounds.start();
    }

    /** Adds a round's CPU time and rows of branch {@code branch} of the step. */
    synchronized void recordBranch(int branch, long cpuNanos, long rows) {
        while (cpuNanosPerBranch.size() <= branch) {
            cpuNanosPerBranch.add(0L);
            rowsPerBranch.add(0L);
        }
        cpuNanosPerBranch.set(branch, cpuNanosPerBranch.get(branch) + cpuNanos);
        rowsPerBranch.set(branch, rowsPerBranch.get(branch) + rows);
    }

    synchronized void recordRound(long produced, long added, long nanos, long dropped) {
        rowsPerRound.add(produced);
        newRowsPerRound.add(added);
        nanosPerRound.add(nanos);
        if (!bounds.isEmpty()) {
            droppedPerRound.add(dropped);
        }
    }
}
