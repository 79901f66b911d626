package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class SemiNaiveEvaluation {
    private SemiNaiveEvaluation() {
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
        return Linq4j.concat(List.of(branches));
    }

    private static List<Object[]> run(Enumerable<Object[]> seed, Enumerable<Object[]> step, SemiNaiveTables tables, int maxIterations) {
        synchronized (tables) {
            tables.startEvaluation();
            GroupBounds bounds = tables.bounds();
            RowSet seen = new RowSet();
            List<Object[]> all = new ArrayList<>();
            long start = System.nanoTime();
            List<Object[]> derived = new ArrayList<>();
            long produced = derive(seed, seen, bounds, derived);
            List<Object[]> fresh = bounds.admit(derived);
            all.addAll(fresh);
            tables.recordRound(produced, fresh.size(), System.nanoTime() - start, derived.size() - fresh.size());
            FixpointDump dump = FixpointDump.open(tables.name());
            dump.round(0, fresh, all.size());
            try {
                for (int round = 0; round < maxIterations && !fresh.isEmpty(); round++) {
                    // The step reads the lists only while it is enumerated below; the total grows after.
                    // The delta is the total's last rows, which share its indexes.
                    tables.total().set(all);
                    tables.delta().set(all, all.size() - fresh.size());
                    derived = new ArrayList<>();
                    start = System.nanoTime();
                    produced = derive(step, seen, bounds, derived);
                    List<Object[]> next = bounds.admit(derived);
                    all.addAll(next);
                    tables.recordRound(produced, next.size(), System.nanoTime() - start, derived.size() - next.size());
                    dump.round(round + 1, next, all.size());
                    fresh = next;
                }
            } finally {
                tables.delta().set(List.of());
                tables.total().set(List.of());
                dump.close();
            }
            return all;
        }
    }

    /**
     * Enumerates {@code rows}, adding those not {@code seen} to {@code fresh}, except rows of groups
     * the {@code bounds} have filled (neither kept nor remembered); returns how many came.
     */
    private static long derive(Enumerable<Object[]> rows, RowSet seen, GroupBounds bounds, List<Object[]> fresh) {
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
        return produced;
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
