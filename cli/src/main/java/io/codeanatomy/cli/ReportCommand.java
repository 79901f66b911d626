package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.codeanatomy.runtime.report.RunReport;
import io.codeanatomy.runtime.result.RunRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codeanatomy report}: prints the path of a run's HTML report, drawing it from the run's
 * records first when the run has none (a run recorded before reports existed, or one whose
 * report could not be written).
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the path of a run's report (OUT/runs/<run-id>/report.html): one self-contained HTML page with the run's inputs, "
                    + "outputs, time per phase, peak memory, the plan drawn as a DAG with each operator's rows and time, "
                    + "the rule-by-rule changes, the session envelope and the problems found in the sources.",
            "RUN is a run directory (OUT/runs/<run-id>) or an output directory, whose latest run is taken. "
                    + "Exit 0: printed. 2: usage error (no such run)."
        })
public final class ReportCommand implements Callable<Integer> {
    private static final JsonFactory JSON = new JsonFactory();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run directory (OUT/runs/<run-id>) or an output directory (its latest run).")
    private Path run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the path alone) or json ({\"report\": path, \"run\": run directory}). Default: ${DEFAULT-VALUE}.")
    private String format;

    @Override
    public Integer call() {
        boolean json = TextOrJsonOption.json(format);
        Path runDirectory = runDirectory(run);
        Path report = runDirectory.resolve(RunReport.REPORT);
        if (!Files.isRegularFile(report)) {
            report = RunReport.write(runDirectory);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringWriter line = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(line)) {
                generator.writeStartObject();
                generator.writeStringField("report", report.toString());
                generator.writeStringField("run", runDirectory.toString());
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write JSON to a string", e);
            }
            out.println(line);
        } else {
            out.println(report);
        }
        out.flush();
        return 0;
    }

    /** {@code path} itself when it holds a run record, else the latest run of the output directory {@code path}. */
    static Path runDirectory(Path path) {
        if (Files.isRegularFile(path.resolve(RunRecords.RUN_RESULT))) {
            return path;
        }
        Path runs = path.resolve("runs");
        if (!Files.isDirectory(runs)) {
            throw new UserError(path + " is neither a run directory (OUT/runs/<run-id>) nor an output directory with runs; "
                    + "give one of them.", 2);
        }
        // Run ids start with their UTC start time (yyyyMMdd'T'HHmmss'Z'), so the greatest name is the latest run.
        Optional<Path> latest;
        try (Stream<Path> children = Files.list(runs)) {
            latest = children.filter(child -> Files.isRegularFile(child.resolve(RunRecords.RUN_RESULT)))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs of " + path, e);
        }
        return latest.orElseThrow(() -> new UserError(path + " has no recorded run yet; build into it first.", 2));
    }
}
