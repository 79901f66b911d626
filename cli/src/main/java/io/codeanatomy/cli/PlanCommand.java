package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.codeanatomy.runtime.pipeline.BuildFailedException;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.result.PlanBundleFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codeanatomy plan}: compiles and optimizes the spec over SRC's extracted tables without
 * running it, prints a plan and records the run with its plan bundle.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Extracts SRC, compiles and optimizes the CPG spec without running it, and prints the optimized plan (P1).",
            "The run is recorded with its plan bundle in OUT/runs/<run-id>/plan/; OUT's tables are left as they were."
        })
public final class PlanCommand implements Callable<Integer> {
    /** Which form of the plan to print. */
    enum Show {
        p0(PlanBundleFiles.P0),
        p1(PlanBundleFiles.P1),
        p2(PlanBundleFiles.P2),
        dot(PlanBundleFiles.P1_DOT);

        private final String file;

        Show(String file) {
            this.file = file;
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SRC", description = "Directory holding the Python code.")
    private Path source;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "codeanatomy-out",
            description = "Output directory holding the run records (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--show", paramLabel = "FORM", defaultValue = "p1",
            description = "What to print: p1 (optimized logical plan, default), p0, p2 (physical plan) or dot (P1 as Graphviz).")
    private Show show;

    @Mixin
    private RunOptions run;

    @Mixin
    private TextOrJsonOption format;

    @Override
    public Integer call() {
        boolean json = format.json();
        BuildOutcome outcome;
        try {
            outcome = new BuildPipeline(run.config(source)).plan(source, out, run.includes, run.excludes, BuildListener.NONE);
        } catch (InvalidInputException | PluginException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (BuildFailedException e) {
            throw new UserError(e.getMessage() + e.recordNote(), 1);
        }
        Path bundle = outcome.runDirectory().resolve(PlanBundleFiles.DIRECTORY);
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> units = units(bundle);
        if (json) {
            JsonDocument.print(stdout, document -> json(units, document));
        } else {
            for (Path unit : units) {
                if (units.size() > 1) {
                    stdout.println("-- " + unit.getFileName());
                }
                stdout.print(read(unit.resolve(show.file)));
            }
        }
        stdout.flush();
        spec.commandLine().getErr().println("plan bundle: " + bundle);
        return 0;
    }

    /** {@code {"show": FORM, "plans": [{"name": unit, "plan": text}, ...]}}, units by name. */
    private void json(List<Path> units, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("show", show.name());
        json.writeArrayFieldStart("plans");
        for (Path unit : units) {
            json.writeStartObject();
            json.writeStringField("name", unit.getFileName().toString());
            json.writeStringField("plan", read(unit.resolve(show.file)));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static List<Path> units(Path bundle) {
        try (Stream<Path> entries = Files.list(bundle)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + bundle, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
