package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestCliConventions {
    @Test
    void everyCommandSummaryIsAWholeSentence() {
        CommandLine root = new CommandLine(new CodeAnatomy());
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            CommandLine.Model.UsageMessageSpec usage = command.getValue().getCommandSpec().usageMessage();
            // The list of commands in --help shows the header's first line, else the description's.
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            assertThat(summary).as(command.getKey()).isNotEmpty();
            assertThat(summary[0]).as(command.getKey()).matches("[A-Z].*\\.");
        }
    }

    @Test
    void helpListsTheCommandsWithWholeSentences() {
        CliRun help = CliRun.of("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("  shell ").contains("  export ").contains("  tables ").contains("  describe ")
                .contains("  generate-completion ").doesNotContain("Delta tables:");
    }

    @Test
    void aBashAndZshCompletionScriptIsGenerated() {
        CliRun script = CliRun.of("generate-completion");

        assertThat(script.exitCode()).isZero();
        assertThat(script.out()).contains("complete -F").contains("codeanatomy").contains("shell").contains("export");
    }

    @TempDir
    Path temp;

    @Test
    void buildNamesTheProblemFiles() {
        CliRun text = SmallOutput.build();

        assertThat(text.out()).containsPattern("  problems in 1 file:\n    broken\\.py: [A-Z_]+ at line 1: .+\n");
    }

    @Test
    void buildSummarizesAsJson() throws Exception {
        CliRun json = CliRun.buildTree(temp.resolve("src"), Map.of("ok.py", "x = 1\n", "bad.py", "def (:\n"), temp.resolve("out"));
        CliRun again = CliRun.of("build", temp.resolve("src").toString(), "--out", temp.resolve("out").toString(), "--format", "json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("{").contains("\"files\" : 2").contains("\"path\" : \"cpg/cpg_nodes\"")
                .containsPattern("\"problems\" : \\[ \\{\\s+\"path\" : \"bad.py\",\\s+\"message\" : \"[A-Z_]+ at line 1: ");
    }
}
