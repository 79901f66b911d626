package io.codeanatomy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codeanatomy shell}: an SQL prompt over every table of an output directory. */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Opens an SQL prompt over every table of an output directory, with history, completion of table and column names, "
                    + "!tables, !describe TABLE, !schema, !ask (saved graph questions) and the time of each statement.",
            "When standard input is not a terminal, it runs the statements it reads there (each ending with ;) and exits 1 if any failed."
        })
public final class ShellCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        try (OpenedOutput opened = output.open()) {
            Shell shell = new Shell(opened.session(), opened.tables());
            if (System.console() == null) {
                BufferedReader script = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                return shell.script(script, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return shell.interactive(terminal, Path.of(System.getProperty("user.home"), ".codeanatomy_history"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
