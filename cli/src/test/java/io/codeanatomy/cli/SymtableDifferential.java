package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.builtin.ScopeBindings;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.OutputTables;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Both sides of the symtable differential: the scopes and bindings the CPG spec derives, built
 * through the real pipeline into Delta tables, and CPython's {@code symtable} of the same files,
 * each per file as the sorted lines {@code type|name|lineno|symbol:SCOPE:flags ...} (one per scope,
 * a multiset; symbols sorted; see symtable_dump.py).
 */
final class SymtableDifferential {
    static final String SCOPES_OUTPUT = "py_scopes";
    static final String BINDINGS_OUTPUT = "py_bindings";
    static final String ERRORS_OUTPUT = "py_semantic_errors";

    private SymtableDifferential() {
    }

    /**
     * The built-in spec's inputs and views with outputs for the scope views only (and the semantic
     * errors when asked): each output is executed on its own, so leaving out {@code cpg_nodes} and
     * the errors keeps the standard-library run to the views compared.
     */
    static SemanticSpec spec(boolean withErrors) {
        SemanticSpec base = CpgSpec.spec();
        List<OutputTarget> outputs = new ArrayList<>();
        outputs.add(new OutputTarget(SCOPES_OUTPUT, ScopeBindings.SCOPES, "cpg/" + SCOPES_OUTPUT, WriteMode.CREATE, SchemaContract.of(1,
                ColumnContract.required("scope_id", DataType.STRING),
                ColumnContract.required("node_id", DataType.STRING),
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64),
                ColumnContract.required("bend", DataType.INT64),
                ColumnContract.required("scope_type", DataType.STRING),
                ColumnContract.required("scope_name", DataType.STRING),
                ColumnContract.optional("parent_scope_id", DataType.STRING),
                ColumnContract.required("syntax_kind", DataType.STRING))));
        List<ColumnContract> bindingColumns = new ArrayList<>(List.of(
                ColumnContract.required("binding_id", DataType.STRING),
                ColumnContract.required("scope_id", DataType.STRING),
                ColumnContract.required("scope_node_id", DataType.STRING),
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64),
                ColumnContract.required("bend", DataType.INT64),
                ColumnContract.required("symbol", DataType.STRING),
                ColumnContract.required("scope", DataType.STRING)));
        ScopeBindings.FLAGS.forEach(flag -> bindingColumns.add(ColumnContract.required(flag, DataType.BOOLEAN)));
        bindingColumns.add(ColumnContract.optional("binder_scope_id", DataType.STRING));
        outputs.add(new OutputTarget(BINDINGS_OUTPUT, ScopeBindings.BINDINGS, "cpg/" + BINDINGS_OUTPUT, WriteMode.CREATE,
                new SchemaContract(1, bindingColumns)));
        if (withErrors) {
            outputs.add(new OutputTarget(ERRORS_OUTPUT, ScopeBindings.SEMANTIC_ERRORS, "cpg/" + ERRORS_OUTPUT, WriteMode.CREATE, SchemaContract.of(1,
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64),
                ColumnContract.required("bend", DataType.INT64),
                ColumnContract.required("message", DataType.STRING))));
        }
        return new SemanticSpec(base.name(), base.version(), base.inputs(), base.views(), base.joinGraph(), outputs);
    }

    /** Builds {@code source} into {@code out} with {@link #spec(boolean)}. */
    static BuildOutcome build(Path source, Path out, List<String> excludes, boolean withErrors) {
        return build(source, out, excludes, withErrors, SessionConfig.defaults());
    }

    /** Builds {@code source} into {@code out} with {@link #spec(boolean)}, parsing as Python {@code pythonVersion}. */
    static BuildOutcome build(Path source, Path out, List<String> excludes, boolean withErrors, String pythonVersion) {
        return build(source, out, excludes, withErrors,
                SessionConfig.defaults().withExtractorOptions(Map.of("python.version", pythonVersion)));
    }

    private static BuildOutcome build(Path source, Path out, List<String> excludes, boolean withErrors, SessionConfig config) {
        return new BuildPipeline(config, Session::open, spec(withErrors))
                .run(source, out, List.of(), excludes, BuildListener.NONE);
    }

    /** Our side: per file that parses, its scope lines, sorted. */
    static Map<String, List<String>> ours(Path out) {
        Map<String, long[]> lineStarts = new HashMap<>();
        Map<String, String[]> scopes = new HashMap<>();
        Map<String, List<String>> symbols = new HashMap<>();
        try (Session session = Session.open(SessionConfig.defaults())) {
            OutputTables.register(session, out);
            query(session, "SELECT path, line_starts FROM py_lines_v2", row -> {
                List<?> starts = (List<?>) row[1];
                long[] values = new long[starts.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = ((Number) starts.get(k)).longValue();
                }
                lineStarts.put((String) row[0], values);
            });
            query(session, "SELECT scope_id, path, scope_type, scope_name, bstart FROM " + SCOPES_OUTPUT, row -> scopes.put((String) row[0],
                    new String[] {(String) row[1], (String) row[2], (String) row[3], String.valueOf(row[4])}));
            StringBuilder select = new StringBuilder("SELECT scope_id, symbol, \"scope\"");
            ScopeBindings.FLAGS.forEach(flag -> select.append(", ").append(flag));
            query(session, select + " FROM " + BINDINGS_OUTPUT, row -> {
                StringBuilder text = new StringBuilder().append(row[1]).append(':').append(row[2]).append(':');
                for (int k = 3; k < row.length; k++) {
                    text.append(Boolean.TRUE.equals(row[k]) ? '1' : '0');
                }
                symbols.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(text.toString());
            });
        }
        Map<String, List<String>> files = new TreeMap<>();
        scopes.forEach((scopeId, scope) -> {
            String path = scope[0];
            long lineno = scope[1].equals("module") ? 0 : line(requireNonNull(lineStarts.get(path), path), Long.parseLong(scope[3]));
            List<String> names = new ArrayList<>(symbols.getOrDefault(scopeId, List.of()));
            files.computeIfAbsent(path, k -> new ArrayList<>()).add(scope[1] + "|" + scope[2] + "|" + lineno + "|" + sortedSymbols(names));
        });
        files.values().forEach(lines -> lines.sort(null));
        return files;
    }

    /** CPython's side for {@code paths} under {@code source}: scope lines, or one {@code ERROR} line. */
    static Map<String, List<String>> theirs(Path source, Collection<String> paths) {
        byte[] input = (String.join("\n", paths) + "\n").getBytes(StandardCharsets.UTF_8);
        return Python3.require().run(Python3.resource(SymtableDifferential.class, "symtable_dump.py"), List.of(source.toString()), input,
                stdout -> parseDump(new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))));
    }

    /**
     * symtable_dump.py's output (or a recorded golden of it, whose {@code #} lines are comments) as
     * per file the sorted scope lines, or one {@code ERROR} line.
     */
    static Map<String, List<String>> parseDump(BufferedReader reader) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        List<String> current = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("FILE ")) {
                current = new ArrayList<>();
                files.put(line.substring(5), current);
            } else if (line.startsWith("ERROR ")) {
                requireNonNull(current, "output before the first file").add(line);
            } else {
                String[] parts = line.split("\\|", 4);
                List<String> names = parts[3].isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(parts[3].split(" ")));
                requireNonNull(current, "output before the first file").add(parts[0] + "|" + parts[1] + "|" + parts[2] + "|" + sortedSymbols(names));
            }
        }
        files.values().forEach(lines -> lines.sort(null));
        return files;
    }

    /** The rows of {@code sql} over a build's outputs, each as its values joined by ' | '. */
    static List<String> rows(Path out, String sql) {
        List<String> rows = new ArrayList<>();
        try (Session session = Session.open(SessionConfig.defaults())) {
            OutputTables.register(session, out);
            query(session, sql, row -> rows.add(String.join(" | ", Arrays.stream(row).map(String::valueOf).toList())));
        }
        return rows;
    }

    /** The paths of files that parse, from a build's {@code py_files_v1}. */
    static List<String> parsedFiles(Path out) {
        List<String> paths = new ArrayList<>();
        try (Session session = Session.open(SessionConfig.defaults())) {
            OutputTables.register(session, out);
            query(session, "SELECT path FROM py_files_v1 WHERE status = 'OK' ORDER BY path", row -> paths.add((String) row[0]));
        }
        return paths;
    }

    /** The semantic errors of a build, as {@code path:line: message}, sorted. */
    static List<String> semanticErrors(Path out) {
        List<String> errors = new ArrayList<>();
        try (Session session = Session.open(SessionConfig.defaults())) {
            OutputTables.register(session, out);
            Map<String, long[]> lineStarts = new HashMap<>();
            query(session, "SELECT path, line_starts FROM py_lines_v2", row -> {
                List<?> starts = (List<?>) row[1];
                lineStarts.put((String) row[0], starts.stream().mapToLong(v -> ((Number) v).longValue()).toArray());
            });
            query(session, "SELECT path, bstart, message FROM " + ERRORS_OUTPUT, row -> errors.add(row[0] + ":"
                    + line(lineStarts.get((String) row[0]), ((Number) row[1]).longValue()) + ": " + row[2]));
        }
        errors.sort(null);
        return errors;
    }

    private static void query(Session session, String sql, Consumer<Object[]> action) {
        try (Enumerator<?> rows = session.executor().rows(session.planSql(sql).query().physical())) {
            while (rows.moveNext()) {
                Object current = rows.current();
                action.accept(current instanceof Object[] values ? values : new Object[] {current});
            }
        }
    }

    /** 1-based line of byte offset {@code offset}: the number of line starts at or before it. */
    private static long line(long[] starts, long offset) {
        int index = Arrays.binarySearch(starts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static String sortedSymbols(List<String> names) {
        names.sort(null);
        return String.join(" ", names);
    }
}
