package io.codeanatomy.bench;

import io.codeanatomy.plugins.delta.DeltaCalciteTable;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Tables in DuckDB. An extraction table is a view over {@code read_parquet} of the Parquet data
 * files of the Delta snapshot our session reads (the version the build manifest names, listed by
 * Kernel through the Delta plugin), since DuckDB's {@code delta} extension cannot be installed here;
 * a table with no data file is an empty table of its schema. A view is checked to hold the rows the
 * manifest records, which a deletion vector (none of our writers makes one) would break. A table
 * filled from rows our engine computed (a recursive spool DuckDB has no SQL for) is created from
 * the plan's row type and appended to.
 */
final class DuckDbTables {
    private DuckDbTables() {
    }

    /** Creates {@code name} over the data files of {@code table}, and checks it has {@code rows} rows. */
    static void register(Connection connection, String name, DeltaCalciteTable table, RelDataType rowType, long rows) throws SQLException {
        List<String> files = table.reader().dataFiles(Optional.empty()).stream().map(DuckDbTables::localPath).toList();
        try (Statement statement = connection.createStatement()) {
            if (files.isEmpty()) {
                statement.execute("CREATE TABLE " + quote(name) + " (" + columns(rowType) + ")");
            } else {
                statement.execute("CREATE VIEW " + quote(name) + " AS SELECT * FROM read_parquet(["
                        + files.stream().map(DuckDbTables::literal).collect(Collectors.joining(", ")) + "])");
            }
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + quote(name))) {
                count.next();
                if (count.getLong(1) != rows) {
                    throw new IllegalStateException("table " + name + " has " + count.getLong(1) + " rows in its Parquet files but the build"
                            + " recorded " + rows + " (deletion vectors?); DuckDB would not read the same rows as ours.");
                }
            }
        }
    }

    /** Creates {@code schema.name} of {@code rowType} holding {@code rows} (arrays, or bare values of a one-column type). */
    static void load(Connection connection, String schema, String name, RelDataType rowType, Collection<?> rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE " + quote(schema) + "." + quote(name) + " (" + columns(rowType) + ")");
        }
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(schema, name)) {
            for (Object row : rows) {
                appender.beginRow();
                if (row instanceof Object[] values) {
                    for (Object value : values) {
                        append(appender, value);
                    }
                } else {
                    append(appender, row);
                }
                appender.endRow();
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (value instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (value instanceof Collection<?> list) {
            appender.append(list);
        } else {
            throw new IllegalArgumentException("cannot hand DuckDB a value of " + value.getClass().getName());
        }
    }

    private static String columns(RelDataType rowType) {
        return rowType.getFieldList().stream().map(f -> quote(f.getName()) + " " + type(f.getType())).collect(Collectors.joining(", "));
    }

    /** DuckDB's type for a Calcite type. */
    private static String type(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case CHAR, VARCHAR -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case REAL, FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + type.getPrecision() + ", " + type.getScale() + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BINARY, VARBINARY -> "BLOB";
            case ARRAY, MULTISET -> type(type.getComponentType()) + "[]";
            case ROW -> "STRUCT(" + type.getFieldList().stream().map(DuckDbTables::field).collect(Collectors.joining(", ")) + ")";
            case MAP -> "MAP(" + type(type.getKeyType()) + ", " + type(type.getValueType()) + ")";
            default -> throw new IllegalArgumentException("no DuckDB type for " + type.getFullTypeString());
        };
    }

    private static String field(RelDataTypeField field) {
        return quote(field.getName()) + " " + type(field.getType());
    }

    private static String localPath(String file) {
        return file.startsWith("file:") ? Path.of(URI.create(file)).toString() : file;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
