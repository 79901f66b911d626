package io.codeanatomy.runtime.plan;

import io.codeanatomy.runtime.plan.GroupedCall.SortKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The runtime of {@link SortedArrayAggregate}, called by its generated code: the input rows are read
 * into one array, sorted by the group keys (a stable sort, so rows of a group keep their input
 * order), and each run of equal keys becomes one output row. Compared with Calcite's aggregate this
 * keeps no hash map of groups, no list and sorter object per group, and sorts each group's values
 * for {@code WITHIN GROUP} only when the call asks for an order.
 */
public final class SortedGroups {
    private SortedGroups() {
    }

    /**
     * The groups of {@code input}: rows of the group key values (columns {@code keys}) followed by
     * one value per call. {@code scalarRows} says the input rows are bare values (a one-column
     * input), not {@code Object[]}.
     */
    public static Enumerable<Object[]> aggregate(Enumerable<?> input, boolean scalarRows, int[] keys, GroupedCall[] calls) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new Groups(sorted(input, scalarRows, keys), keys, calls);
            }
        };
    }

    private static Object[][] sorted(Enumerable<?> input, boolean scalarRows, int[] keys) {
        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<?> e = input.enumerator()) {
            while (e.moveNext()) {
                Object row = e.current();
                rows.add(scalarRows ? new Object[] {row} : (Object[]) row);
            }
        }
        Object[][] array = rows.toArray(new Object[0][]);
        Comparator<Object[]> byKeys = null;
        for (int key : keys) {
            Comparator<Object[]> next = column(new SortKey(key, false, true));
            byKeys = byKeys == null ? next : byKeys.thenComparing(next);
        }
        if (byKeys != null) {
            Arrays.sort(array, byKeys);
        }
        return array;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> column(SortKey key) {
        int column = key.column();
        boolean nullsFirst = key.nullsFirst();
        Comparator<Object[]> values = (a, b) -> {
            Object x = a[column];
            Object y = b[column];
            if (x == null || y == null) {
                return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
            }
            return ((Comparable) x).compareTo(y);
        };
        if (!key.descending()) {
            return values;
        }
        // Reversed for the values only: nulls stay where the key puts them.
        return (a, b) -> {
            Object x = a[column];
            Object y = b[column];
            if (x == null || y == null) {
                return values.compare(a, b);
            }
            return values.compare(b, a);
        };
    }

    private static Comparator<Object[]> order(List<SortKey> order) {
        Comparator<Object[]> all = null;
        for (SortKey key : order) {
            all = all == null ? column(key) : all.thenComparing(column(key));
        }
        return all;
    }

    private static boolean sameKeys(Object[] a, Object[] b, int[] keys) {
        for (int key : keys) {
            Object x = a[key];
            Object y = b[key];
            if (x == null ? y != null : !x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    /** One output row per run of equal keys, made when it is asked for. */
    private static final class Groups implements Enumerator<Object[]> {
        private final Object[][] rows;
        private final int[] keys;
        private final GroupedCall[] calls;
        private final Comparator<?>[] orders;
        private int next;
        private Object[] current;

        Groups(Object[][] rows, int[] keys, GroupedCall[] calls) {
            this.rows = rows;
            this.keys = keys;
            this.calls = calls;
            this.orders = new Comparator<?>[calls.length];
            for (int c = 0; c < calls.length; c++) {
                orders[c] = calls[c].order().isEmpty() ? null : order(calls[c].order());
            }
        }

        @Override
        public Object[] current() {
            if (current == null) {
                throw new NoSuchElementException();
            }
            return current;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean moveNext() {
            if (next >= rows.length) {
                current = null;
                return false;
            }
            int start = next;
            int end = start + 1;
            while (end < rows.length && sameKeys(rows[start], rows[end], keys)) {
                end++;
            }
            next = end;
            Object[] row = new Object[keys.length + calls.length];
            for (int k = 0; k < keys.length; k++) {
                row[k] = rows[start][keys[k]];
            }
            for (int c = 0; c < calls.length; c++) {
                row[keys.length + c] = compute(calls[c], (Comparator<Object[]>) orders[c], start, end);
            }
            current = row;
            return true;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object compute(GroupedCall call, Comparator<Object[]> order, int start, int end) {
            switch (call.kind()) {
                case COUNT -> {
                    long count = 0;
                    for (int r = start; r < end; r++) {
                        if (allNotNull(rows[r], call.arguments())) {
                            count++;
                        }
                    }
                    return count;
                }
                case MIN, MAX -> {
                    int column = call.arguments().get(0);
                    Comparable best = null;
                    for (int r = start; r < end; r++) {
                        Comparable value = (Comparable) rows[r][column];
                        if (value != null && (best == null
                                || (call.kind() == GroupedCall.Kind.MIN ? value.compareTo(best) < 0 : value.compareTo(best) > 0))) {
                            best = value;
                        }
                    }
                    return best;
                }
                case ARRAY_AGG -> {
                    Object[][] group = rows;
                    int from = start;
                    int to = end;
                    if (order != null) {
                        group = Arrays.copyOfRange(rows, start, end);
                        Arrays.sort(group, order);
                        from = 0;
                        to = group.length;
                    }
                    int column = call.arguments().get(0);
                    List<Object> values = new ArrayList<>(to - from);
                    for (int r = from; r < to; r++) {
                        Object value = group[r][column];
                        if (value != null) {
                            values.add(value);
                        }
                    }
                    return values;
                }
                default -> throw new IllegalStateException("unknown aggregate " + call.kind());
            }
        }

        private static boolean allNotNull(Object[] row, List<Integer> columns) {
            for (int column : columns) {
                if (row[column] == null) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void reset() {
            next = 0;
            current = null;
        }

        @Override
        public void close() {
        }
    }
}
