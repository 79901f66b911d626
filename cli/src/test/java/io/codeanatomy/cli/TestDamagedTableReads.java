package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file damaged after the build (truncated, deleted) and hit while a command reads the table:
 * one sentence naming the table and the file and saying what to do, exit 1, nothing written.
 */
class TestDamagedTableReads {
    @TempDir
    Path temp;

    private Path out;
    private Path nodes;
    private Path dataFile;

    /** A copy of the shared small build, so the damage stays in this test's directory. */
    @BeforeEach
    void copyTheBuild() throws IOException {
        out = temp.resolve("out");
        Path built = SmallOutput.out();
        try (Stream<Path> paths = Files.walk(built)) {
            for (Path path : paths.toList()) {
                Path copy = out.resolve(built.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        nodes = out.resolve("cpg/cpg_nodes");
        try (Stream<Path> files = Files.list(nodes)) {
            List<Path> data = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
            assertThat(data).isNotEmpty();
            dataFile = data.get(0);
        }
    }

    @Test
    void aTruncatedDataFileIsOneSentenceInQueryExportAskAndTheShell() throws IOException {
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        Path graphml = temp.resolve("graph.graphml");

        CliRun query = CliRun.of("query", out.toString(), "SELECT COUNT(*) FROM cpg_nodes");
        CliRun export = CliRun.of("export", out.toString(), "--format", "graphml", "--to", graphml.toString());
        CliRun ask = CliRun.of("ask", out.toString(), "subclasses", "pkg.base.Shape");
        CliRun shell = shell("SELECT COUNT(*) AS n FROM cpg_nodes;\nSELECT 2 AS n;\n");

        for (CliRun run : List.of(query, export, ask)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertNamesTheFileInOneSentence(run.err(), "codeanatomy: ");
        }
        // Nothing of the export is left: neither the file nor what was written beside it.
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("out");
        }
        // The shell reports the statement and goes on with the next.
        assertThat(shell.exitCode()).isEqualTo(1);
        assertThat(shell.out()).isEqualTo("n\n-\n2\n(1 row)\n");
        assertNamesTheFileInOneSentence(shell.err(), "error: ");
    }

    @Test
    void aMissingDataFileIsOneSentenceToo() throws IOException {
        Files.delete(dataFile);

        CliRun query = CliRun.of("query", out.toString(), "SELECT node_kind FROM cpg_nodes");

        assertThat(query.exitCode()).as(query.err()).isEqualTo(1);
        assertThat(query.out()).isEmpty();
        assertNamesTheFileInOneSentence(query.err(), "codeanatomy: ");
    }

    private void assertNamesTheFileInOneSentence(String err, String prefix) {
        assertThat(err).startsWith(prefix + "cannot read the data file " + dataFile.getFileName() + " of the Delta table cpg_nodes at "
                        + nodes + " (")
                .endsWith("); run 'codeanatomy check' on the output, then build it again with --full.\n")
                .doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(err.lines()).hasSize(1);
    }

    private CliRun shell(String script) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of("shell", out.toString());
        } finally {
            System.setIn(saved);
        }
    }
}
