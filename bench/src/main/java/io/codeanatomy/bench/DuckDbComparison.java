package io.codeanatomy.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.api.canonical.Sha256;
import io.codeanatomy.api.plan.PlanNodeKind;
import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.plugins.delta.DeltaCalciteTable;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.SpoolTable;
import io.codeanatomy.runtime.exec.Spools;
import io.codeanatomy.runtime.pipeline.BuildManifest;
import io.codeanatomy.runtime.pipeline.BuildManifests;
import io.codeanatomy.runtime.pipeline.BuildSelector;
import io.codeanatomy.runtime.pipeline.OutputTables;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedFragment;
import io.codeanatomy.runtime.plugin.ContributedCpgPart;
import io.codeanatomy.runtime.plugin.PluginDiscovery;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Runs each fragment of the CPG's plan DAG over one build's extraction tables twice in one process:
 * with our engine (the plan as the build plans it, executed by our session) and with an in-process
 * DuckDB (the same plan's P1 as the build's plan bundle unparsed it for DuckDB), one fragment at a
 * time in DAG order, the engines alternating per fragment.
 *
 * <p>Both engines keep a spool (a shared view) as an in-memory table that the outputs reading it
 * scan, and drop it after its last reader, as a build does; a spool is timed as a fragment of its
 * own, never inside the outputs that read it. An output is run to its last row: ours drains the
 * Enumerable plan's rows, DuckDB creates a temporary table of the query (so it computes every
 * column; a count would let it skip them). A fragment DuckDB cannot run (the unparser cannot write
 * a recursive query, or DuckDB refuses the SQL) has the reason recorded; if it is a spool, DuckDB's
 * table is filled with our rows, untimed, so the outputs reading it still run in both.
 *
 * <p>Round 0 compares the rows of every fragment (order-insensitive multisets, {@link RowHashes})
 * and warms both engines; the times are the best of the rounds after it (of round 0 when there
 * are none).
 */
final class DuckDbComparison implements AutoCloseable {
    private static final String OUTPUT_TABLE = "ca_output";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Session session;
    private final Connection duckdb;
    private final SemanticSpec spec;
    private final String specName;
    private final JsonNode plans;
    private final Path planDirectory;

    private DuckDbComparison(Session session, Connection duckdb, SemanticSpec spec, String specName, JsonNode plans, Path planDirectory) {
        this.session = session;
        this.duckdb = duckdb;
        this.spec = spec;
        this.specName = specName;
        this.plans = plans;
        this.planDirectory = planDirectory;
    }

    /**
     * Opens our session and DuckDB over the latest build of {@code out}, DuckDB with {@code threads}
     * threads.
     *
     * @throws IllegalArgumentException if {@code out} has no build or its spec is not the built-in CPG's
     */
    static DuckDbComparison open(Path out, int threads) throws SQLException {
        requireNonNull(out, "out is null");
        BuildManifest manifest = BuildManifests.latest(out).orElseThrow(() -> new IllegalArgumentException(out
                + " holds no build; run './codeanatomy build SRC --out " + out + "' first."));
        Path run = out.resolve("runs").resolve(manifest.runId());
        JsonNode runResult = readJson(run.resolve("run-result.json"));
        String specHash = runResult.path("specHash").asText();
        JsonNode plans = readJson(run.resolve("plan").resolve("bundle.json")).path("plans");
        Session session = Session.open(SessionConfig.defaults(), PluginDiscovery.discover(DuckDbComparison.class.getClassLoader()));
        Connection duckdb = null;
        try {
            Map<String, List<CpgPart>> candidates = new LinkedHashMap<>();
            candidates.put("the CPG with calls", CpgSpec.parts());
            candidates.put("the CPG without calls (--no-calls)", CpgSpec.partsWithoutCalls());
            SemanticSpec spec = null;
            String specName = null;
            for (Map.Entry<String, List<CpgPart>> candidate : candidates.entrySet()) {
                SemanticSpec cpg = ContributedCpgPart.cpgSpec(candidate.getValue(), session.plugins());
                if (cpg.hash().equals(specHash)) {
                    spec = planned(cpg, candidate.getValue(), manifest, runResult);
                    specName = candidate.getKey();
                }
            }
            if (spec == null) {
                throw new IllegalArgumentException("build " + manifest.build() + " of " + out + " ran spec " + specHash
                        + ", neither the CPG with calls nor without them with this class path's plugins; rebuild it with this checkout.");
            }
            Set<String> inputs = spec.inputs().stream().map(InputRelation::name).collect(Collectors.toSet());
            List<TableRegistration> tables = OutputTables.register(session, out, BuildSelector.LATEST, inputs::contains);
            duckdb = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("SET threads = " + threads);
                // The rows are compared as multisets; keeping their order would only cost DuckDB.
                statement.execute("SET preserve_insertion_order = false");
                statement.execute("CREATE SCHEMA " + Spools.SCHEMA);
            }
            DuckDbFunctions.register(duckdb);
            for (TableRegistration table : tables) {
                DeltaCalciteTable delta = (DeltaCalciteTable) session.schema().getTable(table.name(), true).getTable();
                DuckDbTables.register(duckdb, table.name(), delta, delta.getRowType(session.typeFactory()),
                        manifest.table(table.name()).orElseThrow().rows());
            }
            return new DuckDbComparison(session, duckdb, spec, specName, plans, run.resolve("plan"));
        } catch (RuntimeException | SQLException e) {
            if (duckdb != null) {
                duckdb.close();
            }
            session.close();
            throw e;
        }
    }

    /**
     * The spec whose DAG the build planned for {@code spec}: a build of a built-in spec that stores
     * the graph in groups of source files (its manifest records the layout) planned {@link
     * CpgSpec#grouped}, or {@link CpgSpec#crossFile} when it recomputed outputs for the changed files
     * only; the plan bundle's SQL is that DAG's.
     */
    private static SemanticSpec planned(SemanticSpec spec, List<CpgPart> parts, BuildManifest manifest, JsonNode runResult) {
        if (manifest.outputLayout().isEmpty()) {
            return spec;
        }
        return runResult.path("reuse").path("changedFilesOnly").isEmpty() ? CpgSpec.grouped(parts) : CpgSpec.crossFile(parts);
    }

    /** Which spec the build ran, in words. */
    String specName() {
        return specName;
    }

    /** The figures of every fragment, in DAG order: round 0 compares, then {@code rounds} timed rounds. */
    List<Figures> run(int rounds) throws SQLException {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            PlannedDag planned = session.planDag(session.compileDag(spec));
            Map<String, Integer> readers = new HashMap<>();
            planned.fragments().forEach(f -> f.reads().forEach(spool -> readers.merge(spool, 1, Integer::sum)));
            boolean firstTimed = round == 1;
            for (PlannedFragment fragment : planned.fragments()) {
                Figures measured = run(fragment, round == 0);
                System.err.printf(Locale.ROOT, "round %d: %s, ours %.3f s, DuckDB %.3f s%n", round, measured.name(), measured.ours(),
                        measured.duckdb());
                figures.merge(measured.name(), measured, (first, later) -> first.faster(later, firstTimed));
                for (String spool : fragment.reads()) {
                    if (readers.merge(spool, -1, Integer::sum) == 0) {
                        spoolTable(spool).release();
                        execute("DROP TABLE " + spoolName(spool));
                    }
                }
            }
        }
        return List.copyOf(figures.values());
    }

    private Figures run(PlannedFragment fragment, boolean compare) throws SQLException {
        boolean spool = fragment.kind() == PlanNodeKind.SPOOL;
        String unit = spool ? "spool." + fragment.name() : fragment.name();
        JsonNode recorded = plans.path(unit);
        boolean samePlan = Sha256.hex(fragment.query().optimizedText()).equals(recorded.path("p1Hash").asText());

        // Ours, as Spools.compute does for a spool and a build's materializer reads an output: every row.
        RowHashes ourRows = new RowHashes();
        List<Object[]> kept = new ArrayList<>();
        boolean oneColumn = fragment.query().physical().getRowType().getFieldCount() == 1;
        long ourCount = 0;
        long start = System.nanoTime();
        try (Enumerator<?> rows = session.executor().rows(fragment.query().physical(), unit)) {
            while (rows.moveNext()) {
                Object row = rows.current();
                ourCount++;
                if (spool) {
                    kept.add(oneColumn ? new Object[] {row} : (Object[]) row);
                }
                if (compare) {
                    ourRows.add(row);
                }
            }
        }
        if (spool) {
            // Its wall time so far; the comparison reads no spool metrics, so no CPU time is taken.
            spoolTable(fragment.name()).fill(kept, Math.round(seconds(start) * 1000), 0);
        }
        double ours = seconds(start);

        // DuckDB, over the SQL of the build's plan bundle.
        String target = spool ? spoolName(fragment.name()) : OUTPUT_TABLE;
        Optional<String> problem = Optional.empty();
        double theirs = Double.NaN;
        JsonNode duckdbSql = recorded.path("sql").path("duckdb");
        if (duckdbSql.has("file")) {
            String sql = readText(planDirectory.resolve(unit).resolve(duckdbSql.get("file").asText())).strip();
            if (spool) {
                // The outputs' SQL reads a spool's columns by the view's names; P1's top, e.g. a UNION, may carry
                // other names (the renaming projection was trivial to the planner), so they are set by position,
                // as our spool table's row type does.
                sql = "SELECT * FROM (" + sql + ") AS " + DuckDbTables.quote("ca_" + fragment.name()) + " ("
                        + spoolTable(fragment.name()).getRowType(session.typeFactory()).getFieldNames().stream()
                                .map(DuckDbTables::quote).collect(Collectors.joining(", ")) + ")";
            }
            try {
                start = System.nanoTime();
                execute("CREATE OR REPLACE " + (spool ? "" : "TEMP ") + "TABLE " + target + " AS " + sql);
                theirs = seconds(start);
            } catch (SQLException e) {
                problem = Optional.of("DuckDB refused the SQL: " + firstLine(e.getMessage()));
            }
        } else {
            problem = Optional.of("not unparsed: " + duckdbSql.path("failure").asText("no SQL in the plan bundle"));
        }
        if (problem.isPresent() && spool) {
            RelDataType rowType = spoolTable(fragment.name()).getRowType(session.typeFactory());
            DuckDbTables.load(duckdb, Spools.SCHEMA, fragment.name(), rowType, kept);
            problem = Optional.of(problem.get() + "; DuckDB's table was filled with our rows");
        }
        long theirCount = -1;
        Optional<RowHashes.Difference> difference = Optional.empty();
        if (compare && !Double.isNaN(theirs)) {
            RowHashes theirRows = new RowHashes();
            try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + target)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    theirRows.add(columns == 1 ? row[0] : row);
                }
            }
            theirCount = theirRows.size();
            difference = Optional.of(ourRows.compare(theirRows));
        }
        if (!spool) {
            execute("DROP TABLE IF EXISTS " + OUTPUT_TABLE);
        }
        return new Figures(unit, spool, ourCount, theirCount, ours, theirs, problem, difference, samePlan);
    }

    private SpoolTable spoolTable(String view) {
        return (SpoolTable) session.schema().getSubSchema(Spools.SCHEMA, true).getTable(view, true).getTable();
    }

    private static String spoolName(String view) {
        return DuckDbTables.quote(Spools.SCHEMA) + "." + DuckDbTables.quote(view);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            duckdb.close();
        } finally {
            session.close();
        }
    }

    /**
     * One fragment's figures.
     *
     * @param name the output's name, or {@code spool.<view>}
     * @param ourRows rows ours produced
     * @param duckdbRows rows DuckDB produced in round 0, -1 if it did not run the fragment
     * @param ours seconds ours took
     * @param duckdb seconds DuckDB took, NaN if it did not run the fragment
     * @param problem why DuckDB did not run it
     * @param difference how the rows differ, when both ran it
     * @param sameAsBundle whether the plan ours ran is the one whose SQL DuckDB ran (P1 hash equals the bundle's)
     */
    record Figures(String name, boolean spool, long ourRows, long duckdbRows, double ours, double duckdb, Optional<String> problem,
            Optional<RowHashes.Difference> difference, boolean sameAsBundle) {
        boolean bothRan() {
            return !Double.isNaN(duckdb);
        }

        /** These figures with the times of {@code later} where faster; round 0's times are dropped once a timed round ran. */
        Figures faster(Figures later, boolean firstTimedRound) {
            double o = firstTimedRound ? later.ours : Math.min(ours, later.ours);
            double d = firstTimedRound ? later.duckdb : Math.min(duckdb, later.duckdb);
            return new Figures(name, spool, ourRows, duckdbRows, o, d, problem, difference, sameAsBundle);
        }
    }
}
