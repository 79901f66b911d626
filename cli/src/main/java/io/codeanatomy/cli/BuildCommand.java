package io.codeanatomy.cli;

import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.result.Timing;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.pipeline.BuildFailedException;
import io.codeanatomy.runtime.pipeline.BuildOptions;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.pipeline.OutputDirectory;
import io.codeanatomy.runtime.pipeline.OutputVacuum;
import io.codeanatomy.runtime.session.InputSize;
import io.codeanatomy.runtime.tune.RecordedRun;
import io.codeanatomy.runtime.tune.TunedSetting;
import io.codeanatomy.runtime.tune.TunedSettings;
import io.codeanatomy.runtime.tune.Tuner;
import io.codeanatomy.runtime.tune.TuningProposal;
import io.codeanatomy.runtime.tune.TuningRecord;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.plugin.ContributedCpgPart;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.result.RunDiff;
import io.codeanatomy.runtime.report.RunReport;
import io.codeanatomy.runtime.result.RunRecords;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "Extracts the Python files below SRC and builds the code property graph as Delta tables.",
            "It writes OUT/extract/<table>, OUT/cpg/ (cpg_nodes, cpg_edges, cpg_props, cpg_edges_by_src, cpg_edges_by_dst, cpg_mro; docs/cpg-schema.md), a record of the run in OUT/runs/<run-id>/run-result.json and its report, report.html.",
            "Building into an earlier OUT commits a new version of every table; readers see the new build only once its manifest",
            "(OUT/builds/) commits, so a failed or killed build leaves the previous one readable (docs/durability.md)."
        })
public final class BuildCommand implements Callable<Integer> {
    private static final long PLAIN_PROGRESS_NANOS = 5_000_000_000L;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SRC", description = "Directory holding the Python code.")
    private Path source;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "codeanatomy-out",
            description = "Output directory: new, empty, or one an earlier build wrote (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private RunOptions run;

    @Option(names = "--baseline", paramLabel = "RUN_DIR",
            description = "A run directory (OUT/runs/<run-id>) to compare this build's plans with; the build fails with exit 3 "
                    + "on an unexpected plan regression (see 'codeanatomy diff').")
    private Path baseline;

    @Mixin
    private PluginOptions pluginOptions;

    @Option(names = "--allow-shrink",
            description = "Replace the output's latest build even if this build selects no files or less than half as many.")
    private boolean allowShrink;

    @Option(names = "--keep-builds", paramLabel = "N",
            description = "After the build, delete the data files of all but the N latest builds (builds replaced less than "
                    + "24 hours ago are kept; see 'codeanatomy vacuum').")
    private Integer keepBuilds;

    @Option(names = "--group-bytes", paramLabel = "BYTES",
            description = "Source bytes per group of files a full build stores extraction rows in (default 4 MiB); a rebuild "
                    + "rewrites only the groups of changed files (docs/incremental.md).")
    private Long groupBytes;

    @Option(names = "--partition-files",
            description = "Compute the file-local part of the graph one group of files at a time before the cross-file part: "
                    + "a smaller heap, more time (docs/runtime.md, \"File-partitioned execution\").")
    private boolean partitionFiles;

    @Option(names = "--full",
            description = "Extract every file and compute every output, reading no data file of the output's earlier builds "
                    + "(a new version of each table all the same): after 'codeanatomy check' found a damaged file.")
    private boolean full;

    @Option(names = "--no-calls",
            description = "Leave out call resolution (CALLS edges, cpg_call_graph): the rest of the graph, sooner, on a large repository.")
    boolean noCalls;

    @Option(names = "--tune",
            description = "Apply the tuner's proposal from the earlier builds into OUT (workers, batch rows, memory budget); "
                    + "without it the build only prints and records the proposal (docs/runtime.md, \"Adaptive tuner\").")
    private boolean tune;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Prints the summary as text or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        boolean json = TextOrJsonOption.json(format);
        if (baseline != null && !RunDiff.isRun(baseline)) {
            throw new UserError("the baseline " + baseline + " is not a run directory; give OUT/runs/<run-id> of an earlier build.", 2);
        }
        if (keepBuilds != null && keepBuilds < 1) {
            throw new UserError("--keep-builds must be at least 1, got " + keepBuilds + ".", 2);
        }
        if (groupBytes != null && groupBytes < 1) {
            throw new UserError("--group-bytes must be at least 1, got " + groupBytes + ".", 2);
        }
        BuildOptions options = new BuildOptions(allowShrink, keepBuilds == null ? OptionalInt.empty() : OptionalInt.of(keepBuilds),
                OutputVacuum.DEFAULT_RETENTION, groupBytes == null ? BuildOptions.DEFAULT.groupBytes() : groupBytes, partitionFiles, full);
        SessionConfig config = run.config(source);
        Optional<TuningRecord> tuning = tuning(config);
        if (tuning.isPresent() && tune) {
            config = tuning.get().proposal().target().applyTo(config);
        }
        PrintWriter err = spec.commandLine().getErr();
        BuildProgress progress = new BuildProgress(err, System.console() != null, PLAIN_PROGRESS_NANOS);
        BuildOutcome outcome;
        try (PluginOptions.Loaded plugins = pluginOptions.load()) {
            config = pluginOptions.apply(config);
            // Plugins' CPG views join the built-in spec, so the catalog is needed before the pipeline.
            SemanticSpec cpg = ContributedCpgPart.cpgSpec(noCalls ? CpgSpec.partsWithoutCalls() : CpgSpec.parts(),
                    Session.prepare(config, plugins.plugins()).catalog());
            BuildPipeline pipeline = new BuildPipeline(config, c -> Session.open(c, plugins.plugins()), cpg).with(options);
            outcome = tuning.map(pipeline::with).orElse(pipeline).run(source, out, run.includes, run.excludes, progress);
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (PluginException | IllegalArgumentException e) {
            // Before the run starts writing only the session can fail this way: plugins or options.
            progress.finish();
            throw new UserError(e.getMessage(), 2);
        } catch (DamagedOutputException e) {
            progress.finish();
            throw new UserError(e.getMessage(), 1);
        } catch (UncheckedIOException e) {
            // The file system refused (a read-only or virtual directory, no room, no permission): the user's to fix.
            progress.finish();
            throw new UserError(IoErrors.sentence(e) + "; give a writable --out directory with room to spare.", 2);
        } catch (BuildFailedException e) {
            progress.finish();
            throw new UserError(e.getMessage() + e.recordNote(), 1);
        } finally {
            progress.finish();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        RunDiff diff = baseline == null ? null : RunDiff.compare(baseline, outcome.runDirectory());
        List<String> tuningLines = tuning.map(t -> t.proposal().lines(t.applied())).orElse(List.of());
        if (json) {
            // One document: the comparison is inside it, as 'diff --format json' prints it.
            BuildSummary.json(out, outcome, progress.problemFiles(), tuningLines, baseline, diff, stdout);
        } else {
            summarize(outcome, progress.problemFiles(), stdout);
            tuningLines.forEach(line -> stdout.println("  " + line));
            stdout.flush();
            if (diff != null) {
                diff.print(stdout);
            }
        }
        if (diff != null && diff.verdict() == RunDiff.Verdict.UNEXPECTED_REGRESSION) {
            throw new UserError("the plans changed against the baseline " + baseline + " although nothing in the session envelope did; see "
                    + (json ? "\"diff\" in the JSON document." : "the diff above."), RunDiff.Verdict.UNEXPECTED_REGRESSION.exitCode());
        }
        return 0;
    }

    /**
     * The tuner's proposal from the earlier builds into {@code out} of an input of this size class;
     * settings the user gave ({@code --workers}, a pinned profile) are not proposed. Empty when
     * the source is no directory: the pipeline reports that.
     */
    private Optional<TuningRecord> tuning(SessionConfig config) {
        if (!Files.isDirectory(source)) {
            return Optional.empty();
        }
        Set<TunedSetting> fixed = EnumSet.noneOf(TunedSetting.class);
        if (run.workers != null) {
            fixed.add(TunedSetting.WORKERS);
        }
        if (run.rules.pinsProfile()) {
            fixed.add(TunedSetting.BATCH_ROWS);
            fixed.add(TunedSetting.MEMORY_BUDGET);
        }
        if (run.memory != null) {
            fixed.add(TunedSetting.MEMORY_BUDGET);
        }
        TuningProposal proposal = Tuner.forThisMachine().propose(RecordedRun.history(out.resolve(OutputDirectory.RUNS)),
                InputSize.of(source).profile().name(), TunedSettings.of(config), fixed);
        return Optional.of(new TuningRecord(proposal, tune));
    }

    private void summarize(BuildOutcome outcome, List<BuildProgress.Problem> problems, PrintWriter stdout) {
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
        outcome.changes().ifPresent(changes -> stdout.println("  extraction: " + changes.describe()));
        outcome.reuse().ifPresent(reuse -> stdout.println("  outputs: " + reuse.describe()));
        stdout.println("  run record: " + outcome.runDirectory().resolve(RunRecords.RUN_RESULT));
        if (!problems.isEmpty()) {
            // Named, so a person can open the file; the rest are one query away.
            stdout.println("  problems in " + problems.size() + (problems.size() == 1 ? " file:" : " files:"));
            problems.stream().limit(BuildProgress.NAMED_PROBLEMS).forEach(p -> stdout.println("    " + p.path() + ": " + p.message()));
            if (problems.size() > BuildProgress.NAMED_PROBLEMS) {
                stdout.println("    and " + (problems.size() - BuildProgress.NAMED_PROBLEMS) + " more: codeanatomy query " + out
                        + " \"SELECT path, status FROM py_files_v1 WHERE status <> 'OK'\"");
            }
        }
        Path report = outcome.runDirectory().resolve(RunReport.REPORT);
        if (Files.isRegularFile(report)) {
            stdout.println("  run report: " + report);
        }
        stdout.flush();
    }
}
