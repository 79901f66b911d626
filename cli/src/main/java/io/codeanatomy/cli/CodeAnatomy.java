package io.codeanatomy.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code codeanatomy} command: entry point of the runnable jar. */
@Command(
        name = "codeanatomy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds a Code Property Graph of a Python codebase into Delta Lake tables.",
        subcommands = {AstCommand.class, BuildCommand.class, PlanCommand.class, DiffCommand.class, AbCommand.class, RulesCommand.class,
            QueryCommand.class, ShellCommand.class, TablesCommand.class, DescribeCommand.class, ExportCommand.class, AskCommand.class, PluginsCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class CodeAnatomy implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (docs/cli.md: 0 ok, 1 failure, 2 usage error, 3 plan regression). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new CodeAnatomy());
        commandLine.setExecutionExceptionHandler(new UserErrorHandler());
        if (noColor()) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        // picocli hides its completion-script command; listed, people find it (docs/cli.md).
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return commandLine.execute(args);
    }

    /** https://no-color.org: a NO_COLOR variable that is set and not empty turns colour off. */
    static boolean noColor() {
        String value = System.getenv("NO_COLOR");
        return value != null && !value.isEmpty();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
