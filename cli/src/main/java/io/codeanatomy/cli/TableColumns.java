package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.runtime.session.Session;
import java.util.List;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** A registered table with its columns as SQL sees them; what {@code tables}, {@code describe} and the shell print. */
record TableColumns(TableRegistration table, List<Column> columns) {
    TableColumns {
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
    }

    /** One column: its name, SQL type (e.g. {@code BIGINT}, {@code VARCHAR ARRAY}) and whether it may be NULL. */
    record Column(String name, String type, boolean nullable) {
        Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    static List<TableColumns> of(Session session, List<TableRegistration> tables) {
        return tables.stream().map(t -> of(session, t)).toList();
    }

    static TableColumns of(Session session, TableRegistration table) {
        CalciteSchema.TableEntry entry = session.schema().getTable(table.name(), true);
        if (entry == null) {
            throw new IllegalStateException("table " + table.name() + " is registered but not in the schema");
        }
        RelDataType rowType = entry.getTable().getRowType(session.typeFactory());
        return new TableColumns(table, rowType.getFieldList().stream().map(TableColumns::column).toList());
    }

    private static Column column(RelDataTypeField field) {
        RelDataType type = field.getType();
        // The full type string names nullability ("VARCHAR NOT NULL"); the column says it apart.
        String text = type.getFullTypeString().replace(" NOT NULL", "");
        return new Column(field.getName(), text, type.isNullable());
    }

    /** The table of {@code tables} named {@code name}, case-insensitively; null if none. */
    static TableRegistration find(List<TableRegistration> tables, String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
