package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.builtin.DefUseEdges;
import io.codeanatomy.runtime.pipeline.BuildManifest;
import io.codeanatomy.runtime.pipeline.BuildManifests;
import io.codeanatomy.runtime.pipeline.ChangedPaths;
import io.codeanatomy.runtime.pipeline.ExtractionLayout;
import io.codeanatomy.runtime.pipeline.ManifestTable;
import io.codeanatomy.runtime.result.OutputComparison;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixture repository is edited, extended, shrunk, renamed and touched in sequence, and rebuilt
 * into one output after each step: the rebuild parses only the files that changed, replaces only
 * the data files of their groups, recomputes the outputs only when their inputs changed, and every
 * table, extraction and CPG, equals a build from scratch row by row.
 */
class TestIncrementalBuilds {
    /** Small groups, so that the fixture spans several and a change leaves most alone. */
    private static final String GROUP_BYTES = "40";
    private static final Map<String, String> FILES = Map.of(
            "app/__init__.py", "",
            "app/core.py", "class Base:\n    def run(self):\n        return 1\n",
            "app/util.py", "def helper(x):\n    return x * 2\n",
            "broken.py", "def (:\n",
            "app/models.py", "from app.core import Base\nfrom app.util import helper\n\nclass Model(Base):\n"
                    + "    def run(self):\n        return helper(3)\n",
            "main.py", "from app.models import Model\n\nModel().run()\n",
            "tools/__init__.py", "",
            "tools/cli.py", "import sys\n\ndef main():\n    print(sys.argv)\n",
            "zeta.py", "def z():\n    return 'z'\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private CliRun lastRun;
    private CliRun lastRebuild;
    private JsonNode lastRecord;
    private JsonNode rebuildRecord;

    @Test
    void eachEditRebuildsOnlyTheChangedFilesGroupsAndGivesTheTablesOfABuildFromScratch() throws IOException {
        Path source = fixture();
        Path out = temp.resolve("out");
        JsonNode first = build(source, out);
        assertThat(first.get("mode").asText()).isEqualTo("full");
        assertThat(first.get("fullReason").asText()).isEqualTo("no previous build");
        assertThat(first.get("parsed").asLong()).isEqualTo(9);
        assertThat(first.get("groups").asLong()).isGreaterThan(3);
        List<String> outputs = names(lastRecord.get("reuse").get("recomputed"));
        assertThat(outputs).as("a first build runs every output").contains("cpg_nodes", "cpg_edges");
        assertThat(names(lastRecord.get("reuse").get("skipped"))).isEmpty();
        assertThat(names(lastRecord.get("reuse").get("changedFilesOnly"))).as("a first build computes every file's nodes, edges and properties").isEmpty();
        assertThat(BuildManifests.latest(out).orElseThrow().outputLayout().orElseThrow().files().keySet())
                .as("a first build stores nodes, edges, properties, the stored views and the adjacency tables in groups")
                .containsExactlyInAnyOrderElementsOf(groupedAndAdjacency());
        assertThat(spools(lastRecord)).as("a first build computes the bindings of every file").contains(DefUseEdges.BINDINGS);

        write(source.resolve("app/util.py"), "def helper(x):\n    return x * 3\n\ndef other():\n    pass\n");
        JsonNode edited = rebuildAndCompare(source, out, 1);
        assertThat(counts(edited)).isEqualTo("unchanged 8, changed 1, added 0, deleted 0, renamed 0, parsed 1");
        assertThat(edited.get("groupsRewritten").asLong()).isEqualTo(1);
        assertThat(names(rebuildRecord.get("reuse").get("recomputed"))).as("an edit changes every output's inputs").isEqualTo(outputs);
        assertThat(lastRebuild.out()).contains("  outputs: " + outputs.size() + " recomputed (" + String.join(", ", CpgSpec.groupedOutputs(CpgSpec.parts()))
                + " for the changed files only; " + String.join(", ", CpgSpec.ADJACENCY_OUTPUTS) + " for ");
        JsonNode reuse = rebuildRecord.get("reuse");
        assertThat(names(reuse.get("changedGroupsOnly"))).isEqualTo(CpgSpec.ADJACENCY_OUTPUTS);
        assertThat(reuse.get("groupsRecomputed").asInt()).as("an edit of one file recomputes the adjacency of some groups, not all")
                .isPositive().isLessThan(reuse.get("groups").asInt());
        assertThat(reuse.get("groups").asInt()).isEqualTo(first.get("groups").asInt() + 1);

        write(source.resolve("app/extra.py"), "from app.util import other\n\nother()\n");
        JsonNode added = rebuildAndCompare(source, out, 2);
        assertThat(counts(added)).isEqualTo("unchanged 9, changed 0, added 1, deleted 0, renamed 0, parsed 1");

        Files.delete(source.resolve("tools/cli.py"));
        JsonNode deleted = rebuildAndCompare(source, out, 3);
        assertThat(counts(deleted)).isEqualTo("unchanged 9, changed 0, added 0, deleted 1, renamed 0, parsed 0");

        Files.move(source.resolve("zeta.py"), source.resolve("omega.py"));
        JsonNode renamed = rebuildAndCompare(source, out, 4);
        assertThat(counts(renamed)).isEqualTo("unchanged 8, changed 0, added 0, deleted 0, renamed 1, parsed 1");

        Path core = source.resolve("app/core.py");
        Files.setLastModifiedTime(core, FileTime.fromMillis(Files.getLastModifiedTime(core).toMillis() + 60_000));
        JsonNode touched = rebuildAndCompare(source, out, 5);
        assertThat(counts(touched)).isEqualTo("unchanged 9, changed 0, added 0, deleted 0, renamed 0, parsed 0");
        assertThat(lastRebuild.out()).as("a kept file's problem is named again").contains("    broken.py: ");
        assertThat(touched.get("groupsRewritten").asLong()).isZero();
        assertThat(names(rebuildRecord.get("reuse").get("skipped"))).as("a touch changes no input").isEqualTo(outputs);
        assertThat(names(rebuildRecord.get("reuse").get("recomputed"))).isEmpty();
        // Every key is known before planning: nothing is compiled, planned or run.
        assertThat(rebuildRecord.get("spools")).isEmpty();
        JsonNode touchBundle = JSON.readTree(out.resolve(rebuildRecord.get("planBundle").asText()).toFile());
        assertThat(touchBundle.has("nodes")).isTrue();
        assertThat(touchBundle.get("nodes")).as("a touch plans nothing").isEmpty();
        Path touchRun = out.resolve(rebuildRecord.get("planBundle").asText()).getParent();
        assertThat(Files.readString(touchRun.resolve("report.html"), StandardCharsets.UTF_8)).contains("No plan ran: every output was kept");
        assertThat(builds(out).get(1).outputLayout()).as("kept nodes, edges and properties keep their layout").isEqualTo(builds(out).get(0).outputLayout());
        assertThat(lastRebuild.out()).contains("  outputs: 0 recomputed, " + outputs.size() + " skipped (their inputs did not change)");
        List<BuildManifest> builds = BuildManifests.list(out);
        assertThat(builds.get(builds.size() - 1).tables()).as("a touch commits no table: the manifest names the versions of the build before")
                .isEqualTo(builds.get(builds.size() - 2).tables());

        write(core, "class Base:\n    def run(self):\n        return 2\n");
        JsonNode afterTouch = rebuildAndCompare(source, out, 6);
        assertThat(counts(afterTouch)).isEqualTo("unchanged 8, changed 1, added 0, deleted 0, renamed 0, parsed 1");
        assertThat(names(rebuildRecord.get("reuse").get("recomputed"))).as("an edit after skipped outputs").isEqualTo(outputs);

        CliRun history = CliRun.of("history", out.toString());
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("  extraction: full build (no previous build): 9 files parsed, ")
                .contains("  extraction: incremental: 8 unchanged, 1 changed, 0 added, 0 deleted, 0 renamed; 1 parsed; 1 of ")
                .contains("  extraction: incremental: 9 unchanged, 0 changed, 0 added, 1 deleted, 0 renamed; 0 parsed; 1 of ")
                .contains("  extraction: incremental: 9 unchanged, 0 changed, 0 added, 0 deleted, 0 renamed; 0 parsed; 0 of ");
        assertThat(history.out().lines().filter(line -> line.startsWith("    ")).toList())
                .as("history names each rebuild's files, in build order: the edit, the addition, the deletion, the rename, "
                        + "nothing for the touch, the edit after it")
                .containsExactly("    changed  app/util.py", "    added    app/extra.py", "    deleted  tools/cli.py",
                        "    renamed  zeta.py -> omega.py", "    changed  app/core.py");
        assertThat(BuildManifests.list(out).get(0).changes().orElseThrow().paths()).as("a full build names no file").isEqualTo(ChangedPaths.NONE);

        CliRun check = CliRun.of("check", out.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    }

    @Test
    void aDifferentSpecOnUnchangedSourcesRecomputesTheOutputs() throws IOException {
        Path source = fixture();
        Path out = temp.resolve("out");
        build(source, out);

        CliRun withCalls = rebuildWithCallsAndCompare(source, out);

        assertThat(withCalls.out()).contains("0 of ").doesNotContain(" skipped (their inputs did not change)")
                .as("nodes of another spec are computed for every file").doesNotContain("for the changed files only");
    }

    @Test
    void anEditWithCallsRecomputesTheChangedFilesNodesAndGivesTheTablesOfABuildFromScratch() throws IOException {
        Path source = fixture();
        Path out = temp.resolve("out");
        CliRun first = CliRun.of("build", source.toString(), "--out", out.toString(), "--group-bytes", GROUP_BYTES);
        assertThat(first.exitCode()).as(first.err()).isZero();

        write(source.resolve("app/util.py"), "def helper(x):\n    return len(x)\n\ndef other():\n    return helper([1])\n");
        CliRun rebuild = rebuildWithCallsAndCompare(source, out);

        assertThat(rebuild.out()).contains("recomputed (" + String.join(", ", CpgSpec.groupedOutputs(CpgSpec.parts()))
                + " for the changed files only; " + String.join(", ", CpgSpec.ADJACENCY_OUTPUTS) + " for ")
                .as("call resolution is recomputed over every file, and the summary says so")
                .contains("groups; cpg_mro, cpg_call_graph and the cross-file rows for every file)");
    }

    /**
     * Why a rebuild resolves calls over every file, not over the changed modules' reverse import
     * closure: values flow into the modules a changed one imports (here, the function it registers
     * reaches the registry's loop through {@code register}'s parameter and the list it appends to),
     * so an edit of {@code plugin.py} changes the calls made in {@code registry.py}, which imports
     * nothing. The rebuild must, and does, give the call graph of a build from scratch.
     */
    @Test
    void anEditChangesCallsInAModuleThatDoesNotImportItAndTheRebuildFollows() throws IOException {
        Path source = temp.resolve("registry-src");
        write(source.resolve("registry.py"), "handlers = []\n\ndef register(f):\n    handlers.append(f)\n    return f\n\n"
                + "def fire():\n    for h in handlers:\n        h()\n");
        write(source.resolve("plugin.py"), "from registry import register\n\ndef on_start():\n    pass\n\nregister(on_start)\n");
        write(source.resolve("main.py"), "import plugin\nfrom registry import fire\n\nfire()\n");
        Path out = temp.resolve("out");
        CliRun first = CliRun.of("build", source.toString(), "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(callsOf(out, "registry.fire")).containsExactly("plugin.on_start");

        write(source.resolve("plugin.py"), "from registry import register\n\ndef on_stop():\n    pass\n\nregister(on_stop)\n");
        CliRun rebuild = CliRun.of("build", source.toString(), "--out", out.toString());
        assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();

        assertThat(callsOf(out, "registry.fire")).as("registry.py neither changed nor imports plugin.py").containsExactly("plugin.on_stop");
        assertEqualToABuildFromScratch(source, out);
    }

    /** The callees {@code caller} (a qualified name) calls in the call graph of {@code out}, sorted. */
    private static List<String> callsOf(Path out, String caller) {
        CliRun query = CliRun.of("query", out.toString(), "SELECT callee_qualified_name FROM cpg_call_graph WHERE caller_qualified_name = '"
                + caller + "' ORDER BY 1", "--format", "csv");
        assertThat(query.exitCode()).as(query.err()).isZero();
        List<String> lines = new ArrayList<>(List.of(query.out().split("\n")));
        assertThat(lines.remove(0)).isEqualTo("callee_qualified_name");
        return lines;
    }

    /** The outputs a grouped build stores in groups: nodes, edges, properties, the stored views, then the adjacency tables. */
    private static List<String> groupedAndAdjacency() {
        List<String> all = new java.util.ArrayList<>(CpgSpec.groupedOutputs(CpgSpec.parts()));
        all.addAll(CpgSpec.ADJACENCY_OUTPUTS);
        return all;
    }

    /** Rebuilds {@code out} with calls, builds {@code source} from scratch beside it, and checks that every table is equal; the rebuild. */
    private CliRun rebuildWithCallsAndCompare(Path source, Path out) {
        CliRun rebuild = CliRun.of("build", source.toString(), "--out", out.toString(), "--group-bytes", GROUP_BYTES);
        assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
        assertEqualToABuildFromScratch(source, out, "--group-bytes", GROUP_BYTES);
        return rebuild;
    }

    /** Builds {@code source} from scratch beside {@code out} with {@code options} and checks that every table of {@code out} is equal to its. */
    private void assertEqualToABuildFromScratch(Path source, Path out, String... options) {
        List<String> arguments = new ArrayList<>(List.of("build", source.toString(), "--out", temp.resolve("scratch").toString()));
        arguments.addAll(List.of(options));
        CliRun scratch = CliRun.of(arguments.toArray(String[]::new));
        assertThat(scratch.exitCode()).as(scratch.err()).isZero();
        assertSameTables(out, temp.resolve("scratch"), "after the rebuild");
    }

    /** Checks that every table of output {@code out} has the rows of the same table of output {@code scratch}, no more, no fewer. */
    private static void assertSameTables(Path out, Path scratch, String when) {
        try (Session session = Session.open(SessionConfig.defaults())) {
            SortedMap<String, Long> differing = OutputComparison.compare(session, out, scratch, outputs(out));
            assertThat(differing).as("rows in one build and not the other, " + when).allSatisfy((table, rows) -> assertThat(rows)
                    .as(table).isZero());
        }
    }

    @Test
    void aBuildPartitionedByGroupsOfFilesGivesTheTablesOfAWholeBuildAndRebuildsAsOne() throws IOException {
        Path source = fixture();
        Path out = temp.resolve("out");
        for (boolean calls : List.of(false, true)) {
            List<String> arguments = new ArrayList<>(List.of("build", source.toString(), "--out", out.toString(), "--group-bytes", GROUP_BYTES,
                    "--partition-files"));
            List<String> scratch = new ArrayList<>(List.of("--group-bytes", GROUP_BYTES));
            if (!calls) {
                arguments.add("--no-calls");
                scratch.add("--no-calls");
            }
            // A first build, then (--no-calls changes the spec) a full build into the same output.
            CliRun run = CliRun.of(arguments.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            Path recordFile = Path.of(run.out().lines().filter(line -> line.startsWith("  run record: ")).findFirst().orElseThrow()
                    .substring("  run record: ".length()));
            JsonNode record = JSON.readTree(recordFile.toFile());
            assertThat(record.get("changes").get("groups").asLong()).isGreaterThan(3);
            List<String> phases = new ArrayList<>();
            record.get("timings").get("phases").forEach(phase -> phases.add(phase.get("phase").asText()));
            assertThat(phases).as("the groups' file-local rows before the DAG, calls " + calls)
                    .containsExactly("extract", "register", "file-local", "compile", "plan", "execute", "report");
            if (!calls) {
                // Call resolution reads every file's bindings; without it the DAG reads the stored views instead.
                assertThat(spools(record)).as("the DAG computes the cross-file part only").doesNotContain(DefUseEdges.BINDINGS);
            }
            JsonNode bindings = spool(record.get("fileLocalSpools"), DefUseEdges.BINDINGS);
            assertThat(bindings.get("computations").asInt()).as("the bindings computed once per group, calls " + calls)
                    .isEqualTo(record.get("changes").get("groups").asInt());
            assertThat(bindings.get("rows").asLong()).isPositive();
            // The plans run apart from the DAG are metered too, each summed over the groups' sessions: the groups'
            // file-local nodes and the DAG's cross-file ones are the table's rows, and every group's adjacency rows the table's.
            assertThat(rootRows(record, "file-local." + CpgSpec.NODES_OUTPUT)).as("calls " + calls).isPositive();
            assertThat(rootRows(record, "file-local." + CpgSpec.NODES_OUTPUT) + rootRows(record, CpgSpec.NODES_OUTPUT)).as("calls " + calls)
                    .isEqualTo(outputRows(record, CpgSpec.NODES_OUTPUT));
            assertThat(rootRows(record, "adjacency." + CpgSpec.EDGES_BY_SRC_OUTPUT)).as("calls " + calls)
                    .isEqualTo(outputRows(record, CpgSpec.EDGES_BY_SRC_OUTPUT));
            String report = Files.readString(recordFile.resolveSibling("report.html"), StandardCharsets.UTF_8);
            assertThat(report).as("the report lists the plans run apart from the DAG, calls " + calls).contains("<section id=\"apart\">")
                    .contains("<tr><td>file-local." + CpgSpec.NODES_OUTPUT + "</td>").contains("<tr><td>adjacency." + CpgSpec.EDGES_BY_SRC_OUTPUT + "</td>")
                    .doesNotContain("<tr><td>" + CpgSpec.NODES_OUTPUT + "</td><td class=\"n\">");
            assertThat(names(record.get("reuse").get("changedFilesOnly"))).isEmpty();
            assertEqualToABuildFromScratch(source, out, scratch.toArray(String[]::new));
            Files.move(temp.resolve("scratch"), temp.resolve("scratch-" + calls));
        }
        // A rebuild after an edit is incremental on a partitioned build as on any other.
        write(source.resolve("app/util.py"), "def helper(x):\n    return x * 3\n\ndef other():\n    return helper(1)\n");
        rebuildWithCallsAndCompare(source, out);
    }

    @Test
    void changedGlobsMakeAFullBuildThatSaysWhy() throws IOException {
        Path source = fixture();
        Path out = temp.resolve("out");
        build(source, out);

        CliRun run = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls", "--group-bytes", GROUP_BYTES,
                "--exclude", "tools/**");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  extraction: full build (the source root, globs, extractor options, plugins or extraction tables "
                + "changed): 7 files parsed");
    }

    /**
     * Rebuilds {@code out} and builds {@code source} from scratch beside it; checks that every table
     * is equal, and that the rebuild's commit to each extraction table removed exactly the data
     * files of the groups it rewrote. The rebuild's changes.
     */
    private JsonNode rebuildAndCompare(Path source, Path out, int step) throws IOException {
        JsonNode changes = build(source, out);
        lastRebuild = lastRun;
        JsonNode record = lastRecord;
        assertThat(changes.get("mode").asText()).isEqualTo("incremental");
        Path scratch = temp.resolve("scratch-" + step);
        build(source, scratch);
        rebuildRecord = record;
        assertThat(record.get("problems")).as("the problems a build from scratch finds, after step " + step)
                .isEqualTo(lastRecord.get("problems"));

        assertSameTables(out, scratch, "after step " + step);

        List<BuildManifest> builds = BuildManifests.list(out);
        if (!names(record.get("reuse").get("recomputed")).isEmpty()) {
            assertThat(names(record.get("reuse").get("changedFilesOnly"))).as("nodes, edges, properties and stored views computed for the "
                    + "changed files only, step " + step).containsExactlyElementsOf(CpgSpec.groupedOutputs(CpgSpec.parts()));
            // Import resolution reads the stored views, so the bindings of the files that did not change are not computed.
            assertThat(spools(record)).as("spools of step " + step).doesNotContain(DefUseEdges.BINDINGS);
            for (String table : CpgSpec.groupedOutputs(CpgSpec.parts())) {
                checkReplacedGroups(out, builds, table, changes.get("groupsRewritten").asInt());
            }
            // The changed files' rows read their extraction tables with a filter on their paths: the other groups' files are skipped
            // (a deletion alone computes no file's rows).
            long skipped = 0;
            for (JsonNode scan : record.get("scans")) {
                if (scan.get("table").asText().endsWith("_all_files")) {
                    skipped += scan.get("filesSkipped").asLong();
                }
            }
            int groups = builds.get(builds.size() - 1).extraction().orElseThrow().groups().size();
            boolean extracted = changes.get("changed").asInt() + changes.get("added").asInt() + changes.get("renamed").asInt() > 0;
            if (extracted && changes.get("groupsRewritten").asInt() < groups) {
                assertThat(skipped).as("data files the changed files' scans skipped, step " + step).isPositive();
            }
        }
        ExtractionLayout before = builds.get(builds.size() - 2).extraction().orElseThrow();
        ExtractionLayout after = builds.get(builds.size() - 1).extraction().orElseThrow();
        assertThat(after.groups()).isEqualTo(before.groups());
        for (String table : after.files().keySet()) {
            long version = builds.get(builds.size() - 1).table(table).orElseThrow().version();
            if (version == builds.get(builds.size() - 2).table(table).orElseThrow().version()) {
                assertThat(after.files().get(table)).as("%s kept its version, so its files", table).isEqualTo(before.files().get(table));
                continue;
            }
            SortedSet<String> replaced = new TreeSet<>();
            SortedSet<String> written = new TreeSet<>();
            int rewrittenGroups = 0;
            for (int g = 0; g < after.groups().size(); g++) {
                List<String> old = before.files().get(table).get(g);
                List<String> now = after.files().get(table).get(g);
                if (!old.equals(now)) {
                    replaced.addAll(old);
                    written.addAll(now);
                    rewrittenGroups++;
                }
            }
            assertThat(rewrittenGroups).as(table).isLessThanOrEqualTo(changes.get("groupsRewritten").asInt());
            Map<String, SortedSet<String>> actions = logActions(out.resolve("extract").resolve(table), version);
            assertThat(actions.get("remove")).as("files %s removed at version %d", table, version).isEqualTo(replaced);
            assertThat(actions.get("add")).as("files %s added at version %d", table, version).isEqualTo(written);
        }
        return changes;
    }

    /**
     * The rebuild's commit to the grouped output {@code table} removed exactly the data files of the
     * groups whose files changed (at most the rewritten groups of source files and the group of rows
     * of no file) and added exactly the files the new manifest records for them.
     */
    private static void checkReplacedGroups(Path out, List<BuildManifest> builds, String table, int rewritten) throws IOException {
        List<List<String>> before = builds.get(builds.size() - 2).outputLayout().orElseThrow().files().get(table);
        List<List<String>> after = builds.get(builds.size() - 1).outputLayout().orElseThrow().files().get(table);
        assertThat(after).hasSameSizeAs(before);
        SortedSet<String> replaced = new TreeSet<>();
        SortedSet<String> written = new TreeSet<>();
        int changedGroups = 0;
        for (int g = 0; g < after.size(); g++) {
            if (!before.get(g).equals(after.get(g))) {
                replaced.addAll(before.get(g));
                written.addAll(after.get(g));
                changedGroups++;
            }
        }
        assertThat(changedGroups).as(table).isLessThanOrEqualTo(rewritten + 1).isLessThan(after.size());
        ManifestTable latest = builds.get(builds.size() - 1).table(table).orElseThrow();
        Map<String, SortedSet<String>> actions = logActions(out.resolve(latest.path()), latest.version());
        assertThat(actions.get("remove")).as("files of %s removed", table).isEqualTo(replaced);
        assertThat(actions.get("add")).as("files of %s added", table).isEqualTo(written);
    }

    /** The last two builds of {@code out}, the earlier first. */
    private static List<BuildManifest> builds(Path out) {
        List<BuildManifest> builds = BuildManifests.list(out);
        return builds.subList(builds.size() - 2, builds.size());
    }

    private JsonNode build(Path source, Path out) throws IOException {
        CliRun run = lastRun = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls", "--group-bytes", GROUP_BYTES);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  extraction: ");
        Path record = Path.of(run.out().lines().filter(line -> line.startsWith("  run record: ")).findFirst().orElseThrow()
                .substring("  run record: ".length()));
        lastRecord = JSON.readTree(record.toFile());
        return lastRecord.get("changes");
    }

    /** The views the run's DAG computed as spools. */
    private static List<String> spools(JsonNode record) {
        List<String> views = new ArrayList<>();
        record.get("spools").forEach(spool -> views.add(spool.get("view").asText()));
        return views;
    }

    /** The rows the root operator of plan {@code plan} gave, as the run record lists its operators. */
    private static long rootRows(JsonNode record, String plan) {
        for (JsonNode operator : record.get("operators")) {
            if (operator.get("plan").asText().equals(plan) && operator.get("path").asText().equals("0")) {
                return operator.get("rowsOut").asLong();
            }
        }
        throw new AssertionError("no operator of plan '" + plan + "' in the run record");
    }

    /** The rows the run record says output {@code name} has. */
    private static long outputRows(JsonNode record, String name) {
        for (JsonNode output : record.get("outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output.get("rowCount").asLong();
            }
        }
        throw new AssertionError("no output '" + name + "' in the run record");
    }

    /** The spool of {@code view} among {@code spools}. */
    private static JsonNode spool(JsonNode spools, String view) {
        for (JsonNode spool : spools) {
            if (spool.get("view").asText().equals(view)) {
                return spool;
            }
        }
        throw new AssertionError("no spool of view '" + view + "' in " + spools);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static List<OutputResult> outputs(Path out) {
        List<OutputResult> outputs = new ArrayList<>();
        BuildManifests.latest(out).orElseThrow().tables().forEach(table -> outputs.add(
                new OutputResult(table.name(), table.path(), table.rows(), table.version())));
        return outputs;
    }

    /** The data files the commit of {@code version} added and removed, by action. */
    private static Map<String, SortedSet<String>> logActions(Path table, long version) throws IOException {
        Map<String, SortedSet<String>> actions = new TreeMap<>(Map.of("add", new TreeSet<>(), "remove", new TreeSet<>()));
        Path commit = table.resolve("_delta_log").resolve(String.format(Locale.ROOT, "%020d.json", version));
        for (String line : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
            JsonNode action = JSON.readTree(line);
            for (String kind : actions.keySet()) {
                if (action.has(kind)) {
                    actions.get(kind).add(action.get(kind).get("path").asText());
                }
            }
        }
        return actions;
    }

    private static String counts(JsonNode changes) {
        return String.format(Locale.ROOT, "unchanged %d, changed %d, added %d, deleted %d, renamed %d, parsed %d",
                changes.get("unchanged").asLong(), changes.get("changed").asLong(), changes.get("added").asLong(),
                changes.get("deleted").asLong(), changes.get("renamed").asLong(), changes.get("parsed").asLong());
    }

    private Path fixture() throws IOException {
        Path source = temp.resolve("src");
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            write(source.resolve(file.getKey()), file.getValue());
        }
        return source;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
