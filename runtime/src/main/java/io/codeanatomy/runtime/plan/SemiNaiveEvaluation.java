package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Semi-naive evaluation, called by the code {@link EnumerableSemiNaiveFixpoint} generates: the seed's
 * distinct rows, then rounds in which the step, reading the last round's new rows as the delta and
 * every row so far as the total, derives rows; the new ones are kept and become the next delta.
 * Stops after a round with no new row or after {@code maxIterations} rounds. Rows come out in the
 * order first derived, so equal inputs give equal output, row for row.
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
            Set<Row> seen = new HashSet<>();
            List<Object[]> all = new ArrayList<>();
            List<Object[]> fresh = new ArrayList<>();
            long start = System.nanoTime();
            long produced = derive(seed, seen, fresh);
            all.addAll(fresh);
            tables.recordRound(produced, fresh.size(), System.nanoTime() - start);
            try {
                for (int round = 0; round < maxIterations && !fresh.isEmpty(); round++) {
                    // The step reads the lists only while it is enumerated below; the total grows after.
                    tables.delta().set(fresh);
                    tables.total().set(all);
                    List<Object[]> next = new ArrayList<>();
                    start = System.nanoTime();
                    produced = derive(step, seen, next);
                    all.addAll(next);
                    tables.recordRound(produced, next.size(), System.nanoTime() - start);
                    fresh = next;
                }
            } finally {
                tables.delta().set(List.of());
                tables.total().set(List.of());
            }
            return all;
        }
    }

    /** Enumerates {@code rows}, adding those not {@code seen} to {@code fresh}; returns how many came. */
    private static long derive(Enumerable<Object[]> rows, Set<Row> seen, List<Object[]> fresh) {
        long produced = 0;
        try (Enumerator<Object[]> enumerator = rows.enumerator()) {
            while (enumerator.moveNext()) {
                Object[] row = enumerator.current();
                produced++;
                if (seen.add(new Row(row))) {
                    fresh.add(row);
                }
            }
        }
        return produced;
    }

    /** A row as a set member: equal when its values are (nested arrays, i.e. structs, compared deeply). */
    private static final class Row {
        private final Object[] values;
        private final int hash;

        Row(Object[] values) {
            this.values = values;
            this.hash = Arrays.deepHashCode(values);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && hash == row.hash && Arrays.deepEquals(values, row.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
