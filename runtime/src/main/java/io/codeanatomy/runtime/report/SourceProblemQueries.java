package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.exec.ArrowTypes;
import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.session.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Finds a build's {@link SourceProblems} with SQL over its tables, in a session of its own (so the
 * build session's envelope, which lists the tables it registered, stays as it was).
 */
public final class SourceProblemQueries {
    /** Files that did not parse, with each of their error rows (none for a file that could not be read at all). */
    private static final String FILE_ERRORS = "SELECT f.path, f.status, f.error_count, e.line, e.\"column\", e.message"
            + " FROM py_files_v1 f LEFT JOIN py_errors_v1 e ON e.file_id = f.file_id WHERE f.status <> 'OK'";
    /** Files that parsed but that CPython's compiler would refuse. */
    private static final String SEMANTIC_ERRORS = "SELECT f.path, e.line, e.\"column\", e.message"
            + " FROM py_semantic_errors_v1 e JOIN py_files_v1 f ON e.file_id = f.file_id";
    /** Calls per file, from the extraction (one PY_CALL node per row), so the CPG's largest tables are not scanned for them. */
    private static final String CALLS = "SELECT path, COUNT(*) AS calls FROM py_calls_v1 GROUP BY path";
    /** Per file, the calls a CALLS edge leaves (an edge's span is its call's). */
    private static final String RESOLVED = "SELECT path, COUNT(*) AS resolved FROM (SELECT DISTINCT path, src_node_id FROM cpg_edges"
            + " WHERE edge_kind = 'CALLS' AND src_node_id LIKE 'PY_CALL:%') GROUP BY path";

    private SourceProblemQueries() {
    }

    /**
     * @param tables the build's tables by name (where they are now, e.g. in staging); the
     *     queries whose tables are missing are skipped
     */
    public static SourceProblems collect(Session session, Map<String, Path> tables) {
        return collect(session, tables, Map.of());
    }

    /**
     * Same, reading each table named in {@code versions} at that Delta version (the version a build
     * names, which need not be the latest), the others at their latest.
     */
    public static SourceProblems collect(Session session, Map<String, Path> tables, Map<String, Long> versions) {
        requireNonNull(session, "session is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(versions, "versions is null");
        for (Map.Entry<String, Path> table : new TreeMap<>(tables).entrySet()) {
            Long version = versions.get(table.getKey());
            session.registerTable(table.getKey(), table.getValue(), table.getKey(),
                    version == null ? OptionalLong.empty() : OptionalLong.of(version));
        }
        TreeMap<String, FileErrors> files = new TreeMap<>();
        if (tables.keySet().containsAll(List.of("py_files_v1", "py_errors_v1"))) {
            for (Object[] row : rows(session, FILE_ERRORS)) {
                FileErrors file = files.computeIfAbsent((String) row[0], path -> new FileErrors((String) row[1]));
                file.count = Math.max(file.count, ((Number) row[2]).longValue());
                file.offer(row[3], row[4], row[5]);
            }
        }
        if (tables.keySet().containsAll(List.of("py_files_v1", "py_semantic_errors_v1"))) {
            for (Object[] row : rows(session, SEMANTIC_ERRORS)) {
                FileErrors file = files.computeIfAbsent((String) row[0], path -> new FileErrors("OK"));
                file.count++;
                file.offer(row[1], row[2], row[3]);
            }
        }
        List<ProblemFile> problemFiles = new ArrayList<>();
        files.forEach((path, file) -> problemFiles.add(new ProblemFile(path, file.status, file.count, file.first())));
        List<ModuleCalls> calls = new ArrayList<>();
        if (tables.keySet().containsAll(List.of("py_calls_v1", "cpg_edges"))) {
            TreeMap<String, Long> resolved = new TreeMap<>();
            for (Object[] row : rows(session, RESOLVED)) {
                resolved.put((String) row[0], ((Number) row[1]).longValue());
            }
            for (Object[] row : rows(session, CALLS)) {
                long all = ((Number) row[1]).longValue();
                calls.add(new ModuleCalls((String) row[0], all, all - Math.min(all, resolved.getOrDefault((String) row[0], 0L))));
            }
            calls.sort(Comparator.comparing(ModuleCalls::path));
        }
        return new SourceProblems(problemFiles, calls);
    }

    private static List<Object[]> rows(Session session, String sql) {
        PlannedSql planned = session.planSql(sql);
        List<Object[]> rows = new ArrayList<>();
        try (RowBatchReader reader = session.execute(planned.query(), ArrowTypes.schema(planned.query().physical().getRowType()))) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                List<FieldVector> vectors = root.getFieldVectors();
                for (int i = 0; i < root.getRowCount(); i++) {
                    Object[] row = new Object[vectors.size()];
                    for (int c = 0; c < row.length; c++) {
                        Object value = vectors.get(c).getObject(i);
                        // VarChar vectors give Arrow's Text; the report wants plain strings.
                        row[c] = value instanceof org.apache.arrow.vector.util.Text text ? text.toString() : value;
                    }
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rows of a report query", e);
        }
        return rows;
    }

    /** The errors of one file seen so far: its status, its count, and the first in source order. */
    private static final class FileErrors {
        private final String status;
        private long count;
        private long firstLine = Long.MAX_VALUE;
        private long firstColumn = Long.MAX_VALUE;
        private String firstMessage;

        FileErrors(String status) {
            this.status = status;
        }

        void offer(Object line, Object column, Object message) {
            if (message == null) {
                return;
            }
            long l = line == null ? 0 : ((Number) line).longValue();
            long c = column == null ? 0 : ((Number) column).longValue();
            if (l < firstLine || (l == firstLine && c < firstColumn)) {
                firstLine = l;
                firstColumn = c;
                firstMessage = (String) message;
            }
        }

        Optional<String> first() {
            return firstMessage == null ? Optional.empty() : Optional.of(firstLine + ":" + firstColumn + " " + firstMessage);
        }
    }
}
