package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TransientTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The delta or the total of a semi-naive fixpoint as the step reads it: rows that
 * {@link SemiNaiveEvaluation} sets before each round, scanned by {@link SpoolScan} as they are.
 * Generated code asks for the scan once, when it builds the step, and enumerates it every round,
 * so the scan reads the rows set when it is enumerated, not when it was made. Not in any schema:
 * the scan reaches it as a stashed value of the plan, so two fixpoints never share one by name.
 *
 * <p>A scan may read only the rows whose columns hold given values ({@link #scan(Selection)}, for
 * {@link IndexedScan}): the table keeps, per set of columns asked for, the positions of its rows
 * by their values in those columns, so each of the dozens of rules that filter the delta by its
 * discriminator columns reads its own rows, not the whole delta. The positions follow the rows:
 * rebuilt when another list is set, extended when the same list is set again after it grew (the
 * total only ever has rows appended). The delta is the total's last rows ({@link #set(List, int)}),
 * and the two tables of a fixpoint share their indexes ({@link #tail}): each row is indexed once,
 * when the total gains it, not again each round as part of the delta.
 */
public final class FixpointTable extends AbstractTable implements SpooledRows, TransientTable {
    private final String name;
    private final RelDataType rowType;
    private volatile List<Object[]> rows = List.of();
    /** Scans read the rows from this index on ({@link MemoRows}: the rows added since it last read them). */
    private volatile int from;
    /** Positions of the rows by the values of some columns, one index per set of columns asked for; shared by a fixpoint's two tables. */
    private final Map<List<Integer>, Positions> indexes;

    public FixpointTable(String name, RelDataType rowType) {
        this(name, rowType, new HashMap<>());
    }

    private FixpointTable(String name, RelDataType rowType, Map<List<Integer>, Positions> indexes) {
        this.name = requireNonNull(name, "name is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.indexes = indexes;
    }

    /**
     * A table of the same rows type that shares this one's indexes: the delta of a fixpoint whose
     * total this is, set to the total's list from the first row of the last round
     * ({@link #set(List, int)}), so the rows it reads are indexed once, as rows of the total.
     */
    public FixpointTable tail(String tailName) {
        return new FixpointTable(tailName, rowType, indexes);
    }

    public String name() {
        return name;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType;
    }

    /**
     * Makes {@code current} what the next enumeration of a scan reads; the list is not copied. Set
     * again after rows were appended to it, it keeps its indexes and extends them.
     */
    void set(List<Object[]> current) {
        set(current, 0);
    }

    /**
     * Makes the rows of {@code current} from {@code start} on what the next enumeration of a scan
     * reads. An index follows the list it was asked for (extended while it is the same list, made
     * anew for another); setting an empty list drops them all, so that no evaluation's rows stay
     * reachable from the plan after it.
     */
    void set(List<Object[]> current, int start) {
        requireNonNull(current, "current is null");
        if (start < 0 || start > current.size()) {
            throw new IllegalArgumentException("start " + start + " is outside the " + current.size() + " rows");
        }
        synchronized (indexes) {
            if (current.isEmpty()) {
                indexes.clear();
            }
        }
        rows = current;
        from = start;
    }

    /** The number of rows a scan would read from the start. */
    int size() {
        return rows.size();
    }

    /** Makes scans read the rows from {@code offset} on, until set back (to 0 for a table set from its first row). */
    void from(int offset) {
        from = offset;
    }

    /**
     * The rows a scan reads (from {@link #from} on) whose columns hold one of the selection's
     * keys, in the order of the table; called by the code {@link IndexedScan} generates.
     */
    public Enumerable<Object[]> scan(Selection selection) {
        requireNonNull(selection, "selection is null");
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                List<Object[]> current = rows;
                Span span = positions(current, from, selection);
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
    static Object keyValue(Object value) {
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

        Selection(int[] columns, Set<Object> keys) {
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

    @Override
    public Enumerable<@Nullable Object[]> scan(DataContext root) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<@Nullable Object[]> enumerator() {
                List<Object[]> current = rows;
                int start = from;
                return Linq4j.enumerator(start == 0 ? current : current.subList(start, current.size()));
            }
        };
    }
}
