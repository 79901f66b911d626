package io.codeanatomy.bench;

import io.codeanatomy.runtime.exec.SmallerSide;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.runtime.FlatLists;

/**
 * Times the hash join a build runs against Calcite's, in one JVM, on the shape that dominates a
 * build's joins: rows keyed by a 40-character id string, the key wrapped in a one-value list as
 * Calcite's generated code wraps it, probe rows each matching one built row (their keys equal
 * strings, not the same objects). Calcite's {@code EnumerableDefaults.hashJoin} builds on the right
 * input; the build's join ({@code SmallerSide.probe(left).hashJoin(...)}) reads both inputs a chunk
 * at a time, builds on the right one here (it is the smaller) and groups its rows in a table of
 * arrays ({@code KeyedJoin}). Both must give the same number of rows. Prints the median of N rounds
 * of each, taking turns, and their ratio. Usage: {@code JoinBench [BUILT_ROWS] [--rounds N]}; the
 * probe side has twice as many rows.
 */
public final class JoinBench {
    private static final Function1<Object[], Object> KEY = row -> FlatLists.ofSingle(row[0]);
    private static final Function2<Object[], Object[], Object[]> BOTH = (left, right) -> new Object[] {left[1], right[1]};

    private JoinBench() {
    }

    public static void main(String[] args) {
        int built = BenchArgs.size(args, 2_000_000);
        int rounds = BenchArgs.option(args, "--rounds", 5);
        Random random = new Random(42);
        String[] ids = new String[built];
        List<Object[]> right = new ArrayList<>(built);
        for (int i = 0; i < built; i++) {
            ids[i] = String.format(Locale.ROOT, "PY_NAME:%016x%016x", random.nextLong(), random.nextLong());
            right.add(new Object[] {new String(ids[i]), i});
        }
        List<Object[]> left = new ArrayList<>(2 * built);
        for (int i = 0; i < 2 * built; i++) {
            left.add(new Object[] {new String(ids[random.nextInt(built)]), i});
        }
        Supplier<Enumerable<Object[]>> calcite = () -> EnumerableDefaults.hashJoin(Linq4j.asEnumerable(left), Linq4j.asEnumerable(right),
                KEY, KEY, BOTH, null, false, false, null);
        Supplier<Enumerable<Object[]>> ours = () -> SmallerSide.probe(Linq4j.asEnumerable(left)).hashJoin(Linq4j.asEnumerable(right),
                KEY, KEY, BOTH, null, false, false, null);
        long[] calciteNanos = new long[rounds];
        long[] ourNanos = new long[rounds];
        long expected = count(calcite);
        if (count(ours) != expected) {
            throw new IllegalStateException("the two joins give different numbers of rows");
        }
        for (int round = 0; round < rounds; round++) {
            calciteNanos[round] = time(calcite, expected);
            ourNanos[round] = time(ours, expected);
        }
        double calciteMedian = median(calciteNanos) / 1e9;
        double ourMedian = median(ourNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%,d built rows, %,d probe rows, %,d joined; median of %d rounds:%n", built, left.size(), expected, rounds);
        System.out.printf(Locale.ROOT, "  Calcite's hash join  %.2f s%n", calciteMedian);
        System.out.printf(Locale.ROOT, "  the build's join     %.2f s  (%.2fx Calcite's time)%n", ourMedian, ourMedian / calciteMedian);
    }

    private static long time(Supplier<Enumerable<Object[]>> join, long expected) {
        System.gc();
        long start = System.nanoTime();
        long rows = count(join);
        long nanos = System.nanoTime() - start;
        if (rows != expected) {
            throw new IllegalStateException("a join gave " + rows + " rows, not " + expected);
        }
        return nanos;
    }

    private static long count(Supplier<Enumerable<Object[]>> join) {
        long rows = 0;
        try (Enumerator<Object[]> enumerator = join.get().enumerator()) {
            while (enumerator.moveNext()) {
                rows++;
            }
        }
        return rows;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
