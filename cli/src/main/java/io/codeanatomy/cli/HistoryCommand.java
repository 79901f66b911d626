package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.BuildManifest;
import io.codeanatomy.runtime.pipeline.BuildManifests;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.ManifestTable;
import io.codeanatomy.runtime.pipeline.OutputDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
            "what its extraction read again (files unchanged, changed, added, deleted, renamed, parsed),",
            "and each table's Delta version and rows, with the change in rows against the build before."
        })
public final class HistoryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "Output directory of a build.")
    private Path out;

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
        PrintWriter stdout = spec.commandLine().getOut();
        if (builds.isEmpty()) {
            stdout.println(out + " has no completed build.");
        }
        Optional<BuildManifest> previous = Optional.empty();
        for (BuildManifest build : builds) {
            stdout.printf(Locale.ROOT, "build %d  %s  %s  %d files%s%n", build.build(), build.runId(), build.time(), build.files(),
                    previous.map(p -> " (" + signed(build.files() - p.files()) + ")").orElse(""));
            build.changes().ifPresent(changes -> stdout.println("  extraction: " + changes.describe()));
            int width = build.tables().stream().mapToInt(t -> t.path().length()).max().orElse(0);
            for (ManifestTable table : build.tables()) {
                Optional<ManifestTable> before = previous.flatMap(p -> p.table(table.name()));
                stdout.printf(Locale.ROOT, "  %-" + width + "s  v%-4d %,12d rows%s%n", table.path(), table.version(), table.rows(),
                        before.map(b -> b.rows() == table.rows() ? "" : "  " + signed(table.rows() - b.rows())).orElse(previous.isPresent() ? "  new" : ""));
            }
            previous = Optional.of(build);
        }
        stdout.flush();
        return 0;
    }

    private static String signed(long change) {
        return String.format(Locale.ROOT, "%+,d", change);
    }
}
