package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.pipeline.BuildSelector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

class TestShell {
    private static CliRun shell(String script) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of("shell", SmallOutput.out().toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void scriptOnStandardInputRunsEachStatementIncludingMultiLineOnes() {
        CliRun run = shell("""
                -- classes, counted over two lines
                SELECT COUNT(*) AS classes
                FROM cpg_nodes WHERE node_kind = 'PY_CLASS';
                SELECT name FROM cpg_nodes WHERE node_kind = 'PY_CLASS' AND name <> 'Shape' ORDER BY name; SELECT 'x;y' AS s
                """);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                classes
                -------
                3
                (1 row)
                name
                ------
                Circle
                Unit
                (2 rows)
                s
                ---
                x;y
                (1 row)
                """);
    }

    @Test
    void metaCommandsListTablesAndColumns() {
        CliRun run = shell("!tables\n!describe CPG_MRO\n!schema\n");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^cpg_nodes +\\| cpg/cpg_nodes +\\| 0 +\\| 12$")
                .containsPattern("(?m)^py_files_v1 +\\| extract/py_files_v1 +\\|").contains("column ").contains("CREATE TABLE cpg_edges (\n  edge_id VARCHAR NOT NULL,");
        assertThat(run.out()).containsPattern("(?m)^mro_position +\\| INTEGER +\\| no$");
    }

    @Test
    void aFailingStatementPrintsItsErrorTheRestRunAndTheExitCodeIsOne() {
        CliRun run = shell("SELECT 1/0;\n!describe nothing\nSELECT 2 AS n;\n!quit\nSELECT 3 AS n;\n");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: the query failed while running: division by zero.\n"
                + "error: there is no table 'nothing'; !tables lists them.\n");
        assertThat(run.out()).isEqualTo("n\n-\n2\n(1 row)\n");
    }

    @Test
    void onATerminalTabCompletesTableAndColumnNamesAndStatementsSpanLines() throws Exception {
        try (OpenedOutput opened = OpenedOutput.open(SmallOutput.out(), new PluginOptions(), new RuleOptions(), BuildSelector.LATEST, name -> true);
                PipedOutputStream keys = new PipedOutputStream();
                PipedInputStream input = new PipedInputStream(keys);
                Terminal terminal = new ExternalTerminal("test", "xterm", input, new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(120, 40));
            LineReader reader = new Shell(opened.session(), opened.tables()).reader(terminal, null);
            keys.write("SELECT node_ki\t FROM cpg_nod\t\r".getBytes(StandardCharsets.UTF_8));
            keys.write("WHERE line = 1;\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();

            String statement = reader.readLine("sql> ");

            // Tab completed both names (adding a space after each); Enter before ';' continued the statement.
            assertThat(statement.replaceAll("\\s+", " ")).isEqualTo("SELECT node_kind FROM cpg_nodes WHERE line = 1;");
            assertThat(statement).contains("\n");
        }
    }
}
