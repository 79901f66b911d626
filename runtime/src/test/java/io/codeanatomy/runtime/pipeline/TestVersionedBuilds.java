package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import io.codeanatomy.spi.arrow.ArrowContracts;
import io.codeanatomy.spi.write.Materializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestVersionedBuilds {
    private static final String FUNCTIONS = "SELECT name FROM cpg_nodes WHERE node_kind = 'PY_FUNCTION' ORDER BY name";

    @TempDir
    Path temp;

    private final BuildPipeline pipeline = TinyBuilds.pipeline();

    @Test
    void eachRebuildCommitsANewVersionOfEveryTableAndOneManifest() throws Exception {
        Path source = TinyBuilds.write(temp.resolve("src"), Map.of("m.py", "def a():\n    pass\n"));
        Path out = temp.resolve("out");
        BuildOutcome first = pipeline.run(source, out, BuildListener.NONE);
        Files.writeString(source.resolve("m.py"), "def a():\n    pass\ndef b():\n    pass\n");

        BuildOutcome second = pipeline.run(source, out, BuildListener.NONE);

        List<BuildManifest> builds = BuildManifests.list(out);
        assertThat(builds).extracting(BuildManifest::build).containsExactly(0L, 1L);
        assertThat(builds).extracting(BuildManifest::runId).containsExactly(first.result().runId(), second.result().runId());
        assertThat(builds.get(1).table("cpg_nodes").orElseThrow().version()).isEqualTo(1);
        assertThat(builds.get(1).table("py_defs_v1").orElseThrow()).isEqualTo(new ManifestTable("py_defs_v1", "extract/py_defs_v1", 1, 2));
        assertThat(out.resolve("cpg/cpg_nodes/_delta_log/00000000000000000001.json")).isRegularFile();
        assertThat(second.result().output("cpg_nodes").orElseThrow().deltaVersion()).isEqualTo(1);
        assertThat(functions(out, BuildSelector.LATEST)).containsExactly("a", "b");
        assertThat(functions(out, BuildSelector.build(0))).containsExactly("a");
        assertThat(functions(out, BuildSelector.run(first.result().runId()))).containsExactly("a");
        assertThat(functions(out, BuildSelector.asOf(builds.get(0).time()))).containsExactly("a");
        assertThat(functions(out, BuildSelector.asOf(builds.get(1).time().plusSeconds(60)))).containsExactly("a", "b");
        assertThatThrownBy(() -> functions(out, BuildSelector.asOf(builds.get(0).time().minusSeconds(1))))
                .hasMessageStartingWith(out + " has no build committed at or before ");
        assertThatThrownBy(() -> functions(out, BuildSelector.build(7)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(out + " has no build 7 (builds 0 to 1); see 'codeanatomy history " + out + "'.");
    }

    @Test
    void readersIgnoreATableVersionThatNoManifestNames() throws Exception {
        Path source = TinyBuilds.write(temp.resolve("src"), Map.of("m.py", "def a():\n    pass\n"));
        Path out = temp.resolve("out");
        pipeline.run(source, out, BuildListener.NONE);

        // What a build killed between its table commits and its manifest leaves: a newer, unnamed version.
        try (Session session = TinyBuilds.session()) {
            Materializer delta = session.materializer(BuildPipeline.FORMAT);
            delta.write(out.resolve("cpg/cpg_nodes"), WriteMode.OVERWRITE,
                    ArrowContracts.toArrowSchema(TinyPythonPlugin.spec().outputs().get(0).schema()), Collections.emptyIterator());
        }

        assertThat(out.resolve("cpg/cpg_nodes/_delta_log/00000000000000000001.json")).isRegularFile();
        assertThat(functions(out, BuildSelector.LATEST)).containsExactly("a");
    }

    @Test
    void aBuildOfFarFewerFilesIsRefusedUnlessAllowed() throws Exception {
        Path source = TinyBuilds.write(temp.resolve("src"), Map.of("a.py", "def a():\n    pass\n", "b.py", "def b():\n    pass\n",
                "c.py", "def c():\n    pass\n"));
        Path out = temp.resolve("out");
        BuildOutcome first = pipeline.run(source, out, BuildListener.NONE);

        // The tiny extractor ignores globs; a wrong SRC shrinks the selection as a mistyped --include does.
        Path wrong = TinyBuilds.write(temp.resolve("wrong"), Map.of("a.py", "def a():\n    pass\n"));

        assertThatThrownBy(() -> pipeline.run(wrong, out, BuildListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("this build selected 1 file but the build it would replace (" + first.result().runId()
                        + ") had 3; check SRC and --include/--exclude, or pass --allow-shrink to replace it.");
        assertThat(BuildManifests.list(out)).hasSize(1);
        assertThat(functions(out, BuildSelector.LATEST)).containsExactly("a", "b", "c");
        assertThat(BuildManifests.latest(out).orElseThrow().table("py_files_v1").orElseThrow().version())
                .as("the refused build committed nothing").isZero();
        assertThat(versions(out.resolve("extract/py_files_v1"))).containsExactly("00000000000000000000.json");

        pipeline.with(new BuildOptions(true, OptionalInt.empty(), OutputVacuum.DEFAULT_RETENTION))
                .run(wrong, out, BuildListener.NONE);
        assertThat(functions(out, BuildSelector.LATEST)).containsExactly("a");
    }

    @Test
    void malformedGlobsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path source = TinyBuilds.write(temp.resolve("src"), Map.of("a.py", "x = 1\n"));
        Path out = temp.resolve("out");

        assertThatThrownBy(() -> pipeline.run(source, out, List.of("{a,b"), List.of(), BuildListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--include '{a,b' is not a valid pattern");
        assertThat(out).doesNotExist();
    }

    @Test
    void vacuumDeletesTheFilesOfExpiredBuildsAndOfWritesThatNeverCommitted() throws Exception {
        Path source = TinyBuilds.write(temp.resolve("src"), Map.of("m.py", "def a():\n    pass\n"));
        Path out = temp.resolve("out");
        for (String body : List.of("def a():\n    pass\n", "def b():\n    pass\n", "def c():\n    pass\n")) {
            Files.writeString(source.resolve("m.py"), body);
            pipeline.run(source, out, BuildListener.NONE);
        }
        Path nodes = out.resolve("cpg/cpg_nodes");
        Path orphan = nodes.resolve("killed-write.parquet");
        Files.copy(TinyBuilds.dataFiles(nodes).get(0), orphan);
        assertThat(TinyBuilds.dataFiles(nodes)).hasSize(4);

        VacuumReport recent = vacuum(out, OptionalInt.of(1), OutputVacuum.DEFAULT_RETENTION);

        assertThat(recent.expiredBuilds()).as("builds replaced within the retention stay").isEmpty();
        assertThat(recent.filesDeleted()).as("the orphan goes at once in every table it is in").isEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(functions(out, BuildSelector.build(0))).containsExactly("a");

        VacuumReport expired = vacuum(out, OptionalInt.of(1), Duration.ZERO);

        assertThat(expired.expiredBuilds()).containsExactly(0L, 1L);
        assertThat(expired.keptBuilds()).containsExactly(2L);
        assertThat(TinyBuilds.dataFiles(nodes)).hasSize(1);
        assertThat(functions(out, BuildSelector.LATEST)).containsExactly("c");
        assertThatThrownBy(() -> functions(out, BuildSelector.build(0))).hasMessageContaining("has no build 0 (builds 2 to 2)");

        Files.writeString(source.resolve("m.py"), "def d():\n    pass\n");
        pipeline.run(source, out, BuildListener.NONE);
        assertThat(BuildManifests.latest(out).orElseThrow().build()).as("numbers are never reused").isEqualTo(3);
    }

    @Test
    void keepBuildsVacuumsAfterTheBuildCommits() throws Exception {
        Path source = TinyBuilds.write(temp.resolve("src"), Map.of("m.py", "def a():\n    pass\n"));
        Path out = temp.resolve("out");
        BuildPipeline keepOne = pipeline.with(new BuildOptions(false, OptionalInt.of(1), Duration.ZERO));
        keepOne.run(source, out, BuildListener.NONE);
        Files.writeString(source.resolve("m.py"), "def b():\n    pass\n");

        keepOne.run(source, out, BuildListener.NONE);

        assertThat(BuildManifests.list(out)).extracting(BuildManifest::build).containsExactly(1L);
        assertThat(TinyBuilds.dataFiles(out.resolve("cpg/cpg_nodes"))).hasSize(1);
        assertThat(functions(out, BuildSelector.LATEST)).containsExactly("b");
    }


    private static VacuumReport vacuum(Path out, OptionalInt keep, Duration retention) {
        try (Session session = TinyBuilds.session(); OutputDirectory directory = OutputDirectory.open(out, "vacuum")) {
            return OutputVacuum.vacuum(directory, session.materializer(BuildPipeline.FORMAT), keep, retention, Instant.now());
        }
    }

    private static List<String> functions(Path out, BuildSelector build) {
        List<String> names = new ArrayList<>();
        try (Session session = TinyBuilds.session()) {
            OutputTables.register(session, out, build);
            try (Enumerator<?> rows = session.executor().rows(session.planSql(FUNCTIONS).query().physical())) {
                while (rows.moveNext()) {
                    names.add(String.valueOf(rows.current()));
                }
            }
        }
        return names;
    }


    private static List<String> versions(Path table) throws IOException {
        try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

}
