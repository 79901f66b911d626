package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged stored data is reported in one sentence naming the table or file and what to do. */
class TestDamagedOutput {
    @TempDir
    Path temp;

    private final BuildPipeline pipeline = TinyBuilds.pipeline();

    @Test
    void aDamagedLogEntryIsNamedByCheckWithItsTableAndVersion() throws Exception {
        Path out = buildTwice();
        Path entry = out.resolve("cpg/cpg_nodes/_delta_log/00000000000000000001.json");
        Files.writeString(entry, Files.readString(entry).substring(0, 40));

        CheckReport report;
        try (Session session = TinyBuilds.session()) {
            report = OutputCheck.check(session, TinyPythonPlugin.spec(), out, BuildSelector.LATEST);
        }

        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0)).startsWith("table cpg_nodes (" + out.resolve("cpg/cpg_nodes") + ", version 1) cannot be read: cannot read the log ")
                .endsWith("; every build reads a table's log: build into a new output directory.").doesNotContain("\n");
    }

    @Test
    void aMissingLogEntryNamesTheTableAndVersion() throws Exception {
        Path out = buildTwice();
        Files.delete(out.resolve("cpg/cpg_nodes/_delta_log/00000000000000000001.json"));

        assertThatThrownBy(() -> register(out))
                .isInstanceOf(DamagedOutputException.class)
                .hasMessageStartingWith("cannot open version 1 of table cpg_nodes (" + out.resolve("cpg/cpg_nodes") + ") that build 1 names: ")
                .hasMessageEndingWith("; run 'codeanatomy check " + out + "', then build again.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aManifestNamingAVersionThatIsGoneSaysSo() throws Exception {
        Path out = buildTwice();
        Path manifest = out.resolve("builds/0000000001.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\" : 1", "\"version\" : 9"));

        assertThatThrownBy(() -> register(out))
                .isInstanceOf(DamagedOutputException.class)
                .hasMessageStartingWith("cannot open version 9 of table ");
    }

    @Test
    void aDamagedManifestAndAMissingTableAreNamed() throws Exception {
        Path out = buildTwice();
        OutputDirectory.deleteTree(out.resolve("extract/py_defs_v1"));

        assertThatThrownBy(() -> register(out))
                .isInstanceOf(DamagedOutputException.class)
                .hasMessage("table py_defs_v1 of build 1 is missing from " + out + " (no directory extract/py_defs_v1); run 'codeanatomy build' again.");

        Files.writeString(out.resolve("builds/0000000001.json"), "{\"build\" : 1, \"run_");
        assertThatThrownBy(() -> register(out))
                .isInstanceOf(DamagedOutputException.class)
                .hasMessageStartingWith("the build manifest " + out.resolve("builds/0000000001.json") + " is damaged (")
                .hasMessageEndingWith("); delete it to read the build before it.");
    }

    private Path buildTwice() throws IOException {
        Path source = temp.resolve("src");
        Files.createDirectories(source);
        Files.writeString(source.resolve("m.py"), "def a():\n    pass\n");
        Path out = temp.resolve("out");
        pipeline.run(source, out, BuildListener.NONE);
        Files.writeString(source.resolve("m.py"), "def b():\n    pass\n");
        pipeline.run(source, out, BuildListener.NONE);
        return out;
    }

    private static void register(Path out) {
        try (Session session = TinyBuilds.session()) {
            OutputTables.register(session, out);
        }
    }

}
