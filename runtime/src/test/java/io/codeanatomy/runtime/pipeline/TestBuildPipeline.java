package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.api.cpg.StableIdHasher;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.builtin.DefinitionNodes;
import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.result.RunRecords;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBuildPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final BuildPipeline pipeline = new BuildPipeline(SessionConfig.defaults().withWorkers(1),
            config -> Session.open(config, List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin())),
            // The tiny extractor writes the tables of the definition part and the line index only.
            TinyPythonPlugin.spec());

    @Test
    void buildsCpgNodesAsDeltaTablesAndRecordsTheRun() throws Exception {
        Path source = source(Map.of(
                "pkg/a.py", "import os\n\ndef f(x):\n    return x\n\nclass C:\n    async def g(self):\n        pass\n",
                "b.py", "x = 1\n",
                "c.py", "# broken\ndef lost(:\n"));
        Path out = temp.resolve("out");

        BuildOutcome outcome = pipeline.run(source, out, BuildListener.NONE);

        assertThat(outcome.result().output("cpg_nodes").orElseThrow().rowCount()).isEqualTo(8);
        assertThat(outcome.result().output("py_files_v1").orElseThrow().rowCount()).isEqualTo(3);
        assertThat(outcome.result().output("py_defs_v1").orElseThrow().rowCount()).isEqualTo(4);
        assertThat(Files.isRegularFile(out.resolve(".codeanatomy"))).isTrue();
        assertThat(Files.isDirectory(out.resolve("cpg/cpg_nodes/_delta_log"))).isTrue();
        assertThat(Files.exists(out.resolve(".staging"))).isFalse();

        Map<String, List<Object>> nodes = query(out, "SELECT node_id, node_kind, path, bstart, bend, name FROM cpg_nodes ORDER BY path, bstart, node_kind");
        // c.py does not parse: a file, but no module.
        assertThat(nodes).containsOnlyKeys(
                id("b.py", 0, 6, "PY_FILE"), id("b.py", 0, 6, "PY_MODULE"), id("c.py", 0, 20, "PY_FILE"),
                id("pkg/a.py", 0, 80, "PY_FILE"), id("pkg/a.py", 0, 80, "PY_MODULE"), id("pkg/a.py", 11, 20, "PY_FUNCTION"),
                id("pkg/a.py", 35, 43, "PY_CLASS"), id("pkg/a.py", 48, 66, "PY_FUNCTION"));
        // The module node is named by the last part of its module name (pkg.a).
        assertThat(nodes.get(id("pkg/a.py", 0, 80, "PY_MODULE"))).containsExactly("PY_MODULE", "pkg/a.py", 0L, 80L, "a");
        assertThat(nodes.get(id("pkg/a.py", 48, 66, "PY_FUNCTION"))).containsExactly("PY_FUNCTION", "pkg/a.py", 48L, 66L, "g");
        assertThat(nodes.get(id("b.py", 0, 6, "PY_FILE"))).containsExactly("PY_FILE", "b.py", 0L, 6L, null);
        assertThat(query(out, "SELECT name, line, col, end_line, end_col FROM cpg_nodes WHERE name = 'g'").get("g"))
                .as("line 7 is '    async def g(self):'; the span ends before its newline").containsExactly("7", "4", "7", "22");

        JsonNode result = JSON.readTree(outcome.runDirectory().resolve(RunRecords.RUN_RESULT).toFile());
        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("envelopeHash").asText()).hasSize(64);
        assertThat(result.get("outputs")).extracting(o -> o.get("name").asText()).containsExactly("py_files_v1", "py_lines_v2", "py_defs_v1", "cpg_nodes");
        assertThat(result.get("timings").get("phases")).extracting(p -> p.get("phase").asText())
                .containsExactly("extract", "register", "compile", "plan", "execute", "report");
        // Each phase says the process's CPU time in it; parsing and executing take some.
        assertThat(result.get("timings").get("phases")).allSatisfy(p -> assertThat(p.get("cpuMillis").asLong()).isNotNegative());
        assertThat(result.get("timings").get("phases")).filteredOn(p -> p.get("phase").asText().equals("execute"))
                .singleElement().satisfies(p -> assertThat(p.get("cpuMillis").asLong()).isPositive());
        // Each table is one data file here, which its scans read: none skipped.
        assertThat(result.get("scans")).extracting(scan -> scan.get("table").asText()).contains("py_defs_v1", "py_files_v1");
        assertThat(result.get("scans")).allSatisfy(scan -> {
            assertThat(scan.get("scans").asLong()).isPositive();
            assertThat(scan.get("filesSkipped").asLong()).isZero();
        });
        // An operator's rows in are what the operators just below it gave; a scan has none.
        Map<String, Long> given = new HashMap<>();
        result.get("operators").forEach(op -> {
            String path = op.get("path").asText();
            if (path.contains(".")) {
                given.merge(op.get("plan").asText() + " " + path.substring(0, path.lastIndexOf('.')), op.get("rowsOut").asLong(), Long::sum);
            }
        });
        assertThat(given).isNotEmpty();
        result.get("operators").forEach(op -> {
            Long in = given.get(op.get("plan").asText() + " " + op.get("path").asText());
            assertThat(op.has("rowsIn")).as(op.toString()).isEqualTo(in != null);
            if (in != null) {
                assertThat(op.get("rowsIn").asLong()).as(op.toString()).isEqualTo(in);
            }
        });
        JsonNode dag = JSON.readTree(outcome.runDirectory().resolve(RunRecords.PLAN_BUNDLE).toFile());
        assertThat(dag.get("dagHash").asText()).hasSize(64);
        // File nodes feed both the stacked nodes and the module nodes: a spool.
        assertThat(dag.get("nodes")).extracting(n -> n.get("id").asText()).containsExactly("spool:file_nodes", "output:cpg_nodes");
        JsonNode bundle = dag.get("nodes").get(1);
        assertThat(bundle.get("p2").asText()).contains("EnumerableUnion").contains("EnumerableHashJoin")
                .contains("CompiledTableScan(table=[[py_defs_v1]], filters=").contains("projects=").doesNotContain("EnumerableInterpreter");
        assertThat(bundle.get("ruleTrace").size()).isPositive();
    }

    @Test
    void aViewTwoOutputsReadIsComputedOnceAndRecordedAsASpool() throws Exception {
        // Definition nodes only: their one shared view is the stacked nodes.
        SemanticSpec builtin = CpgSpec.assemble(List.of(new DefinitionNodes()));
        List<ViewDefinition> views = new ArrayList<>(builtin.views());
        views.add(ViewDefinition.of("node_kinds", ViewKind.AGGREGATE, RelSpec.scan("nodes", "n")
                .aggregate(List.of(Exprs.col("n", "node_kind", DataType.STRING).as("node_kind")), List.of(AggregateCall.count("nodes")))));
        List<OutputTarget> outputs = new ArrayList<>(builtin.outputs());
        outputs.add(new OutputTarget("cpg_node_kinds", "node_kinds", "cpg/cpg_node_kinds", WriteMode.CREATE, SchemaContract.of(1,
                ColumnContract.required("node_kind", DataType.STRING), ColumnContract.required("nodes", DataType.INT64))));
        SemanticSpec spec = new SemanticSpec(builtin.name(), builtin.version(), builtin.inputs(), views, builtin.joinGraph(), outputs);
        BuildPipeline shared = new BuildPipeline(SessionConfig.defaults().withWorkers(1),
                config -> Session.open(config, List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin())), spec);
        Path source = source(Map.of("m.py", "def a():\n    pass\nclass B:\n    def c(self):\n        pass\n", "n.py", "x = 1\n"));
        Path out = temp.resolve("out");

        BuildOutcome outcome = shared.run(source, out, BuildListener.NONE);

        assertThat(query(out, "SELECT node_kind, nodes FROM cpg_node_kinds")).containsExactly(
                Map.entry("PY_CLASS", List.of(1L)), Map.entry("PY_FILE", List.of(2L)), Map.entry("PY_FUNCTION", List.of(2L)));
        assertThat(outcome.result().output("cpg_nodes").orElseThrow().rowCount()).isEqualTo(5);
        JsonNode result = JSON.readTree(outcome.runDirectory().resolve(RunRecords.RUN_RESULT).toFile());
        assertThat(result.get("spools")).extracting(n -> n.get("view").asText()).contains("nodes");
        JsonNode spool = null;
        for (JsonNode each : result.get("spools")) {
            spool = each.get("view").asText().equals("nodes") ? each : spool;
        }
        assertThat(spool.get("rows").asLong()).isEqualTo(5);
        assertThat(spool.get("computations").asInt()).isEqualTo(1);
        assertThat(spool.get("scans").asInt()).isEqualTo(2);
        assertThat(spool.get("millis").asLong()).isNotNegative();
        assertThat(spool.get("cpuMillis").asLong()).isNotNegative();
        JsonNode strings = result.get("sharedStrings");
        assertThat(strings.get("lookedUp").asLong()).isPositive();
        assertThat(strings.get("shared").asLong()).isNotNegative().isLessThanOrEqualTo(strings.get("lookedUp").asLong());
        assertThat(strings.get("slots").asInt()).isPositive();
        JsonNode dag = JSON.readTree(outcome.runDirectory().resolve(RunRecords.PLAN_BUNDLE).toFile());
        assertThat(dag.get("nodes")).extracting(n -> n.get("id").asText())
                .contains("spool:nodes", "output:cpg_nodes", "output:cpg_node_kinds");
        assertThat(dag.get("edges")).extracting(e -> e.get("spool").asText() + "->" + e.get("reader").asText())
                .contains("spool:nodes->output:cpg_node_kinds", "spool:nodes->output:cpg_nodes");
        JsonNode kinds = null;
        for (JsonNode node : dag.get("nodes")) {
            kinds = node.get("id").asText().equals("output:cpg_node_kinds") ? node : kinds;
        }
        assertThat(kinds.get("p2").asText()).contains("SpoolScan(table=[[spool, nodes]]");
    }

    @Test
    void recordsAreDeterministicApartFromRunIdAndTimings() throws Exception {
        Path source = source(Map.of("m.py", "def a():\n    pass\n", "n.py", "class B:\n    pass\n"));

        BuildOutcome first = pipeline.run(source, temp.resolve("one"), BuildListener.NONE);
        BuildOutcome second = pipeline.run(source, temp.resolve("two"), BuildListener.NONE);

        assertThat(second.result().envelopeHash()).isEqualTo(first.result().envelopeHash());
        assertThat(withoutRunIdAndTimings(second)).isEqualTo(withoutRunIdAndTimings(first));
        assertThat(Files.readString(second.runDirectory().resolve(RunRecords.PLAN_BUNDLE)))
                .isEqualTo(Files.readString(first.runDirectory().resolve(RunRecords.PLAN_BUNDLE)));
        String json = Files.readString(first.runDirectory().resolve(RunRecords.RUN_RESULT));
        assertThat(keysInOrder(JSON.readTree(json))).isSorted();
    }

    @Test
    void rebuildReplacesTheOutputsAndKeepsOldRunRecords() throws Exception {
        Path source = source(Map.of("m.py", "def a():\n    pass\n"));
        Path out = temp.resolve("out");
        BuildOutcome first = pipeline.run(source, out, BuildListener.NONE);
        Files.writeString(source.resolve("m.py"), "def a():\n    pass\ndef b():\n    pass\n");

        BuildOutcome second = pipeline.run(source, out, BuildListener.NONE);

        assertThat(second.result().runId()).isNotEqualTo(first.result().runId());
        assertThat(Files.exists(first.runDirectory().resolve(RunRecords.RUN_RESULT))).isTrue();
        assertThat(query(out, "SELECT node_id, name FROM cpg_nodes WHERE node_kind = 'PY_FUNCTION'").values())
                .extracting(row -> row.get(0)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void failedRunLeavesThePreviousOutputsAndAFailedRecord() throws Exception {
        Path source = source(Map.of("m.py", "def a():\n    pass\n"));
        Path out = temp.resolve("out");
        pipeline.run(source, out, BuildListener.NONE);
        List<String> before = listing(out.resolve("cpg"));
        Files.writeString(source.resolve("zz_boom.py"), "x = 1\n");
        Files.writeString(source.resolve("another.py"), "def c():\n    pass\n");

        assertThatThrownBy(() -> pipeline.run(source, out, BuildListener.NONE))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("extract failed: boom.py exploded")
                .satisfies(e -> {
                    Path runDirectory = ((BuildFailedException) e).runDirectory();
                    JsonNode record = JSON.readTree(runDirectory.resolve(RunRecords.RUN_RESULT).toFile());
                    assertThat(record.get("status").asText()).isEqualTo("FAILED");
                    assertThat(record.get("outputs").size()).isZero();
                });

        assertThat(listing(out.resolve("cpg"))).isEqualTo(before);
        assertThat(Files.exists(out.resolve(".staging"))).isFalse();
        assertThat(query(out, "SELECT node_id, name FROM cpg_nodes WHERE node_kind = 'PY_FUNCTION'").values())
                .extracting(row -> row.get(0)).containsExactly("a");
    }

    @Test
    void refusesADirectoryThatIsNotOursWithoutWritingAnything() throws Exception {
        Path source = source(Map.of("m.py", "x = 1\n"));
        Path foreign = Files.createDirectories(temp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> pipeline.run(source, foreign, BuildListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("output directory " + foreign + " already holds files that codeanatomy did not write (it has no .codeanatomy file); choose an empty or new directory.");
        assertThat(listing(foreign)).containsExactly("notes.txt");
    }

    @Test
    void refusesAnOutputPathThatIsAFile() throws Exception {
        Path source = source(Map.of("m.py", "x = 1\n"));
        Path file = Files.writeString(temp.resolve("out.txt"), "x");

        assertThatThrownBy(() -> pipeline.run(source, file, BuildListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void refusesAMissingSourceWithoutCreatingTheOutput() {
        Path out = temp.resolve("out");

        assertThatThrownBy(() -> pipeline.run(temp.resolve("nope"), out, BuildListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("source directory " + temp.resolve("nope") + " does not exist.");
        assertThat(Files.exists(out)).isFalse();
    }

    private Path source(Map<String, String> files) throws IOException {
        Path source = temp.resolve("src-" + files.hashCode());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = source.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return source;
    }

    /** Rows keyed by their first column. */
    private static Map<String, List<Object>> query(Path out, String sql) throws IOException {
        Map<String, List<Object>> rows = new TreeMap<>();
        try (Session session = Session.open(SessionConfig.defaults(), List.of(new DeltaIoPlugin(), new SpansPlugin()))) {
            OutputTables.register(session, out);
            PlannedQuery planned = session.planSql(sql).query();
            try (RowBatchReader reader = session.executor().batches(planned.physical(), session.allocator(), session.config().batchLimits())) {
                for (Iterator<VectorSchemaRoot> batches = reader.asIterator(); batches.hasNext(); ) {
                    VectorSchemaRoot batch = batches.next();
                    for (int r = 0; r < batch.getRowCount(); r++) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 1; c < batch.getFieldVectors().size(); c++) {
                            Object value = batch.getVector(c).getObject(r);
                            row.add(value == null ? null : value instanceof Long ? value : value.toString());
                        }
                        rows.put(batch.getVector(0).getObject(r).toString(), row);
                    }
                }
            }
        }
        return rows;
    }

    private static String id(String path, long bstart, long bend, String kind) {
        return StableIdHasher.of(path, bstart, bend, kind);
    }

    private static JsonNode withoutRunIdAndTimings(BuildOutcome outcome) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(outcome.runDirectory().resolve(RunRecords.RUN_RESULT).toFile());
        tree.remove(List.of("runId", "timings", "planBundle"));
        // Which strings were shared depends on the order in which the threads reached the table's slots, as a time does.
        tree.remove("sharedStrings");
        // Fixpoints' time per round is a timing too.
        for (JsonNode fixpoint : tree.withArray("fixpoints")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) fixpoint).remove("millisPerRound");
            for (JsonNode branch : fixpoint.withArray("branches")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) branch).remove("cpuMillis");
            }
        }
        // So are each operator's milliseconds; its rows are not.
        for (JsonNode operator : tree.withArray("operators")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) operator).remove(List.of("millis", "selfMillis"));
        }
        // And each spool's wall and CPU time.
        for (JsonNode spool : tree.withArray("spools")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) spool).remove(List.of("millis", "cpuMillis"));
        }
        return tree;
    }

    private static List<String> keysInOrder(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> !p.equals(directory)).map(p -> directory.relativize(p).toString()).sorted().toList();
        }
    }
}
