package io.codeanatomy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy ask}: a saved graph question about a build (docs/cli.md, "Graph questions"). */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Answers a saved graph question about a build: callers, callees, reachable, definition, imports, importers, dependents, "
                    + "subclasses, superclasses, unresolved or dead.",
            "Without a QUESTION it lists them with their arguments, e.g. 'codeanatomy ask OUT callers pkg.mod.f 2'."
        })
public final class AskCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUESTION", description = "The question's name; leave it out to list them.")
    private String question;

    @Parameters(index = "2..*", paramLabel = "ARG", description = "The question's arguments, as the list gives them.")
    private List<String> arguments = new ArrayList<>();

    @Mixin
    private ResultOptions result;

    @Mixin
    private BuildSelection build;

    @Override
    public Integer call() {
        ResultFormat chosen = result.format();
        if (question == null) {
            GraphQuestionRunner.list(spec.commandLine().getOut());
            return 0;
        }
        try (OpenedOutput opened = output.open(build.selector(), name -> true)) {
            new GraphQuestionRunner(opened.session()).run(question, arguments, chosen, result.crlf(), spec.commandLine().getOut());
        }
        return 0;
    }
}
