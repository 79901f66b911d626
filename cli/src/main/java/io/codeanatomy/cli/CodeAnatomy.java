package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.MemoryErrors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code codeanatomy} command: entry point of the runnable jar. */
@Command(
        name = "codeanatomy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds a Code Property Graph of a Python codebase into Delta Lake tables.",
        subcommands = {AstCommand.class, BuildCommand.class, PlanCommand.class, DiffCommand.class, AbCommand.class, RulesCommand.class,
            QueryCommand.class, AskCommand.class, ShellCommand.class, TablesCommand.class, DescribeCommand.class, ExportCommand.class,
            HistoryCommand.class, CheckCommand.class, VacuumCommand.class, ReportCommand.class, PluginsCommand.class,
            ServerCommand.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class CodeAnatomy implements Runnable {
    private static final String LOGGER_CONTEXT_FACTORY = "log4j2.loggerContextFactory";
    private static final String GUICE_BYTECODE_GEN = "guice_bytecode_gen_option";
    private static final String ALLOCATOR_LOG_LEVEL = "org.apache.logging.log4j.simplelog.org.apache.arrow.memory.BaseAllocator.level";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        setProperties();
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            // Past the build's own handling (which names the phase): the stack is unwound, so what
            // filled the heap is garbage and the sentence can be printed.
            System.err.println("codeanatomy: " + MemoryErrors.heap(e));
            code = 1;
        }
        System.exit(code);
    }

    /** Sets the system properties the libraries should start with, unless given; before anything else runs (main, the query server). */
    public static void setProperties() {
        // Libraries log through log4j; without a configuration, log4j-core's start-up (plugin scan, JMX lookups)
        // cost a short command about a tenth of its CPU, for the same thing log4j's simple logger does: ERROR and
        // above, here on stderr instead of mixed into stdout (docs/decisions.md).
        if (System.getProperty(LOGGER_CONTEXT_FACTORY) == null) {
            System.setProperty(LOGGER_CONTEXT_FACTORY, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        // A failed build (a full heap, a thread stopped mid-batch) may leave Arrow buffers unreleased; Arrow logs that
        // at ERROR when the session's allocator closes, below the build's own sentence. Its close throws the same
        // report, which a build that did not fail surfaces, so the log line adds nothing but noise.
        if (System.getProperty(ALLOCATOR_LOG_LEVEL) == null) {
            System.setProperty(ALLOCATOR_LOG_LEVEL, "OFF");
        }
        // Guice generates a class per @Provides method with its own ASM, whose old class files the start-up archive
        // cannot hold; a session calls each provider once, which reflection does as well, without the generation.
        if (System.getProperty(GUICE_BYTECODE_GEN) == null) {
            System.setProperty(GUICE_BYTECODE_GEN, "DISABLED");
        }
        Thread.setDefaultUncaughtExceptionHandler(CodeAnatomy::uncaught);
    }

    /**
     * What a thread of this process does with a throwable nothing caught: a full heap is left to
     * the command, which reports it in one sentence ({@link MemoryErrors}) when it reaches the
     * thread the command waits on (a worker pool replaces a thread that died between its tasks,
     * for instance allocating the node it waits on for its next task); anything else is printed
     * as the JVM prints it: user errors are reported in one line by the command's thread
     * ({@link UserErrorHandler}), so what a worker leaves uncaught is a bug, which keeps its trace
     * by the same rule.
     */
    static void uncaught(Thread thread, Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return;
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        failure.printStackTrace();
    }

    /** Runs the command line and returns the exit code (docs/cli.md: 0 ok, 1 failure, 2 usage error, 3 plan regression). */
    public static int run(String... args) {
        return run(null, args);
    }

    /**
     * Runs the command line for {@code invocation}, another process whose environment and console
     * decide the help's colours (the query server's client); null for this process.
     */
    public static int run(Invocation invocation, String... args) {
        Class<?> named = args.length == 0 ? null : subcommand(args[0]);
        CommandLine commandLine;
        if (named != null) {
            // picocli reflects over every option of every subcommand it is given; a run needs only the one named
            // (a fifth of a short query's start-up). The root is the same command without the others.
            Command root = CodeAnatomy.class.getAnnotation(Command.class);
            commandLine = new CommandLine(CommandSpec.wrapWithoutInspection(new CodeAnatomy()).name(root.name())
                    .mixinStandardHelpOptions(root.mixinStandardHelpOptions()).versionProvider(new VersionProvider()));
            commandLine.addSubcommand(args[0], named);
        } else {
            commandLine = new CommandLine(new CodeAnatomy());
            // picocli hides its completion-script command; listed, people find it (docs/cli.md).
            commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        }
        commandLine.setExecutionExceptionHandler(new UserErrorHandler());
        if (invocation != null) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(invocation.ansi()));
        } else if (noColor()) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return commandLine.execute(args);
    }

    /**
     * The class of the subcommand called {@code name}, or null when there is none or it needs its
     * siblings ({@code help} lists them, {@code generate-completion} completes them).
     */
    private static Class<?> subcommand(String name) {
        for (Class<?> command : CodeAnatomy.class.getAnnotation(Command.class).subcommands()) {
            Command annotation = command.getAnnotation(Command.class);
            if (annotation.name().equals(name) && command != CommandLine.HelpCommand.class
                    && command != AutoComplete.GenerateCompletion.class) {
                return command;
            }
        }
        return null;
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
