package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.pipeline.BuildManifest;
import io.codeanatomy.runtime.pipeline.BuildManifests;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file of the latest build damaged after it was written, then an edit: the rebuild would
 * carry the damaged file's rows of the unchanged files into the new one. It fails in one sentence
 * naming the file and the way on, commits nothing, and {@code build --full}, which reads no data
 * file of earlier builds, gives a sound output again.
 */
class TestDamagedRebuilds {
    @TempDir
    Path temp;

    @Test
    void aRebuildThatWouldCarryRowsOfADamagedFileSaysSoAndAFullBuildRecovers() throws IOException {
        Path source = temp.resolve("src");
        write(source.resolve("pkg/__init__.py"), "");
        write(source.resolve("pkg/shapes.py"), "class Shape:\n    def area(self):\n        return 0\n");
        write(source.resolve("pkg/use.py"), "from pkg.shapes import Shape\n\ndef total(items):\n    return sum(i.area() for i in items)\n");
        Path out = temp.resolve("out");
        CliRun first = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls");
        assertThat(first.exitCode()).as(first.err()).isZero();
        BuildManifest built = BuildManifests.latest(out).orElseThrow();
        String live = built.extraction().orElseThrow().files().get("py_defs_v1").get(0).get(0);
        Path damaged = out.resolve("extract/py_defs_v1").resolve(live);
        try (FileChannel channel = FileChannel.open(damaged, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        write(source.resolve("pkg/use.py"), "from pkg.shapes import Shape\n\ndef total(items):\n    return len(items)\n");
        CliRun rebuild = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls");

        assertThat(rebuild.exitCode()).isEqualTo(1);
        assertThat(rebuild.err().lines().filter(line -> line.startsWith("codeanatomy: ")).toList()).singleElement().asString()
                .contains("cannot read the data file " + damaged + " of the output's latest build to carry its rows into this one "
                        + "(the file ends too early: it is truncated); run 'codeanatomy check' on the output to list its damaged files, "
                        + "then build with --full, which reads none of them")
                .doesNotContain("Exception");
        assertThat(BuildManifests.list(out)).as("the failed rebuild commits no build").hasSize(1);
        CliRun check = CliRun.of("check", out.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out() + check.err()).contains("py_defs_v1").contains("rebuild the output with --full.");

        CliRun full = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls", "--full");

        assertThat(full.exitCode()).as(full.err()).isZero();
        assertThat(full.out()).contains("  extraction: full build (asked for with --full): 3 files parsed");
        List<BuildManifest> builds = BuildManifests.list(out);
        assertThat(builds).hasSize(2);
        assertThat(builds.get(1).table("py_defs_v1").orElseThrow().version())
                .as("a new version of the same table: its history is kept").isEqualTo(built.table("py_defs_v1").orElseThrow().version() + 1);
        CliRun healed = CliRun.of("check", out.toString());
        assertThat(healed.exitCode()).as(healed.out() + healed.err()).isZero();
        CliRun query = CliRun.of("query", out.toString(), "SELECT name FROM cpg_nodes WHERE node_kind = 'PY_FUNCTION' ORDER BY name",
                "--format", "csv");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).contains("area").contains("total");
    }

    @Test
    void aBuildIntoAnOutputWhoseLogIsDamagedSaysSoInOneSentenceAndCommitsNoBuild() throws IOException {
        Path source = temp.resolve("src");
        write(source.resolve("pkg/__init__.py"), "");
        write(source.resolve("pkg/shapes.py"), "class Shape:\n    def area(self):\n        return 0\n");
        Path out = temp.resolve("out");
        CliRun first = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path nodes = out.resolve("cpg/cpg_nodes");
        Path entry = nodes.resolve("_delta_log/00000000000000000000.json");
        Files.writeString(entry, Files.readString(entry).substring(0, 40));

        CliRun full = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls", "--full");

        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.err().lines().filter(line -> line.startsWith("codeanatomy: ")).toList()).singleElement().asString()
                .contains("cannot read the log of the Delta table cpg_nodes at " + nodes + " (")
                .contains("); every write reads a table's log, so this output cannot take another build: run 'codeanatomy check' on it, "
                        + "then build into a new output directory")
                .doesNotContain("KernelEngineException");
        assertThat(full.err().lines().filter(line -> line.startsWith(" at ") || line.startsWith("\tat "))).as("no trace").isEmpty();
        assertThat(BuildManifests.list(out)).as("the failed build commits no build").hasSize(1);
        CliRun check = CliRun.of("check", out.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out() + check.err()).contains("table cpg_nodes (").contains("build into a new output directory.");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
