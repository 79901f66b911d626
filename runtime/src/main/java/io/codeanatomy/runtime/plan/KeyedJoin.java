package io.codeanatomy.runtime.plan;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;

/**
 * An inner or left equi-join of two inputs: the build rows grouped by key in an open-addressing
 * table of arrays, then probed by the other rows in their order. It gives exactly the rows, in the
 * order, of Calcite's {@code EnumerableDefaults.hashJoin} without a comparer, a predicate or NULLs
 * generated on the build side: for each probe row the build rows of its key in the order they came
 * (for a left join the probe row with NULL when there are none); a NULL probe row or key matches
 * nothing, a build row whose key is NULL is never matched.
 *
 * <p>Calcite's lookup is a {@code HashMap} from key to an {@code ArrayList} of rows, and its keys are
 * the lists its generated code wraps even one column in: a probe reads the table slot, the map's
 * entry, the list key, its value and the row list before the first row, each often a cache miss
 * (13% of the samples of the standard library's build with calls were in those lookups,
 * docs/decisions.md). Here a key of one value is compared as that value, and the slot's hash, key
 * and first row sit in arrays ({@link HashSlots}).
 */
public final class KeyedJoin {
    /** The key of a one-value list holding NULL: equal to itself only, as such lists are to each other. */
    private static final Object NULL_VALUE = new Object();

    private KeyedJoin() {
    }

    /**
     * The join of {@code build}, grouped by {@code buildKey}, with {@code probe} streamed: {@code
     * result} of each probe row and each build row of its key; with {@code left}, of a probe row
     * without one and NULL.
     */
    public static <P, B, K, R> Enumerator<R> join(Enumerable<P> probe, Enumerable<B> build, Function1<P, K> probeKey, Function1<B, K> buildKey,
            Function2<P, B, R> result, boolean left) {
        Table table = new Table();
        try (Enumerator<B> rows = build.enumerator()) {
            while (rows.moveNext()) {
                B row = rows.current();
                K key = buildKey.apply(row);
                if (key != null) {
                    table.add(comparable(key), row);
                }
            }
        }
        table.seal();
        Enumerator<P> probes = probe.enumerator();
        return new Enumerator<R>() {
            private P current;
            private B match;
            private int at = -1;

            @Override
            public R current() {
                return result.apply(current, match);
            }

            @Override
            @SuppressWarnings("unchecked")
            public boolean moveNext() {
                if (at >= 0) {
                    at = table.next[at];
                    if (at >= 0) {
                        match = (B) table.rows[at];
                        return true;
                    }
                }
                while (probes.moveNext()) {
                    current = probes.current();
                    K key = current == null ? null : probeKey.apply(current);
                    at = key == null ? -1 : table.first(comparable(key));
                    if (at >= 0) {
                        match = (B) table.rows[at];
                        return true;
                    }
                    if (left) {
                        match = null;
                        return true;
                    }
                }
                return false;
            }

            @Override
            public void reset() {
                probes.reset();
                at = -1;
            }

            @Override
            public void close() {
                probes.close();
            }
        };
    }

    /** {@code key} as the table compares it: a list of one value as the value. */
    private static Object comparable(Object key) {
        if (key instanceof List<?> list && list.size() == 1) {
            Object value = list.get(0);
            return value == null ? NULL_VALUE : value;
        }
        return key;
    }

    /**
     * Rows grouped by key: per key (a slot of {@link HashSlots}) its first row, per row the next of
     * its key. While rows are added a key's number is its latest row and each row points to the one
     * before; {@link #seal} turns each chain round, so rows come in the order they were added.
     */
    private static final class Table {
        private final HashSlots slots = new HashSlots(false, false, true);
        private Object[] rows = new Object[16];
        private int[] next = new int[16];
        private int rowCount;

        void add(Object key, Object row) {
            if (rowCount == rows.length) {
                rows = Arrays.copyOf(rows, rowCount * 2);
                next = Arrays.copyOf(next, rowCount * 2);
            }
            int r = rowCount++;
            rows[r] = row;
            int hash = slots.hash(key);
            int slot = slots.slot(key, hash);
            if (slots.taken(slot)) {
                next[r] = slots.number(slot);
                slots.setNumber(slot, r);
            } else {
                next[r] = -1;
                slots.insertNumbered(slot, key, hash, r);
            }
        }

        /** Turns every key's chain of rows from latest-first to the order the rows came in. */
        void seal() {
            for (int slot = 0; slot < slots.capacity(); slot++) {
                if (slots.taken(slot)) {
                    int previous = -1;
                    int row = slots.number(slot);
                    while (row >= 0) {
                        int following = next[row];
                        next[row] = previous;
                        previous = row;
                        row = following;
                    }
                    slots.setNumber(slot, previous);
                }
            }
        }

        /** The first row of {@code key}, or -1. */
        int first(Object key) {
            int slot = slots.slot(key, slots.hash(key));
            return slots.taken(slot) ? slots.number(slot) : -1;
        }
    }
}
