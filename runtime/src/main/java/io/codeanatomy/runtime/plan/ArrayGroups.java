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
 * The runtime of {@link ArrayAggregate}, called by its generated code. The input rows are read into
 * one array; each row's group key is looked up once in an open-addressing table that numbers the
 * groups in order of first appearance; a counting sort by group number (stable, so rows of a group
 * keep their input order) lines the groups up; each run becomes one output row. Compared with
 * Calcite's aggregate this keeps no hash-map entry, list and sorter object per group, and sorts a
 * group's values (for {@code WITHIN GROUP}) only when the call asks for an order.
 */
public final class ArrayGroups {
    private ArrayGroups() {
    }

    /**
     * The groups of {@code input}, in order of first appearance: rows of the group key values
     * (columns {@code keys}) followed by one value per call. {@code scalarRows} says the input rows
     * are bare values (a one-column input), not {@code Object[]}.
     */
    public static Enumerable<Object[]> aggregate(Enumerable<?> input, boolean scalarRows, int[] keys, GroupedCall[] calls) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return grouped(input, scalarRows, keys, calls);
            }
        };
    }

    private static Groups grouped(Enumerable<?> input, boolean scalarRows, int[] keys, GroupedCall[] calls) {
        List<Object[]> read = new ArrayList<>();
        try (Enumerator<?> e = input.enumerator()) {
            while (e.moveNext()) {
                Object row = e.current();
                read.add(scalarRows ? new Object[] {row} : (Object[]) row);
            }
        }
        Object[][] rows = read.toArray(new Object[0][]);
        int[] groupOf = new int[rows.length];
        GroupNumbers numbers = new GroupNumbers(rows.length);
        for (int r = 0; r < rows.length; r++) {
            groupOf[r] = numbers.of(key(rows[r], keys));
        }
        int groups = numbers.size();
        int[] starts = new int[groups + 1];
        for (int group : groupOf) {
            starts[group + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            starts[g + 1] += starts[g];
        }
        Object[][] ordered = new Object[rows.length][];
        int[] next = Arrays.copyOf(starts, groups);
        for (int r = 0; r < rows.length; r++) {
            ordered[next[groupOf[r]]++] = rows[r];
        }
        return new Groups(ordered, starts, keys, calls);
    }

    private static Object key(Object[] row, int[] keys) {
        if (keys.length == 1) {
            return row[keys[0]];
        }
        Object[] values = new Object[keys.length];
        for (int k = 0; k < keys.length; k++) {
            values[k] = row[keys[k]];
        }
        return Arrays.asList(values);
    }

    /** Numbers distinct keys 0, 1, 2, ... in order of first appearance (null is a key like any other). */
    private static final class GroupNumbers {
        private Object[] keys;
        private int[] numbers;
        private int size;
        private int nullNumber = -1;

        GroupNumbers(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            keys = new Object[capacity];
            numbers = new int[capacity];
        }

        int size() {
            return size;
        }

        int of(Object key) {
            if (key == null) {
                if (nullNumber < 0) {
                    nullNumber = size++;
                }
                return nullNumber;
            }
            int mask = keys.length - 1;
            int slot = spread(key.hashCode()) & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(key)) {
                    return numbers[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            numbers[slot] = size;
            if (size * 2 >= keys.length) {
                grow();
            }
            return size++;
        }

        private void grow() {
            Object[] oldKeys = keys;
            int[] oldNumbers = numbers;
            keys = new Object[oldKeys.length * 2];
            numbers = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = spread(oldKeys[i].hashCode()) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    numbers[slot] = oldNumbers[i];
                }
            }
        }

        private static int spread(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> column(SortKey key) {
        int column = key.column();
        boolean nullsFirst = key.nullsFirst();
        Comparator<Object[]> values = (a, b) -> {
            Object x = a[column];
            Object y = b[column];
            if (x == y) {
                // The same instance (a run's strings are mostly shared, CanonicalStrings): equal without reading it.
                return 0;
            }
            if (x == null || y == null) {
                return (x == null) == nullsFirst ? -1 : 1;
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

    static Comparator<Object[]> order(List<SortKey> order) {
        Comparator<Object[]> all = null;
        for (SortKey key : order) {
            all = all == null ? column(key) : all.thenComparing(column(key));
        }
        return all;
    }

    /** One output row per group, made when it is asked for. */
    private static final class Groups implements Enumerator<Object[]> {
        private final Object[][] rows;
        private final int[] starts;
        private final int[] keys;
        private final GroupedCall[] calls;
        private final Comparator<?>[] orders;
        private int next;
        private Object[] current;

        Groups(Object[][] rows, int[] starts, int[] keys, GroupedCall[] calls) {
            this.rows = rows;
            this.starts = starts;
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
            if (next >= starts.length - 1) {
                current = null;
                return false;
            }
            int start = starts[next];
            int end = starts[next + 1];
            next++;
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
