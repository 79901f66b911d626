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
 * for, each made when first asked for and extended as the list grows (rows are only ever appended;
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

    /**
     * The rows of {@code current} from {@code start} on whose columns hold one of the selection's
     * keys, in the list's order, as an enumerator; indexes the rows not indexed yet.
     */
    public Enumerator<Object[]> enumerator(List<Object[]> current, int start, Selection selection) {
        requireNonNull(current, "current is null");
        requireNonNull(selection, "selection is null");
        Span span = positions(current, start, selection);
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
    private Span positions(List<Object[]> current, int start, Selection selection) {
        Positions index;
        synchronized (indexes) {
            index = indexes.computeIfAbsent(selection.columnList(), k -> new Positions(selection.columns));
            index.extend(current);
        }
        List<Span> parts = new ArrayList<>(selection.keys.size());
        int size = 0;
        for (Object key : selection.keys) {
            Span part = index.from(key, start);
            parts.add(part);
            size += part.length();
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
     * Positions of a list's rows by the key of their values in some columns, each key's increasing:
     * one map per column, nested in the order of the columns, whose last level holds the runs (no
     * key object is made per row).
     */
    private static final class Positions {
        private static final Span NONE = new Span(new int[0], 0, 0);
        private final int[] columns;
        private final Map<Object, Object> byKey = new HashMap<>();
        private List<Object[]> over = List.of();
        private int indexed;
        /**
         * The values of the last row indexed, column by column, and the node each led to: rows come
         * in runs that hold the very same value objects (a rule's literal tag and kind), so a row
         * whose values are those objects again reaches its run without hashing or reading text.
         */
        private final Object[] lastValues;
        private final Object[] lastNodes;

        Positions(int[] columns) {
            this.columns = columns;
            this.lastValues = new Object[columns.length];
            this.lastNodes = new Object[columns.length];
        }

        /** Indexes the rows of {@code current} not indexed yet; another list than last time is indexed anew. */
        @SuppressWarnings("unchecked")
        void extend(List<Object[]> current) {
            if (current != over) {
                byKey.clear();
                Arrays.fill(lastNodes, null);
                over = current;
                indexed = 0;
            }
            int last = columns.length - 1;
            for (int i = indexed; i < current.size(); i++) {
                Object[] row = current.get(i);
                Object node = byKey;
                boolean same = true;
                for (int c = 0; c <= last; c++) {
                    Object value = row[columns[c]];
                    if (same && value == lastValues[c] && lastNodes[c] != null) {
                        node = lastNodes[c];
                        continue;
                    }
                    same = false;
                    Map<Object, Object> level = (Map<Object, Object>) node;
                    node = c < last ? level.computeIfAbsent(keyValue(value), k -> new HashMap<>())
                            : level.computeIfAbsent(keyValue(value), k -> new Run());
                    lastValues[c] = value;
                    lastNodes[c] = node;
                }
                ((Run) node).add(i);
            }
            indexed = current.size();
        }

        /** The key's positions from {@code start} on (a {@link Selection}'s key: a value for one column, the list of values for several). */
        Span from(Object key, int start) {
            Object node = byKey;
            for (Object value : columns.length == 1 ? Collections.singletonList(key) : (List<?>) key) {
                node = ((Map<?, ?>) node).get(value);
                if (node == null) {
                    return NONE;
                }
            }
            Run run = (Run) node;
            int first = Arrays.binarySearch(run.positions, 0, run.size, start);
            return new Span(run.positions, first < 0 ? -first - 1 : first, run.size);
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
