package io.codeanatomy.cli;

import io.codeanatomy.runtime.session.Session;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.calcite.rel.RelNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy ask}: a saved question about the graph, by name, with its argument. */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Answers a saved question about the code graph of an output directory.",
            "subclasses CLASS: the classes that inherit from CLASS, directly or not; superclasses CLASS: its method resolution order."
        })
public final class AskCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The output directory of a build.")
    private Path out;

    @Parameters(index = "1", paramLabel = "QUESTION", description = "subclasses or superclasses.")
    private String question;

    @Parameters(index = "2", paramLabel = "ARGUMENT", description = "What the question is about, e.g. a class's qualified name pkg.mod.Shape.")
    private String argument;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Prints table, csv or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Mixin
    private RuleOptions toggles;

    @Mixin
    private PluginOptions pluginOptions;

    @Override
    public Integer call() {
        GraphQuestion asked = GraphQuestion.of(question);
        ResultFormat chosen = ResultFormat.parse(format);
        PrintWriter stdout = spec.commandLine().getOut();
        try (OpenedOutput opened = OpenedOutput.open(out, pluginOptions, toggles, Set.of("cpg_nodes", "cpg_edges", "cpg_mro")::contains)) {
            Session session = opened.session();
            RelNode plan = asked.plan(session.relBuilder(), argument);
            new StatementRunner(session, chosen, false).print(session.plan(plan), plan.getRowType().getFieldNames(), stdout);
        }
        stdout.flush();
        return 0;
    }
}
