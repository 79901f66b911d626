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
 */
public final class FixpointTable extends AbstractTable implements SpooledRows, TransientTable {
    private final String name;
    private final RelDataType rowType;
    private volatile List<Object[]> rows = List.of();
    /** Scans read the rows from this index on ({@link MemoRows}: the rows added since it last read them). */
    private volatile int from;

    public FixpointTable(String name, RelDataType rowType) {
        this.name = requireNonNull(name, "name is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
    }

    public String name() {
        return name;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType;
    }

    /** Makes {@code current} what the next enumeration of a scan reads; the list is not copied. */
    void set(List<Object[]> current) {
        rows = requireNonNull(current, "current is null");
    }

    /** The number of rows a scan would read from the start. */
    int size() {
        return rows.size();
    }

    /** Makes scans read the rows from {@code offset} on, until set back to 0. */
    void from(int offset) {
        from = offset;
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
