package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Positions of a list's rows by their values in some columns, one index per set of columns asked
 * for, holding the keys asked for (a column of ids is asked for a few values, not indexed by every
 * one), each made when first asked for and extended as the list grows (rows are only ever appended;
 * another list is indexed anew): what lets a scan read only the rows whose columns hold given values
 * ({@link IndexedScan}) instead of every row under a filter. Shared by a fixpoint's delta and total
 * ({@link FixpointTable}) and kept by a spool ({@code SpoolTable}).
 */
public final class RowIndex {
    /** Positions of the rows by the values of some columns, one index per set of columns asked for. */
    private final Map<List<Integer>, Positions> indexes = new HashMap<>();

    /** Drops every index (the rows they point into are no longer read). */
    public void clear() {
        synchronized (indexes) {
            indexes.clear();
        }
    }

    /** How many keys the indexes hold positions for, over all sets of columns. */
    int keysIndexed() {
        synchronized (indexes) {
            return indexes.values().stream().mapToInt(positions -> Positions.runs(positions.byKey)).sum();
        }
    }

    /**
     * The rows of {@code current} from {@code start} on whose columns hold one of the selection's
     * keys, in the list's order, as an enumerator; indexes the rows not indexed yet.
     */
    public Enumerator<Object[]> enumerator(List<Object[]> current, int start, Selection selection) {
        return enumerator(current, start, current.size(), selection);
    }

    /** As {@link #enumerator(List, int, Selection)}, the rows before {@code end} only. */
    public Enumerator<Object[]> enumerator(List<Object[]> current, int start, int end, Selection selection) {
        requireNonNull(current, "current is null");
        requireNonNull(selection, "selection is null");
        Span span = positions(current, start, end, selection);
        return new Enumerator<>() {
            private int next = span.from;
            private Object[] row;

            @Override
            public Object[] current() {
                return row;
            }

            @Override
            public boolean moveNext() {
                if (next == span.to) {
                    return false;
                }
                row = current.get(span.positions[next++]);
                return true;
            }

            @Override
            public void reset() {
                next = span.from;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Positions {@code positions[from..to)}, increasing. */
    private record Span(int[] positions, int from, int to) {
        int length() {
            return to - from;
        }
    }

    /** The positions, from {@code start} on and increasing, of the rows of {@code current} that {@code selection} keeps. */
    private Span positions(List<Object[]> current, int start, int end, Selection selection) {
        List<Span> parts = new ArrayList<>(selection.keys.size());
        int size = 0;
        // Under the lock throughout: a selection asking for new keys adds runs to the maps read here.
        synchronized (indexes) {
            Positions index = indexes.computeIfAbsent(selection.columnList(), k -> new Positions(selection.columns));
            index.want(selection.keys, current);
            index.extend(current);
            for (Object key : selection.keys) {
                Span part = index.from(key, start, end);
                parts.add(part);
                size += part.length();
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int[] all = new int[size];
        int at = 0;
        for (Span part : parts) {
            System.arraycopy(part.positions, part.from, all, at, part.length());
            at += part.length();
        }
        // Each key's positions increase; together they are put back in the table's order.
        Arrays.sort(all);
        return new Span(all, 0, size);
    }

    /**
     * {@code value} as a key: text without its trailing blanks, anything else as it is. Text is
     * compared without trailing blanks, so a key is found whether a literal is padded to its
     * {@code CHAR} length or not; the filter above the scan still decides.
     */
    public static Object keyValue(Object value) {
        if (value instanceof String text) {
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            return end == text.length() ? text : text.substring(0, end);
        }
        return value;
    }

    /**
     * Which rows an {@link IndexedScan} reads: those whose {@code columns} (increasing) hold one of
     * {@code keys} (each a value for one column, a list of values for several, as {@link #keyValue} makes them).
     */
    public static final class Selection {
        private final int[] columns;
        private final List<Object> keys;

        public Selection(int[] columns, Set<Object> keys) {
            this.columns = columns.clone();
            this.keys = List.copyOf(keys);
        }

        List<Integer> columnList() {
            return Arrays.stream(columns).boxed().toList();
        }

        @Override
        public String toString() {
            return columnList() + " in " + keys;
        }
    }

    /**
     * Positions of a list's rows by the key of their values in some columns, each key's increasing,
     * for the keys some selection asked for only: one map per column, nested in the order of the
     * columns, whose last level holds the runs (no key object is made per row). A row whose values
     * are no key asked for is passed over: on the points-to facts an index of (tag, kind, id) is asked
     * for a handful of builtin names, and a run per id (892,000 of them on the standard library) cost
     * time and memory for rows no scan reads.
     */
    private static final class Positions {
        private static final Span NONE = new Span(new int[0], 0, 0);
        /** The node of a value no key asked for has: the row is passed over. */
        private static final Object MISSING = new Object();
        private final int[] columns;
        private final Map<Object, Object> byKey = new HashMap<>();
        private List<Object[]> over = List.of();
        private int indexed;
        /**
         * The values of the last row indexed, column by column, and the node each led to: rows come
         * in runs that hold the very same value objects (a rule's literal tag and kind), so a row
         * whose values are those objects again reaches its run, or is passed over, without hashing or
         * reading text.
         */
        private final Object[] lastValues;
        private final Object[] lastNodes;

        Positions(int[] columns) {
            this.columns = columns;
            this.lastValues = new Object[columns.length];
            this.lastNodes = new Object[columns.length];
        }

        /**
         * Makes sure each of {@code keys} has a run: a key asked for the first time gets the
         * positions of the rows indexed so far that hold it, read again for its sake only.
         */
        void want(List<Object> keys, List<Object[]> current) {
            if (current != over) {
                byKey.clear();
                over = current;
                indexed = 0;
            }
            Map<Object, Object> added = null;
            for (Object key : keys) {
                if (run(byKey, key) != null) {
                    continue;
                }
                if (added == null) {
                    added = new HashMap<>();
                }
                List<?> values = columns.length == 1 ? Collections.singletonList(key) : (List<?>) key;
                Map<Object, Object> level = byKey;
                Map<Object, Object> addedLevel = added;
                for (int c = 0; c < columns.length - 1; c++) {
                    level = nested(level, values.get(c));
                    addedLevel = nested(addedLevel, values.get(c));
                }
                Run run = new Run();
                level.put(values.get(columns.length - 1), run);
                addedLevel.put(values.get(columns.length - 1), run);
            }
            if (added == null) {
                return;
            }
            Arrays.fill(lastNodes, null);
            if (indexed > 0) {
                index(added, current, 0, indexed, new Object[columns.length], new Object[columns.length]);
            }
        }

        /** The runs under {@code node}. */
        static int runs(Object node) {
            return node instanceof Run ? 1 : ((Map<?, ?>) node).values().stream().mapToInt(Positions::runs).sum();
        }

        @SuppressWarnings("unchecked")
        private static Map<Object, Object> nested(Map<Object, Object> level, Object value) {
            return (Map<Object, Object>) level.computeIfAbsent(value, k -> new HashMap<>());
        }

        /** Indexes the rows of {@code current} not indexed yet ({@link #want} has started over for another list than last time). */
        void extend(List<Object[]> current) {
            index(byKey, current, indexed, current.size(), lastValues, lastNodes);
            indexed = current.size();
        }

        /** Adds the positions {@code from..to} of the rows whose values lead to a run in {@code root}. */
        private void index(Map<Object, Object> root, List<Object[]> current, int from, int to, Object[] values, Object[] nodes) {
            int last = columns.length - 1;
            rows:
            for (int i = from; i < to; i++) {
                Object[] row = current.get(i);
                Object node = root;
                boolean same = true;
                for (int c = 0; c <= last; c++) {
                    Object value = row[columns[c]];
                    if (same && value == values[c] && nodes[c] != null) {
                        node = nodes[c];
                    } else {
                        same = false;
                        Object next = ((Map<?, ?>) node).get(keyValue(value));
                        node = next == null ? MISSING : next;
                        values[c] = value;
                        nodes[c] = node;
                    }
                    if (node == MISSING) {
                        // The deeper columns' cache is of another prefix now.
                        for (int d = c + 1; d <= last; d++) {
                            nodes[d] = null;
                        }
                        continue rows;
                    }
                }
                ((Run) node).add(i);
            }
        }

        /** The run of {@code key} under {@code root} (a {@link Selection}'s key: a value for one column, the list of values for several), or null. */
        private Run run(Map<Object, Object> root, Object key) {
            Object node = root;
            for (Object value : columns.length == 1 ? Collections.singletonList(key) : (List<?>) key) {
                node = ((Map<?, ?>) node).get(value);
                if (node == null) {
                    return null;
                }
            }
            return (Run) node;
        }

        /** The key's positions from {@code start} on, before {@code end}. */
        Span from(Object key, int start, int end) {
            Run run = run(byKey, key);
            if (run == null) {
                return NONE;
            }
            int first = Arrays.binarySearch(run.positions, 0, run.size, start);
            int last = run.size == 0 || run.positions[run.size - 1] < end ? run.size : Arrays.binarySearch(run.positions, 0, run.size, end);
            int from = first < 0 ? -first - 1 : first;
            return new Span(run.positions, from, Math.max(from, last < 0 ? -last - 1 : last));
        }
    }

    /** One key's positions, growing. */
    private static final class Run {
        private int[] positions = new int[8];
        private int size;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }
    }

}
