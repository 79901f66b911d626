package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
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
 * by their values in those columns ({@link RowIndex}), so each of the dozens of rules that filter the delta by its
 * discriminator columns reads its own rows, not the whole delta. The positions follow the rows:
 * rebuilt when another list is set, extended when the same list is set again after it grew (the
 * total only ever has rows appended). The delta is the total's last rows ({@link #set(List, int)}),
 * and the two tables of a fixpoint share their indexes ({@link #tail}): each row is indexed once,
 * when the total gains it, not again each round as part of the delta. The rows derived before the
 * last round, the total without the delta, are a third table of the same list ({@link #head}),
 * which reads the list up to an end ({@link #set(List, int, int)}).
 */
public final class FixpointTable extends AbstractTable implements SelectableRows, TransientTable {
    private final String name;
    private final RelDataType rowType;
    private volatile List<Object[]> rows = List.of();
    /** Scans read the rows from this index on (the delta: the total's rows from the last round's first). */
    private volatile int start;
    /** Scans read the rows up to this index (the old rows: the total's rows before the last round's first); -1 for all. */
    private volatile int end = -1;
    /**
     * Where the scans of one thread read from instead of {@link #start}, while it is set
     * ({@link MemoRows}: the rows added since it last read them). Per thread, because the branches of
     * a round run on several threads ({@link SemiNaiveEvaluation}) and one branch's lookup reading the
     * new rows must not move another's scans.
     */
    private final ThreadLocal<Integer> readFrom = new ThreadLocal<>();
    /** Positions of the rows by the values of some columns; shared by a fixpoint's two tables. */
    private final RowIndex index;

    public FixpointTable(String name, RelDataType rowType) {
        this(name, rowType, new RowIndex());
    }

    private FixpointTable(String name, RelDataType rowType, RowIndex index) {
        this.name = requireNonNull(name, "name is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.index = index;
    }

    /**
     * A table of the same rows type that shares this one's indexes: the delta of a fixpoint whose
     * total this is, set to the total's list from the first row of the last round
     * ({@link #set(List, int)}), so the rows it reads are indexed once, as rows of the total.
     */
    public FixpointTable tail(String tailName) {
        return new FixpointTable(tailName, rowType, index);
    }

    /**
     * A table of the same rows type that shares this one's indexes: the rows a fixpoint derived
     * before its last round, set to the total's list up to the first row of that round
     * ({@link #set(List, int, int)}).
     */
    public FixpointTable head(String headName) {
        return new FixpointTable(headName, rowType, index);
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
        set(current, start, -1);
    }

    /**
     * Makes the rows of {@code current} from {@code start} up to {@code end} (exclusive; -1: to the
     * list's end) what the next enumeration of a scan reads, as {@link #set(List, int)} does.
     */
    void set(List<Object[]> current, int start, int end) {
        requireNonNull(current, "current is null");
        int last = end < 0 ? current.size() : end;
        if (start < 0 || last > current.size() || start > last) {
            throw new IllegalArgumentException("rows " + start + " to " + last + " are outside the " + current.size() + " rows");
        }
        if (current.isEmpty()) {
            index.clear();
        }
        rows = current;
        this.start = start;
        this.end = end;
    }

    /** How many keys this table's indexes hold positions for (what tests count). */
    int keysIndexed() {
        return index.keysIndexed();
    }

    /** The number of rows a scan would read from the start. */
    int size() {
        int last = end;
        return last < 0 ? rows.size() : last;
    }

    /** Makes this thread's scans read the rows from {@code offset} on, until {@link #readFromStart}. */
    void readFrom(int offset) {
        readFrom.set(offset);
    }

    /** Makes this thread's scans read the rows from where the table was set to start again. */
    void readFromStart() {
        readFrom.remove();
    }

    /** The first row this thread's scans read. */
    private int readStart() {
        Integer offset = readFrom.get();
        return offset == null ? start : offset;
    }

    /**
     * The rows a scan reads (from {@link #readStart} on) whose columns hold one of the selection's
     * keys, in the order of the table; called by the code {@link IndexedScan} generates.
     */
    @Override
    public Enumerable<Object[]> scan(RowIndex.Selection selection) {
        requireNonNull(selection, "selection is null");
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return index.enumerator(rows, readStart(), size(), selection);
            }
        };
    }

    @Override
    public Enumerable<@Nullable Object[]> scan(DataContext root) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<@Nullable Object[]> enumerator() {
                List<Object[]> current = rows;
                int offset = readStart();
                int last = size();
                return Linq4j.enumerator(offset == 0 && last == current.size() ? current : current.subList(offset, last));
            }
        };
    }
}
