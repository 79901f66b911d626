package io.codeanatomy.runtime.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table of rows held in memory, for planner and executor tests. Its declared row count may differ
 * from its real one, which lets a test put the cost model in the situation of a large input.
 */
public final class MemoryTable extends AbstractTable implements ScannableTable {
    private final Function<RelDataTypeFactory, RelDataType> rowType;
    private final List<Object[]> rows;
    private final double declaredRowCount;
    private final List<RelCollation> collations;

    /**
     * @param collations orders the rows are declared (not checked) to be in, which makes merge joins
     *     look cheap to the cost model
     */
    public MemoryTable(Function<RelDataTypeFactory, RelDataType> rowType, List<Object[]> rows, double declaredRowCount,
            List<RelCollation> collations) {
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.rows = List.copyOf(rows);
        this.declaredRowCount = declaredRowCount;
        this.collations = List.copyOf(collations);
    }

    public MemoryTable(Function<RelDataTypeFactory, RelDataType> rowType, List<Object[]> rows) {
        this(rowType, rows, rows.size(), List.of());
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType.apply(typeFactory);
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(declaredRowCount, List.of(), collations);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(rows);
    }
}
