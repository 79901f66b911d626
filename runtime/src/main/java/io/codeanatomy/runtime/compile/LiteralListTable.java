package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The literals of one long {@code IN} list as a one-column table {@code (v)}: scanned, it costs a
 * few lines of generated code whatever its length, where Calcite's inline {@code VALUES} generates
 * a statement per literal and exceeds the JVM's 64 KB method limit.
 */
final class LiteralListTable extends AbstractTable implements ScannableTable {
    static final String COLUMN = "v";

    private final SqlTypeName type;
    private final List<Object[]> rows;

    /** @param values {@link Long}s for {@link SqlTypeName#BIGINT}, {@link String}s for {@link SqlTypeName#VARCHAR} */
    LiteralListTable(SqlTypeName type, List<?> values) {
        this.type = requireNonNull(type, "type is null");
        this.rows = values.stream().map(v -> new Object[] {requireNonNull(v, "a value is null")}).toList();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return typeFactory.builder().add(COLUMN, typeFactory.createSqlType(type)).build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(rows);
    }
}
