package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.pipeline.OutputDirectory;
import io.codeanatomy.runtime.pipeline.OutputVacuum;
import io.codeanatomy.runtime.pipeline.VacuumReport;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy vacuum}: deletes data files no kept build reads. */
@Command(
        name = "vacuum",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deletes the data files of an output directory that no kept build reads.",
            "Those are the files of builds older than the --keep-builds latest, and of builds that died before they committed.",
            "A build replaced less than --retain-hours ago is kept whatever --keep-builds says, for readers that may still be reading it."
        })
public final class VacuumCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "Output directory of a build.")
    private Path out;

    @Option(names = "--keep-builds", paramLabel = "N", description = "Keep the N latest builds (default: all; then only data of dead builds goes).")
    private Integer keepBuilds;

    @Option(names = "--retain-hours", paramLabel = "H", defaultValue = "24",
            description = "Keep every build replaced less than H hours ago (default: ${DEFAULT-VALUE}).")
    private double retainHours;

    @Mixin
    private PluginOptions pluginOptions;

    @Override
    public Integer call() {
        if (keepBuilds != null && keepBuilds < 1) {
            throw new UserError("--keep-builds must be at least 1, got " + keepBuilds + ".", 2);
        }
        if (retainHours < 0 || Double.isNaN(retainHours)) {
            throw new UserError("--retain-hours must be 0 or more, got " + retainHours + ".", 2);
        }
        if (!Files.isDirectory(out) || !OutputDirectory.isOurs(out)) {
            throw new UserError(out + " is not a codeanatomy output directory; give the --out directory of a build.", 2);
        }
        Duration retention = Duration.ofMillis(Math.round(retainHours * 3_600_000));
        VacuumReport report;
        try (PluginOptions.Loaded plugins = pluginOptions.load();
                Session session = Session.open(pluginOptions.apply(SessionConfig.defaults()), plugins.plugins());
                OutputDirectory directory = OutputDirectory.open(out, "vacuum")) {
            report = OutputVacuum.vacuum(directory, session.materializer(BuildPipeline.FORMAT),
                    keepBuilds == null ? OptionalInt.empty() : OptionalInt.of(keepBuilds), retention, Instant.now());
        } catch (InvalidInputException | PluginException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (DamagedOutputException | IllegalArgumentException e) {
            // A table that cannot be opened at a kept version: nothing of it was deleted.
            throw new UserError(e.getMessage(), 1);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "vacuumed %s: deleted %d data files (%.1f MB)%s; readable builds: %s%n", out, report.filesDeleted(),
                report.bytesDeleted() / 1e6, report.expiredBuilds().isEmpty() ? "" : ", expired builds " + report.expiredBuilds(),
                report.keptBuilds());
        stdout.flush();
        return 0;
    }
}
