package io.codeanatomy.cli;

import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.pipeline.BuildSelector;
import io.codeanatomy.runtime.pipeline.CheckReport;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.pipeline.OutputCheck;
import io.codeanatomy.runtime.plugin.ContributedCpgPart;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy check}: verifies one build of an output directory. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Verifies a build of an output directory, the latest unless chosen.",
            "Every table must open at the version its manifest names, have its contract's schema, read to the last row of",
            "every data file and have the rows the build recorded, and every edge's endpoints must be nodes. Exits 1 naming each problem."
        })
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "Output directory of a build.")
    private Path out;

    @Mixin
    private BuildSelection build;

    @Mixin
    private PluginOptions pluginOptions;

    @Override
    public Integer call() {
        BuildSelector selector = build.selector();
        CheckReport report;
        try (PluginOptions.Loaded plugins = pluginOptions.load();
                Session session = Session.open(pluginOptions.apply(SessionConfig.defaults()), plugins.plugins())) {
            // Plugins' CPG outputs have contracts too, as in 'build'.
            SemanticSpec cpg = ContributedCpgPart.cpgSpec(Session.prepare(pluginOptions.apply(SessionConfig.defaults()), plugins.plugins()).catalog());
            report = OutputCheck.check(session, cpg, out, selector);
        } catch (InvalidInputException | PluginException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (DamagedOutputException e) {
            throw new UserError(e.getMessage(), 1);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!report.ok()) {
            report.problems().forEach(problem -> stderr.println("codeanatomy: " + problem));
            stderr.flush();
            throw new UserError(out + ", build " + report.manifest().build() + ": " + report.problems().size()
                    + (report.problems().size() == 1 ? " problem" : " problems") + " found.", 1);
        }
        stdout.printf(Locale.ROOT, "%s, build %d (%s): %d tables, %,d rows read, no problems%n", out, report.manifest().build(),
                report.manifest().runId(), report.manifest().tables().size(), report.rowsRead());
        stdout.flush();
        return 0;
    }
}
