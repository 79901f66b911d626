package io.codeanatomy.runtime.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Rows in memory behind the interface Delta tables have: the scan returns the projected columns and
 * leaves every filter to the caller (as the Delta table does with the rows it could not skip).
 */
public final class FilterableMemoryTable extends AbstractTable implements ProjectableFilterableTable {
    private final Function<RelDataTypeFactory, RelDataType> rowType;
    private final List<Object[]> rows;

    public FilterableMemoryTable(Function<RelDataTypeFactory, RelDataType> rowType, List<Object[]> rows) {
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.rows = List.copyOf(rows);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType.apply(typeFactory);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        int[] columns = projects != null ? projects : IntStream.range(0, rows.isEmpty() ? 0 : rows.get(0).length).toArray();
        return Linq4j.asEnumerable(rows).select(row -> {
            Object[] out = new Object[columns.length];
            for (int j = 0; j < columns.length; j++) {
                out[j] = row[columns[j]];
            }
            return out;
        });
    }
}
