package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.BuildManifest;
import io.codeanatomy.runtime.pipeline.BuildManifests;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.pipeline.ManifestTable;
import io.codeanatomy.runtime.pipeline.OutputDirectory;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.spi.write.Materializer;
import io.codeanatomy.spi.write.TableChanges;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy history}: the builds of an output directory, oldest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the readable builds of an output directory, oldest first.",
            "Each shows its build number (for query --as-of-version), run id (for query --as-of-build), time, source files,",
            "what its extraction read again (files unchanged, changed, added, deleted, renamed, parsed; after an incremental build,",
            "the changed, added, deleted and renamed files by path),",
            "and each table's Delta version and rows, with the change in rows against the build before",
            "and what the table's commits since that build added and removed, read from its Delta log."
        })
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "Output directory of a build.")
    private Path out;

    @Mixin
    private PluginOptions pluginOptions;

    @Override
    public Integer call() {
        if (!Files.isDirectory(out) || !OutputDirectory.isOurs(out)) {
            throw new UserError(out + " is not a codeanatomy output directory; give the --out directory of a build.", 2);
        }
        if (!BuildManifests.isVersioned(out)) {
            throw new UserError(out + " was written before builds were versioned, so it has no history; rebuild it to start one.", 2);
        }
        List<BuildManifest> builds;
        try {
            builds = BuildManifests.list(out);
        } catch (DamagedOutputException e) {
            throw new UserError(e.getMessage(), 1);
        }
        try (PluginOptions.Loaded plugins = pluginOptions.load();
                Session session = Session.open(pluginOptions.apply(SessionConfig.defaults()), plugins.plugins())) {
            print(builds, session.materializer(BuildPipeline.FORMAT));
        } catch (InvalidInputException | PluginException e) {
            throw new UserError(e.getMessage(), 2);
        }
        return 0;
    }

    private void print(List<BuildManifest> builds, Materializer materializer) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (builds.isEmpty()) {
            stdout.println(out + " has no completed build.");
        }
        Optional<BuildManifest> previous = Optional.empty();
        for (BuildManifest build : builds) {
            stdout.printf(Locale.ROOT, "build %d  %s  %s  %d files%s%n", build.build(), build.runId(), build.time(), build.files(),
                    previous.map(p -> " (" + signed(build.files() - p.files()) + ")").orElse(""));
            build.changes().ifPresent(changes -> {
                stdout.println("  extraction: " + changes.describe());
                changes.paths().lines().forEach(line -> stdout.println("    " + line));
            });
            int width = build.tables().stream().mapToInt(t -> t.path().length()).max().orElse(0);
            for (ManifestTable table : build.tables()) {
                Optional<ManifestTable> before = previous.flatMap(p -> p.table(table.name()));
                stdout.printf(Locale.ROOT, "  %-" + width + "s  v%-4d %,12d rows%s%s%n", table.path(), table.version(), table.rows(),
                        before.map(b -> b.rows() == table.rows() ? "" : "  " + signed(table.rows() - b.rows())).orElse(previous.isPresent() ? "  new" : ""),
                        before.map(b -> logged(materializer, table, b)).orElse(""));
            }
            previous = Optional.of(build);
        }
        stdout.flush();
    }

    /** What the table's commits since {@code before}'s version added and removed, as its log says; empty if none. */
    private String logged(Materializer materializer, ManifestTable table, ManifestTable before) {
        if (!before.path().equals(table.path()) || before.version() >= table.version()) {
            return "";
        }
        Optional<TableChanges> changes;
        try {
            changes = materializer.changes(out.resolve(table.path()), before.version(), table.version());
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return "  (its log cannot be read: " + reason + "; run 'codeanatomy check " + out + "')";
        }
        return changes.map(c -> String.format(Locale.ROOT, "  (log: %,d %s added, %,d removed; %,d %s added, %,d removed)", c.rowsAdded(),
                c.rowsAdded() == 1 ? "row" : "rows", c.rowsRemoved(), c.filesAdded(), c.filesAdded() == 1 ? "file" : "files",
                c.filesRemoved())).orElse("");
    }

    private static String signed(long change) {
        return String.format(Locale.ROOT, "%+,d", change);
    }
}
