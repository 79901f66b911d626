package io.codeanatomy.cli;

import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.result.Timing;
import io.codeanatomy.runtime.pipeline.BuildFailedException;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.result.RunRecords;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy build}: a source tree to extraction and CPG Delta tables, with a run record. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Extracts the Python files below SRC and builds the code property graph as Delta tables:",
            "OUT/extract/<table>, OUT/cpg/cpg_nodes, and a record of the run in OUT/runs/<run-id>/run-result.json."
        })
public final class BuildCommand implements Callable<Integer> {
    private static final long PLAIN_PROGRESS_NANOS = 5_000_000_000L;
    /** The option {@code --python} sets: the Python extractor's language version. */
    private static final String PYTHON_VERSION = "python.version";
    /** The option {@code --source-root} sets: the directories module names are relative to. */
    private static final String PYTHON_SOURCE_ROOTS = "python.source_roots";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SRC", description = "Directory holding the Python code.")
    private Path source;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "codeanatomy-out",
            description = "Output directory: new, empty, or one an earlier build wrote (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Extract only files whose path relative to SRC matches (repeatable; gitignore syntax, e.g. 'src/**').")
    private List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files whose path relative to SRC matches (repeatable), e.g. 'site-packages/**'.")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "N", description = "Extraction threads (default: one per core).")
    private Integer workers;

    @Option(names = "--disable-rule", paramLabel = "ID", description = "Leave out an optimizer rule by its id (repeatable).")
    private List<String> disabledRules = new ArrayList<>();

    @Option(names = "--python", paramLabel = "X.Y",
            description = "Language version to parse with; newer syntax is a syntax error (default: the newest the parser knows). "
                    + "Short for -X python.version=X.Y.")
    private String python;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "A directory on sys.path, relative to SRC, that module names are relative to (repeatable), "
                    + "e.g. src; other files' roots are guessed from __init__.py files. Short for -X python.source_roots=DIR,...")
    private List<String> sourceRoots = new ArrayList<>();

    @Option(names = {"-X", "--option"}, paramLabel = "EXTRACTOR.NAME=VALUE",
            description = "An extractor option, named by the extractor's id (repeatable), e.g. python.version=3.12.")
    private Map<String, String> options = new TreeMap<>();

    @Override
    public Integer call() {
        SessionConfig config = SessionConfig.defaults().withDisabledRules(new HashSet<>(disabledRules));
        if (workers != null) {
            if (workers < 1) {
                throw new UserError("--workers must be at least 1, got " + workers + ".", 2);
            }
            config = config.withWorkers(workers);
        }
        // The extractor that owns an option checks it when the session opens; the cli only names it.
        Map<String, String> extractorOptions = new TreeMap<>(options);
        if (python != null) {
            String given = extractorOptions.putIfAbsent(PYTHON_VERSION, python);
            if (given != null && !given.equals(python)) {
                throw new UserError("--python " + python + " and -X " + PYTHON_VERSION + "=" + given
                        + " disagree; give the Python version once.", 2);
            }
        }
        if (!sourceRoots.isEmpty()) {
            if (sourceRoots.stream().anyMatch(r -> r.contains(","))) {
                throw new UserError("--source-root cannot name a directory with a comma in it; rename it or leave the option out.", 2);
            }
            String roots = String.join(",", sourceRoots);
            String given = extractorOptions.putIfAbsent(PYTHON_SOURCE_ROOTS, roots);
            if (given != null && !given.equals(roots)) {
                throw new UserError("--source-root and -X " + PYTHON_SOURCE_ROOTS + "=" + given
                        + " disagree; give the source roots once.", 2);
            }
        }
        try {
            config = config.withExtractorOptions(extractorOptions);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
        PrintWriter err = spec.commandLine().getErr();
        BuildProgress progress = new BuildProgress(err, System.console() != null, PLAIN_PROGRESS_NANOS);
        BuildOutcome outcome;
        try {
            outcome = new BuildPipeline(config).run(source, out, includes, excludes, progress);
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (PluginException | IllegalArgumentException e) {
            // Before the run starts writing only the session can fail this way: plugins or options.
            progress.finish();
            throw new UserError(e.getMessage(), 2);
        } catch (BuildFailedException e) {
            progress.finish();
            throw new UserError(e.getMessage() + " (run record: " + e.runDirectory().resolve(RunRecords.RUN_RESULT) + ")", 1);
        } finally {
            progress.finish();
        }
        summarize(outcome, spec.commandLine().getOut());
        return 0;
    }

    private void summarize(BuildOutcome outcome, PrintWriter stdout) {
        RunResult result = outcome.result();
        stdout.printf(Locale.ROOT, "built %s from %d files (%.1f MB)%s in %.1f s%n", out, outcome.extraction().files(),
                outcome.extraction().bytes() / 1e6,
                outcome.extraction().problems() == 0 ? "" : ", " + outcome.extraction().problems() + " with problems",
                result.totalMillis() / 1000.0);
        int width = result.outputs().stream().mapToInt(o -> o.path().length()).max().orElse(0);
        for (OutputResult output : result.outputs()) {
            stdout.printf(Locale.ROOT, "  %-" + width + "s  %,12d rows%n", output.path(), output.rowCount());
        }
        List<String> phases = new ArrayList<>();
        for (Timing timing : result.timings()) {
            phases.add(String.format(Locale.ROOT, "%s %.1f s", timing.phase(), timing.millis() / 1000.0));
        }
        stdout.println("  phases: " + String.join(", ", phases));
        stdout.println("  run record: " + outcome.runDirectory().resolve(RunRecords.RUN_RESULT));
        stdout.flush();
    }
}
