package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOutputCheck {
    @TempDir
    Path temp;

    private final BuildPipeline pipeline = TinyBuilds.pipeline();

    @Test
    void aSoundBuildHasNoProblemsAndEveryRowIsRead() throws Exception {
        Path out = build();

        CheckReport report = check(out);

        assertThat(report.problems()).isEmpty();
        assertThat(report.manifest().build()).isZero();
        assertThat(report.rowsRead()).isEqualTo(report.manifest().tables().stream().mapToLong(ManifestTable::rows).sum()).isPositive();
    }

    @Test
    void aTruncatedDataFileIsNamedWithItsTable() throws Exception {
        Path out = build();
        Path file = TinyBuilds.dataFiles(out.resolve("cpg/cpg_nodes")).get(0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        CheckReport report = check(out);

        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0)).startsWith("table cpg_nodes (" + out.resolve("cpg/cpg_nodes") + ", version 0) cannot be read: ")
                .endsWith("; rebuild the output with --full.").doesNotContain("\n");
    }

    @Test
    void rowCountsDifferentFromTheManifestAreProblems() throws Exception {
        Path out = build();
        Path manifest = out.resolve("builds/0000000000.json");
        String text = Files.readString(manifest);
        long rows = BuildManifests.latest(out).orElseThrow().table("py_defs_v1").orElseThrow().rows();
        int at = text.indexOf("\"rows\" : " + rows, text.indexOf("\"py_defs_v1\""));
        Files.writeString(manifest, text.substring(0, at) + "\"rows\" : " + (rows + 5) + text.substring(at + ("\"rows\" : " + rows).length()));

        CheckReport report = check(out);

        assertThat(report.problems()).containsExactly("table py_defs_v1 (" + out.resolve("extract/py_defs_v1") + ", version 0) has " + rows
                + " rows but its build recorded " + (rows + 5) + "; rebuild the output with --full.");
    }

    private Path build() throws IOException {
        Path source = temp.resolve("src");
        Files.createDirectories(source);
        Files.writeString(source.resolve("m.py"), "def a():\n    pass\nclass B:\n    pass\n");
        Path out = temp.resolve("out");
        pipeline.run(source, out, BuildListener.NONE);
        return out;
    }

    private static CheckReport check(Path out) {
        try (Session session = TinyBuilds.session()) {
            return OutputCheck.check(session, TinyPythonPlugin.spec(), out, BuildSelector.LATEST);
        }
    }


}
