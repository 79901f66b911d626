package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.codeanatomy.runtime.pipeline.BuildSelector;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.pipeline.OutputTables;
import io.codeanatomy.runtime.compile.InvalidQueryException;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.calcite.linq4j.Enumerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy query}: Calcite SQL over every table of an output directory. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs SQL over the tables of an output directory, each under its table name",
            "(cpg_nodes, py_files_v1, py_defs_v1, ...). Names match case-insensitively."
        })
public final class QueryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "Output directory of a build.")
    private Path out;

    @Parameters(index = "1", paramLabel = "SQL", description = "The query, e.g. \"SELECT node_kind, COUNT(*) FROM cpg_nodes GROUP BY node_kind\".")
    private String sql;

    @Mixin
    private RuleOptions toggles;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv (with a header row) or json (an array of objects) (default: ${DEFAULT-VALUE}).")
    private String format;

    @Mixin
    private PluginOptions pluginOptions;

    @Mixin
    private BuildSelection build;

    @Override
    public Integer call() {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new UserError("--format must be table, csv or json, not '" + format + "'.", 2);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        BuildSelector selector = build.selector();
        PluginOptions.Loaded plugins;
        Session opened;
        try {
            plugins = pluginOptions.load();
        } catch (PluginException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
        try {
            opened = Session.open(pluginOptions.apply(toggles.config()), plugins.plugins());
        } catch (PluginException | IllegalArgumentException e) {
            // Plugins or rule toggles: the user's to fix.
            plugins.close();
            throw new UserError(e.getMessage(), 2);
        }
        try (plugins; Session session = opened) {
            OutputTables.register(session, out, selector);
            PlannedSql planned = session.planSql(sql);
            List<String> columns = planned.columnNames();
            boolean single = columns.size() == 1;
            try (Enumerator<?> rows = session.executor().rows(planned.query().physical())) {
                RowPrinter printer = switch (format) {
                    case "csv" -> new CsvPrinter(stdout, columns);
                    case "json" -> new JsonPrinter(stdout, columns);
                    default -> new TablePrinter(stdout, columns);
                };
                while (rows.moveNext()) {
                    Object current = rows.current();
                    printer.row(single ? new Object[] {current} : (Object[]) current);
                }
                printer.end();
            }
        } catch (InvalidInputException | PluginException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (DamagedOutputException e) {
            throw new UserError(e.getMessage(), 1);
        } catch (InvalidQueryException e) {
            throw new UserError("invalid query: " + e.getMessage(), 1);
        }
        stdout.flush();
        return 0;
    }

    /** Prints rows as they come; {@link #end} finishes the output. */
    private interface RowPrinter {
        void row(Object[] values);

        void end();
    }

    /** Aligned columns; needs every row before printing, which is fine for a person reading. */
    private static final class TablePrinter implements RowPrinter {
        private final PrintWriter out;
        private final List<String> columns;
        private final List<String[]> rows = new ArrayList<>();

        TablePrinter(PrintWriter out, List<String> columns) {
            this.out = out;
            this.columns = columns;
        }

        @Override
        public void row(Object[] values) {
            String[] cells = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                cells[i] = values[i] == null ? "NULL" : text(values[i]);
            }
            rows.add(cells);
        }

        @Override
        public void end() {
            int[] widths = new int[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).length();
                for (String[] row : rows) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            line(columns.toArray(String[]::new), widths);
            String[] rule = new String[widths.length];
            for (int i = 0; i < widths.length; i++) {
                rule[i] = "-".repeat(widths[i]);
            }
            line(rule, widths);
            rows.forEach(row -> line(row, widths));
            out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        }

        private void line(String[] cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(" | ");
                }
                line.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** RFC 4180: a header row, fields quoted when they hold a comma, quote or line break; null is empty. */
    private static final class CsvPrinter implements RowPrinter {
        private final PrintWriter out;

        CsvPrinter(PrintWriter out, List<String> columns) {
            this.out = out;
            print(columns.toArray());
        }

        @Override
        public void row(Object[] values) {
            print(values);
        }

        @Override
        public void end() {
        }

        private void print(Object[] values) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                if (values[i] != null) {
                    String text = text(values[i]);
                    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
                    line.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
                }
            }
            out.print(line);
            out.print("\r\n");
        }
    }

    /** A JSON array of objects, keys in column order, numbers and booleans as JSON values; streamed. */
    private static final class JsonPrinter implements RowPrinter {
        private final List<String> columns;
        private final JsonGenerator json;

        JsonPrinter(PrintWriter out, List<String> columns) {
            this.columns = columns;
            try {
                json = new JsonFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
                json.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(Object[] values) {
            try {
                json.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    json.writeFieldName(columns.get(i));
                    value(values[i]);
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Lists (SQL arrays) and rows (structs, as Calcite hands them: arrays) become JSON arrays. */
        private void value(Object value) throws IOException {
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                json.writeNumber(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                json.writeNumber(((Number) value).doubleValue());
            } else if (value instanceof BigDecimal decimal) {
                json.writeNumber(decimal);
            } else if (value instanceof List<?> list) {
                json.writeStartArray();
                for (Object element : list) {
                    value(element);
                }
                json.writeEndArray();
            } else if (value instanceof Object[] array) {
                value(Arrays.asList(array));
            } else {
                json.writeString(text(value));
            }
        }

        @Override
        public void end() {
            try {
                json.writeEndArray();
                json.writeRaw('\n');
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String text(Object value) {
        return value.toString();
    }
}
