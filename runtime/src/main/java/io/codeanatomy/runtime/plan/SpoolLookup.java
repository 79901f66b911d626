package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * What links a spool read by a join ({@link LookupScan}, on the join's right side, under at most
 * projections and filters) to the join's left side, which may then look its few keys up in the
 * spool's {@link KeyIndex} instead of the join reading every row of the spool ({@code SmallerSide}).
 * The generated code binds the spool's rows when it builds the right input and the join takes them
 * when it is built just after, on the same thread; one link per join of a compiled plan, so two
 * threads running the same plan never see each other's rows.
 */
public final class SpoolLookup {
    private final int[] columns;
    private final ThreadLocal<Rows> bound = new ThreadLocal<>();

    /** The link of a join whose keys are the spool's {@code columns}, in the join's key order. */
    public SpoolLookup(int[] columns) {
        if (requireNonNull(columns, "columns is null").length == 0) {
            throw new IllegalArgumentException("a lookup needs at least one key column");
        }
        this.columns = columns.clone();
    }

    /** The spool's columns the join's keys are, in the join's key order. */
    int[] columns() {
        return columns.clone();
    }

    /**
     * Called by generated code ({@link LookupScan}): the rows of {@code spool}, {@link KeyedRows}, bound
     * for the join above to look keys up in. Typed {@link SelectableRows}: a plan stashes a table once, with
     * the type of its first use, and its {@link IndexedScan} and this scan stash it as {@link SelectableRows}.
     */
    public Rows rows(SelectableRows spool) {
        KeyedRows table = (KeyedRows) spool;
        Rows rows = new Rows(table, columns, table.rowsForLookup());
        bound.set(rows);
        return rows;
    }

    /** The rows {@link #rows} bound last on this thread, once; null when there are none. */
    public Rows take() {
        Rows rows = bound.get();
        bound.remove();
        return rows;
    }

    @Override
    public String toString() {
        return "lookup" + java.util.Arrays.toString(columns);
    }

    /** A spool's rows: all of them, or those holding the keys the join selected before it read them. */
    public static final class Rows extends AbstractEnumerable<Object[]> {
        private final KeyedRows table;
        private final int[] columns;
        private final List<Object[]> all;
        private List<Object[]> selected;

        Rows(KeyedRows table, int[] columns, List<Object[]> all) {
            this.table = table;
            this.columns = columns;
            this.all = requireNonNull(all, "all is null");
        }

        /** How many rows the spool has. */
        public int size() {
            return all.size();
        }

        /** How many values a key has: one per key column. */
        public int keyLength() {
            return columns.length;
        }

        /** From now on, the rows whose key columns hold one of {@code keys} (values in key order), in the spool's order. */
        public void select(Collection<Object[]> keys) {
            selected = table.keyIndex(columns).find(keys);
        }

        /** From now on, every row again. */
        public void selectAll() {
            selected = null;
        }

        @Override
        public Enumerator<Object[]> enumerator() {
            return Linq4j.enumerator(selected == null ? all : selected);
        }
    }
}
