package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.pipeline.BuildManifests;
import io.codeanatomy.runtime.pipeline.ManifestTable;
import io.codeanatomy.runtime.result.OutputComparison;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.testkit.cpython.Python3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole standard library (without its site-packages) through {@code codeanatomy build}: the
 * CPG's counts of every node kind that is an AST node equal what CPython's {@code ast} finds in the
 * same files, and every edge endpoint is a node; a build within a 64 MiB Arrow memory budget, and
 * one partitioned by groups of files within a 1 GiB heap, write the same tables.
 */
class TestStdlibCpgCounts {
    private static final String CPYTHON_COUNTS = String.join("\n",
            "import ast, collections, os, sys, warnings",
            "warnings.simplefilter('ignore')",
            "root = sys.argv[1]",
            "kinds = {ast.Call: 'PY_CALL', ast.arg: 'PY_PARAM', ast.alias: 'PY_IMPORT_ALIAS', ast.Lambda: 'PY_LAMBDA',",
            "         ast.ListComp: 'PY_COMPREHENSION', ast.SetComp: 'PY_COMPREHENSION', ast.DictComp: 'PY_COMPREHENSION',",
            "         ast.GeneratorExp: 'PY_COMPREHENSION', ast.FunctionDef: 'PY_FUNCTION', ast.AsyncFunctionDef: 'PY_FUNCTION',",
            "         ast.ClassDef: 'PY_CLASS'}",
            "counts = collections.Counter()",
            "for d, dirs, names in os.walk(root):",
            "    dirs[:] = [x for x in dirs if not (d == root and x == 'site-packages')]",
            "    for n in names:",
            "        if not n.endswith('.py'):",
            "            continue",
            "        counts['PY_FILE'] += 1",
            "        try:",
            "            tree = ast.parse(open(os.path.join(d, n), 'rb').read())",
            "        except Exception:",
            "            continue",
            "        counts['PY_MODULE'] += 1",
            "        for node in ast.walk(tree):",
            "            if type(node) in kinds:",
            "                counts[kinds[type(node)]] += 1",
            "            counts['PY_DECORATOR'] += len(getattr(node, 'decorator_list', []))",
            "print('node_kind,n', end='\\n')",
            "for kind in sorted(counts):",
            "    print('%s,%d' % (kind, counts[kind]), end='\\n')",
            "");

    /** Shared by the tests: the standard library is built once at the profile's budget. */
    @TempDir
    static Path temp;
    private static CliRun defaultBuild;

    /**
     * The standard library built into {@code temp/out}, once. Without call resolution: its fixpoint
     * does not finish on the whole standard library within this JVM's heap yet (docs/cpg-calls.md);
     * the fixtures of TestCallGraphAccuracy cover it.
     */
    private static synchronized CliRun built() {
        if (defaultBuild == null) {
            defaultBuild = CliRun.of("build", stdlib().toString(), "--out", temp.resolve("out").toString(), "--exclude", "site-packages/**", "--no-calls");
        }
        return defaultBuild;
    }

    @Test
    void cpgNodeCountsEqualCPythonsAstOverTheStandardLibrary() throws Exception {
        Path stdlib = stdlib();
        Path out = temp.resolve("out");

        CliRun build = built();
        CliRun counts = CliRun.of("query", out.toString(), "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes"
                + " WHERE node_kind NOT IN ('PY_NAME', 'PY_SCOPE', 'PY_BINDING', 'PY_EXTERNAL') GROUP BY node_kind ORDER BY node_kind", "--format", "csv");
        CliRun dangling = CliRun.of("query", out.toString(), "SELECT COUNT(*) AS dangling FROM cpg_edges e"
                + " LEFT JOIN cpg_nodes s ON s.node_id = e.src_node_id LEFT JOIN cpg_nodes d ON d.node_id = e.dst_node_id"
                + " WHERE s.node_id IS NULL OR d.node_id IS NULL", "--format", "csv");
        CliRun edges = CliRun.of("query", out.toString(), "SELECT COUNT(*) AS edges FROM cpg_edges", "--format", "csv");
        CliRun repeated = CliRun.of("query", out.toString(), "SELECT COUNT(*) - COUNT(DISTINCT edge_id) AS repeated FROM cpg_edges", "--format", "csv");

        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(counts.exitCode()).as(counts.err()).isZero();
        assertThat(counts.out()).isEqualTo(Python3.require().output(CPYTHON_COUNTS, stdlib.toString()));
        assertThat(dangling.out()).as("every edge endpoint is a node").isEqualTo("dangling\n0\n");
        assertThat(edges.out()).isNotEqualTo("edges\n0\n");
        assertThat(repeated.out()).as("every edge has an id of its own").isEqualTo("repeated\n0\n");
    }

    @Test
    void aBuildWithinSixtyFourMebibytesOfArrowMemoryWritesTheSameTables() throws Exception {
        Path out = temp.resolve("out");
        Path small = temp.resolve("out-64m");
        CliRun budgeted = CliRun.of("build", stdlib().toString(), "--out", small.toString(), "--exclude", "site-packages/**", "--no-calls",
                "--memory", "64m");
        CliRun build = built();
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(budgeted.exitCode()).as(budgeted.err()).isZero();

        List<ManifestTable> tables = BuildManifests.latest(out).orElseThrow().tables();
        List<ManifestTable> budgetedTables = BuildManifests.latest(small).orElseThrow().tables();
        assertThat(budgetedTables).extracting(ManifestTable::name, ManifestTable::rows)
                .as("every table has the rows of the build at the profile's budget")
                .isEqualTo(tables.stream().map(t -> tuple(t.name(), t.rows())).toList());
        // Row by row for the graph: its nodes, edges and properties were spilled to disk and read back.
        List<OutputResult> graph = tables.stream().filter(t -> t.path().startsWith("cpg/"))
                .map(t -> new OutputResult(t.name(), t.path(), t.rows(), t.version())).toList();
        assertThat(graph).extracting(OutputResult::name).contains("cpg_nodes", "cpg_edges", "cpg_props");
        try (Session session = Session.open(SessionConfig.defaults())) {
            assertThat(OutputComparison.compare(session, out, small, graph)).as("rows in one build and not the other")
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        }
        JsonNode record = new ObjectMapper().readTree(Path.of(budgeted.out().lines().filter(line -> line.startsWith("  run record: "))
                .findFirst().orElseThrow().substring("  run record: ".length())).toFile());
        assertThat(record.get("timings").get("peakArrowBytes").asLong()).as("the Arrow memory stayed within the budget")
                .isLessThanOrEqualTo(64L << 20);
        List<String> graphSpills = new ArrayList<>();
        record.get("spills").forEach(output -> {
            if (CpgSpec.GROUPED_OUTPUTS.contains(output.get("output").asText()) && output.get("bytes").asLong() > 0) {
                graphSpills.add(output.get("output").asText());
            }
        });
        assertThat(graphSpills).as("the graph's gathered rows were spilled").containsExactlyInAnyOrderElementsOf(CpgSpec.GROUPED_OUTPUTS);
    }

    /**
     * File-partitioned execution bounds the heap (docs/runtime.md): a build of the standard library
     * with {@code --partition-files} in a child JVM of 1 GiB of heap (the build without it fails in
     * 2 GiB) writes every table with the rows of the build that computes every file at once.
     */
    @Test
    void aBuildPartitionedByGroupsOfFilesFitsAOneGibibyteHeapAndWritesTheSameTables() throws Exception {
        Path out = temp.resolve("out");
        Path partitioned = temp.resolve("out-partitioned");
        CliRun build = built();
        assertThat(build.exitCode()).as(build.err()).isZero();
        // After the build in this JVM, not beside it: the child has the machine's cores to itself.
        BuildProcess child = BuildProcess.withHeap("1g", "build", stdlib().toString(), "--out", partitioned.toString(), "--exclude",
                "site-packages/**", "--no-calls", "--partition-files");
        assertThat(child.await()).as(child.stderr()).isZero();

        List<ManifestTable> tables = BuildManifests.latest(out).orElseThrow().tables();
        List<ManifestTable> partitionedTables = BuildManifests.latest(partitioned).orElseThrow().tables();
        assertThat(partitionedTables).extracting(ManifestTable::name, ManifestTable::rows)
                .isEqualTo(tables.stream().map(t -> tuple(t.name(), t.rows())).toList());
        List<OutputResult> graph = tables.stream().filter(t -> t.path().startsWith("cpg/"))
                .map(t -> new OutputResult(t.name(), t.path(), t.rows(), t.version())).toList();
        assertThat(graph).extracting(OutputResult::name).contains("cpg_nodes", "cpg_edges", "cpg_props", "cpg_edges_by_src", "cpg_edges_by_dst");
        try (Session session = Session.open(SessionConfig.defaults())) {
            assertThat(OutputComparison.compare(session, out, partitioned, graph)).as("rows in one build and not the other")
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        }
    }

    private static Path stdlib() {
        Path path = Path.of(Python3.require().output("import sysconfig; print(sysconfig.get_path('stdlib'))").trim());
        assertThat(path).as("CPython's standard library").isDirectory();
        return path;
    }
}
