package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.source.SourceWorkers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Semi-naive evaluation, called by the code {@link EnumerableSemiNaiveFixpoint} generates: the seed's
 * distinct rows, then rounds in which the step, reading the last round's new rows as the delta and
 * every row so far as the total, derives rows; the new ones are kept and become the next delta.
 * Stops after a round with no new row or after {@code maxIterations} rounds. Rows come out in the
 * order first derived, so equal inputs give equal output, row for row. The fixpoint's
 * {@link GroupBounds} drop a round's new rows that would take a group past its bound.
 *
 * <p>A step that is several branches ({@link #concat}, one per rule) has its branches derived side
 * by side on helper threads, as many as the machine has cores (the JVM option
 * {@value #THREADS_PROPERTY} sets another number): each branch's rows are gathered apart, then read
 * branch after branch, exactly as one thread reading the branches in order reads them, so the rows,
 * their order and the rounds are the same whatever the number of threads. A round reads the delta,
 * the total and the spools and writes nothing they hold (the lookups its joins keep are extended
 * under their lock by the first branch that asks in a round, and only read after), so the branches
 * share no state that a thread changes while another reads it. The CPU the helper threads spend is
 * charged to the thread that runs the evaluation ({@link #chargedCpuNanos}).
 */
public final class SemiNaiveEvaluation {
    /** The JVM option that sets how many threads derive a round's branches (1: in order on the evaluating thread). */
    public static final String THREADS_PROPERTY = "codeanatomy.fixpoint.threads";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The evaluation the current thread runs, if any: its helper threads and what it records. */
    private static final ThreadLocal<Evaluation> EVALUATION = new ThreadLocal<>();
    /** CPU time of helper threads charged to each thread, as it ran evaluations. */
    private static final ThreadLocal<long[]> CHARGED = ThreadLocal.withInitial(() -> new long[1]);

    private SemiNaiveEvaluation() {
    }

    /**
     * Nanoseconds of CPU that helper threads spent on evaluations this thread ran, so far: what a
     * caller measuring its own thread's CPU adds to count an evaluation's whole cost.
     */
    public static long chargedCpuNanos() {
        return CHARGED.get()[0];
    }

    /**
     * The fixpoint's rows, computed when first enumerated and kept for further enumerations of the
     * same plan run.
     */
    public static Enumerable<Object[]> evaluate(Enumerable<Object[]> seed, Enumerable<Object[]> step, SemiNaiveTables tables,
            int maxIterations) {
        requireNonNull(seed, "seed is null");
        requireNonNull(step, "step is null");
        requireNonNull(tables, "tables is null");
        return new AbstractEnumerable<>() {
            private List<Object[]> rows;

            @Override
            public Enumerator<Object[]> enumerator() {
                if (rows == null) {
                    rows = run(seed, step, tables, maxIterations);
                }
                return Linq4j.enumerator(rows);
            }
        };
    }

    /** The rows of every branch, branch after branch; called by the code {@link BranchMethods} generates. */
    @SafeVarargs
    public static Enumerable<Object[]> concat(Enumerable<Object[]>... branches) {
        requireNonNull(branches, "branches is null");
        return new Branches(List.of(branches));
    }

    /**
     * A step's branches, read in order. Enumerated by a thread that runs an evaluation
     * ({@link #EVALUATION}), the branches are derived each into a list of its own, on the helpers side
     * by side when there are helpers, and read from those lists in order, each branch's CPU and rows
     * counted for the step's rounds; anywhere else (a branch that is itself several, enumerated on a
     * helper) one after the other on the enumerating thread.
     */
    private static final class Branches extends AbstractEnumerable<Object[]> {
        private final List<Enumerable<Object[]>> branches;

        Branches(List<Enumerable<Object[]>> branches) {
            this.branches = branches;
        }

        @Override
        public Enumerator<Object[]> enumerator() {
            Evaluation evaluation = EVALUATION.get();
            if (evaluation == null || branches.size() < 2) {
                return Linq4j.concat(branches).enumerator();
            }
            return new Gathering(branches, evaluation);
        }
    }

    /**
     * The rows of branches, branch after branch: derived on helper threads, each read once its helper
     * has it, at most {@code ahead} branches handed out beyond the one being read, so a round's rows
     * are not all held twice (in the branches' lists and as new rows) at once; without helpers,
     * derived on this thread when read.
     */
    private static final class Gathering implements Enumerator<Object[]> {
        private final List<Enumerable<Object[]>> branches;
        private final Evaluation evaluation;
        private final int ahead;
        private final List<Future<Gathered>> derived = new ArrayList<>();
        private int branch = -1;
        private List<Object[]> rows = List.of();
        private int next;
        private Object[] current;

        Gathering(List<Enumerable<Object[]>> branches, Evaluation evaluation) {
            this.branches = branches;
            this.evaluation = evaluation;
            this.ahead = Math.max(1, 2 * evaluation.threads());
            handOut();
        }

        /** Hands the branches up to {@code ahead} beyond the one being read to the helpers, if any. */
        private void handOut() {
            while (evaluation.pool() != null && derived.size() < branches.size() && derived.size() <= branch + ahead) {
                Enumerable<Object[]> part = branches.get(derived.size());
                GroupBounds bounds = evaluation.tables().bounds();
                derived.add(evaluation.pool().submit(() -> gather(part, bounds)));
            }
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            while (next == rows.size()) {
                if (branch + 1 == branches.size()) {
                    return false;
                }
                Gathered gathered;
                if (evaluation.pool() == null) {
                    // Derived here as on a helper: a branch that is itself several reads them in order.
                    EVALUATION.remove();
                    try {
                        gathered = gather(branches.get(++branch), evaluation.tables().bounds());
                    } finally {
                        EVALUATION.set(evaluation);
                    }
                } else {
                    gathered = SourceWorkers.await(derived.get(++branch));
                    handOut();
                    // The future holds the branch's rows: drop it, so they go once read (rounds are large).
                    derived.set(branch, null);
                    CHARGED.get()[0] += gathered.cpuNanos();
                }
                if (evaluation.stepping()) {
                    evaluation.tables().recordBranch(branch, gathered.cpuNanos(), gathered.rows().size() + gathered.full());
                }
                evaluation.droppedFull += gathered.full();
                rows = gathered.rows();
                next = 0;
            }
            current = rows.get(next++);
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a round's branches are read once");
        }

        @Override
        public void close() {
            derived.forEach(future -> {
                if (future != null) {
                    future.cancel(true);
                }
            });
        }
    }

    private static List<Object[]> run(Enumerable<Object[]> seed, Enumerable<Object[]> step, SemiNaiveTables tables, int maxIterations) {
        synchronized (tables) {
            int threads = threads();
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, SourceWorkers.threadFactory("fixpoint " + tables.name())) : null;
            Evaluation evaluation = new Evaluation(pool, threads, tables);
            EVALUATION.set(evaluation);
            try {
                return rounds(seed, step, tables, maxIterations, evaluation);
            } finally {
                EVALUATION.remove();
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }
    }

    /** The threads a round's branches are derived on: {@value #THREADS_PROPERTY} if set, else the machine's cores. */
    private static int threads() {
        String set = System.getProperty(THREADS_PROPERTY);
        if (set != null && !set.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(set.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The JVM option -D" + THREADS_PROPERTY + "=" + set
                        + " is not a number of threads; give a whole number such as 1 or 2, or leave it out.", e);
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static List<Object[]> rounds(Enumerable<Object[]> seed, Enumerable<Object[]> step, SemiNaiveTables tables, int maxIterations,
            Evaluation evaluation) {
        tables.startEvaluation();
        GroupBounds bounds = tables.bounds();
        RowSet seen = new RowSet();
        List<Object[]> all = new ArrayList<>();
        long start = System.nanoTime();
        List<Object[]> derived = new ArrayList<>();
        long produced = derive(seed, seen, bounds, derived, evaluation);
        List<Object[]> fresh = tables.strings().canonicalize(bounds.admit(derived));
        all.addAll(fresh);
        tables.recordRound(produced, fresh.size(), System.nanoTime() - start, derived.size() - fresh.size());
        FixpointDump dump = FixpointDump.open(tables.name());
        dump.round(0, fresh, all.size());
        evaluation.startStep();
        try {
            for (int round = 0; round < maxIterations && !fresh.isEmpty(); round++) {
                // The step reads the lists only while it is enumerated below; the total grows after.
                // The delta is the total's last rows, which share its indexes.
                tables.total().set(all);
                tables.delta().set(all, all.size() - fresh.size());
                tables.old().set(all, 0, all.size() - fresh.size());
                derived = new ArrayList<>();
                start = System.nanoTime();
                produced = derive(step, seen, bounds, derived, evaluation);
                List<Object[]> next = tables.strings().canonicalize(bounds.admit(derived));
                all.addAll(next);
                tables.recordRound(produced, next.size(), System.nanoTime() - start, derived.size() - next.size());
                dump.round(round + 1, next, all.size());
                fresh = next;
            }
        } finally {
            tables.delta().set(List.of());
            tables.old().set(List.of());
            tables.total().set(List.of());
            tables.endEvaluation();
            dump.close();
        }
        return all;
    }

    /**
     * Enumerates {@code rows}, adding those not {@code seen} to {@code fresh}, except rows of groups
     * the {@code bounds} have filled (neither kept nor remembered); returns how many came, counting
     * those of full groups that the branches' helpers dropped before handing their rows over.
     */
    private static long derive(Enumerable<Object[]> rows, RowSet seen, GroupBounds bounds, List<Object[]> fresh, Evaluation evaluation) {
        evaluation.droppedFull = 0;
        long produced = 0;
        boolean bounded = !bounds.isEmpty();
        try (Enumerator<Object[]> enumerator = rows.enumerator()) {
            while (enumerator.moveNext()) {
                Object[] row = enumerator.current();
                produced++;
                if (bounded && bounds.full(row)) {
                    continue;
                }
                if (seen.add(row)) {
                    fresh.add(row);
                }
            }
        }
        return produced + evaluation.droppedFull;
    }

    /** An evaluation: its helper threads (none: a null pool) and its tables, which count the step's branches once the seed is done. */
    private static final class Evaluation {
        private final ExecutorService pool;
        private final int threads;
        private final SemiNaiveTables tables;
        private boolean stepping;
        /** Rows of full groups the branches' helpers dropped in the round being derived (read and written on the evaluating thread). */
        private long droppedFull;

        Evaluation(ExecutorService pool, int threads, SemiNaiveTables tables) {
            this.pool = pool;
            this.threads = threads;
            this.tables = tables;
        }

        ExecutorService pool() {
            return pool;
        }

        int threads() {
            return threads;
        }

        SemiNaiveTables tables() {
            return tables;
        }

        boolean stepping() {
            return stepping;
        }

        void startStep() {
            stepping = true;
        }
    }

    /**
     * A branch's rows, the rows it derived for groups that were full already ({@code full}: dropped,
     * only counted) and the CPU its helper thread spent deriving them.
     */
    private record Gathered(List<Object[]> rows, long full, long cpuNanos) {
    }

    /**
     * A branch's rows, derived on a helper thread, without those of groups the {@code bounds} have
     * filled: the evaluating thread would drop them as they come (a round changes the bounds' counts
     * only after all its branches are read, so the helpers read them unchanged), and on the standard
     * library they were 9.3 million of the 24.5 million rows it read, one thread for all the helpers'.
     */
    private static Gathered gather(Enumerable<Object[]> branch, GroupBounds bounds) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        List<Object[]> rows = new ArrayList<>();
        long full = 0;
        boolean bounded = !bounds.isEmpty();
        try (Enumerator<Object[]> enumerator = branch.enumerator()) {
            while (enumerator.moveNext()) {
                Object[] row = enumerator.current();
                if (bounded && bounds.full(row)) {
                    full++;
                } else {
                    rows.add(row);
                }
            }
        }
        return new Gathered(rows, full, Math.max(0, THREADS.getCurrentThreadCpuTime() - cpuStart));
    }

    /**
     * The rows derived so far, as a set: open addressing over the rows themselves and their hashes
     * ({@link HashSlots}, about 12 bytes a row at most load), instead of a wrapper object and a map
     * entry per row (about 60): a fixpoint of millions of rows keeps every one. Rows are equal when
     * their values are (nested arrays, i.e. structs, compared deeply).
     */
    static final class RowSet {
        private final HashSlots slots = new HashSlots(true, false);

        /** Adds {@code row} unless an equal row is in; says whether it was added. */
        boolean add(Object[] row) {
            int hash = slots.hash(row);
            int slot = slots.slot(row, hash);
            if (slots.taken(slot)) {
                return false;
            }
            slots.insert(slot, row, hash, null);
            return true;
        }
    }
}
