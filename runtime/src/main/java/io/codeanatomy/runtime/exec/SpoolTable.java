package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.KeyIndex;
import io.codeanatomy.runtime.plan.KeyedRows;
import io.codeanatomy.runtime.plan.RowIndex;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The rows of a spool: a shared view computed once per run, held in memory in the representation
 * the Enumerable code produced them in, and scanned by every plan that reads the view. Filled
 * exactly once; a second fill or a scan before the fill is a bug in the order the DAG runs, not a
 * user error. Counts its fills and scans, so a run can prove each spool was computed once.
 *
 * <p>A transient table, as a run-scoped table is, and so never an {@code EnumerableTableScan}:
 * Calcite generates uncompilable code for that scan over a list of structs (the CPG's adjacency
 * lists). Its rows are {@link KeyedRows}, read by the compiled {@code SpoolScan}. Not a
 * filterable table: a filter above the scan compiles into the {@code EnumerableCalc} that reads it,
 * and where that filter requires constant text values the scan reads only the rows holding them
 * through the spool's {@link RowIndex} ({@code SelectedSpools}); a hash join whose other side has
 * few rows looks their keys up in the spool's {@link KeyIndex} by the join's columns ({@link SmallerSide}).
 */
public final class SpoolTable extends AbstractTable implements KeyedRows, TransientTable {
    private final String view;
    private final RelDataType rowType;
    private List<Object[]> rows;
    private boolean released;
    private long rowCount;
    private int computations;
    private int scans;
    /** The rows' positions by the values of the columns scans select on ({@link #scan(RowIndex.Selection)}). */
    private final RowIndex index = new RowIndex();
    /** The rows' positions by every value of the columns joins look keys up by, per list of columns. */
    private final Map<List<Integer>, KeyIndex> keyIndexes = new HashMap<>();
    private long millis;
    private long cpuMillis;

    public SpoolTable(String view, RelDataType rowType) {
        this.view = requireNonNull(view, "view is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
    }

    public String view() {
        return view;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType;
    }

    /**
     * Takes the rows of the view's one computation, which took {@code millis} of wall time and
     * {@code cpuMillis} of its thread's CPU (and of a fixpoint's helper threads); keeps the list, not
     * a copy (spools are large).
     */
    public synchronized void fill(List<Object[]> computed, long millis, long cpuMillis) {
        requireNonNull(computed, "computed is null");
        if (computations > 0) {
            throw new IllegalStateException("spool '" + view + "' was already computed in this run");
        }
        rows = Collections.unmodifiableList(computed);
        rowCount = rows.size();
        computations++;
        this.millis = millis;
        this.cpuMillis = cpuMillis;
    }

    /** Drops the rows once every reader has run; the counts stay. */
    public synchronized void release() {
        rows = null;
        index.clear();
        keyIndexes.clear();
        released = true;
    }

    @Override
    public synchronized Enumerable<@Nullable Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(readRows());
    }

    /**
     * The rows whose columns hold one of the selection's keys, in the spool's order: what a filter
     * requiring those values reads ({@code SelectedSpools}) instead of every row. The index by those
     * columns is made at the first such scan and kept for the others.
     */
    @Override
    public synchronized Enumerable<Object[]> scan(RowIndex.Selection selection) {
        requireNonNull(selection, "selection is null");
        List<Object[]> current = readRows();
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return index.enumerator(current, 0, selection);
            }
        };
    }

    @Override
    public synchronized List<Object[]> rowsForLookup() {
        return readRows();
    }

    @Override
    public synchronized KeyIndex keyIndex(int[] columns) {
        List<Object[]> current = computedRows("looked up");
        return keyIndexes.computeIfAbsent(Arrays.stream(columns).boxed().toList(), k -> KeyIndex.of(current, columns));
    }

    private List<Object[]> readRows() {
        List<Object[]> current = computedRows("scanned");
        scans++;
        return current;
    }

    /** The rows, which must have been computed and not released yet; {@code use} says what was tried. */
    private List<Object[]> computedRows(String use) {
        if (rows == null) {
            throw new IllegalStateException("spool '" + view + "' is " + use + " " + (released ? "after its release" : "before it was computed"));
        }
        return rows;
    }

    /** Wall time of the computation, in milliseconds. */
    public synchronized long millis() {
        return millis;
    }

    /** CPU time of the computing thread during the computation, in milliseconds. */
    public synchronized long cpuMillis() {
        return cpuMillis;
    }

    /** How often the view was computed: 1 after a run that read it. */
    public synchronized int computations() {
        return computations;
    }

    /** How many plans scanned the rows. */
    public synchronized int scans() {
        return scans;
    }

    /** Rows of the computation (0 before it). */
    public synchronized long rowCount() {
        return rowCount;
    }
}
