package io.codeanatomy.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints tables and columns, for {@code tables}, {@code describe} and the shell's {@code !tables}, {@code !describe}, {@code !schema}. */
final class TableListing {
    private TableListing() {
    }

    /** One row per table: name, path below the output, Delta version, column count. */
    static void tables(List<TableColumns> tables, boolean json, PrintWriter out) {
        if (json) {
            JsonDocument.print(out, generator -> {
                generator.writeStartArray();
                for (TableColumns table : tables) {
                    generator.writeStartObject();
                    generator.writeStringField("name", table.table().name());
                    generator.writeStringField("path", table.table().path());
                    generator.writeNumberField("deltaVersion", table.table().deltaVersion());
                    generator.writeNumberField("columns", table.columns().size());
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            });
            return;
        }
        RowPrinter printer = new TablePrinter(out, List.of("table", "path", "version", "columns"));
        for (TableColumns table : tables) {
            printer.row(new Object[] {table.table().name(), table.table().path(), table.table().deltaVersion(), table.columns().size()});
        }
        printer.end();
    }

    /** One row per column: name, SQL type, nullable. */
    static void describe(TableColumns table, boolean json, PrintWriter out) {
        if (json) {
            JsonDocument.print(out, generator -> {
                generator.writeStartObject();
                generator.writeStringField("name", table.table().name());
                generator.writeStringField("path", table.table().path());
                generator.writeNumberField("deltaVersion", table.table().deltaVersion());
                generator.writeArrayFieldStart("columns");
                for (TableColumns.Column column : table.columns()) {
                    generator.writeStartObject();
                    generator.writeStringField("name", column.name());
                    generator.writeStringField("type", column.type());
                    generator.writeBooleanField("nullable", column.nullable());
                    generator.writeEndObject();
                }
                generator.writeEndArray();
                generator.writeEndObject();
            });
            return;
        }
        RowPrinter printer = new TablePrinter(out, List.of("column", "type", "nullable"));
        for (TableColumns.Column column : table.columns()) {
            printer.row(new Object[] {column.name(), column.type(), column.nullable() ? "yes" : "no"});
        }
        printer.end();
    }

    /** Every table as a {@code CREATE TABLE} statement, as sqlite3's {@code .schema} prints it. */
    static void schema(List<TableColumns> tables, PrintWriter out) {
        for (TableColumns table : tables) {
            out.println("CREATE TABLE " + table.table().name() + " (");
            for (int i = 0; i < table.columns().size(); i++) {
                TableColumns.Column column = table.columns().get(i);
                out.println("  " + column.name() + " " + column.type() + (column.nullable() ? "" : " NOT NULL")
                        + (i + 1 < table.columns().size() ? "," : ""));
            }
            out.println(");");
        }
        out.flush();
    }
}
