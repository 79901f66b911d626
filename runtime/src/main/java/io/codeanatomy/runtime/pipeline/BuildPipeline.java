package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.api.canonical.CanonicalJson;
import io.codeanatomy.api.plan.PlanDag;
import io.codeanatomy.api.plan.PlanNodeKind;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.result.RunStatus;
import io.codeanatomy.api.result.SessionEnvelope;
import io.codeanatomy.api.result.Timing;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.builtin.CallResolution;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.compile.CompiledDag;
import io.codeanatomy.runtime.exec.OperatorMetrics;
import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.exec.SpoolMetrics;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedFragment;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.report.RunReport;
import io.codeanatomy.runtime.report.SourceProblemQueries;
import io.codeanatomy.runtime.result.PlanBundleFiles;
import io.codeanatomy.runtime.result.RunRecords;
import io.codeanatomy.runtime.tune.TuningRecord;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.spi.arrow.ArrowContracts;
import io.codeanatomy.spi.extract.ExtractionRequest;
import io.codeanatomy.spi.extract.ExtractionSummary;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.extract.PreviousTables;
import io.codeanatomy.spi.extract.SourceChanges;
import io.codeanatomy.spi.extract.TableDefinition;
import io.codeanatomy.spi.table.ScanCounts;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code codeanatomy build}: extracts a source tree into {@code <out>/extract/<table>}, registers
 * those tables in the session, compiles, plans and runs the built-in spec into
 * {@code <out>/cpg/...}, and records the run in {@code <out>/runs/<run-id>/}.
 *
 * <p>Every table is written in place as a new version of the same Delta table (one commit per
 * table: the extraction tables in groups of source files, of which a rebuild replaces only the
 * groups holding changed files, docs/incremental.md; {@code cpg_nodes}, {@code cpg_edges} and
 * {@code cpg_props} in the same groups, recomputed for the changed files only ({@link FileGroupedOutputs});
 * the other outputs whole), and the build becomes
 * visible in one step when its {@link BuildManifests manifest} commits: readers read the versions the latest manifest names. A run that fails or is
 * killed at any point leaves the previous build readable; the versions it committed are named by no
 * manifest, and the next build or {@code codeanatomy vacuum} supersedes and removes them
 * (docs/durability.md).
 */
public final class BuildPipeline {
    /** Format of every table the build writes. */
    public static final String FORMAT = "delta";
    public static final String EXTRACT = "extract";

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper RECORDS = new ObjectMapper();
    /** {@link BuildHalts} point: data files of the extraction tables written, not committed. */
    static final String HALT_EXTRACTING = "extracting";
    /** {@link BuildHalts} point: extraction tables committed, no output written. */
    static final String HALT_EXTRACTED = "extracted";
    /** {@link BuildHalts} point: the first output table committed, the others not. */
    static final String HALT_EXECUTING = "executing";
    /** {@link BuildHalts} point: the manifest committed, the run's records not yet in place. */
    static final String HALT_COMMITTED = "committed";

    private final SessionConfig config;
    private final Function<SessionConfig, Session> sessions;
    private final SemanticSpec spec;
    private final BuildOptions options;
    private final Optional<TuningRecord> tuning;

    /** A pipeline over the plugins on the classpath, running the built-in spec. */
    public BuildPipeline(SessionConfig config) {
        this(config, Session::open, CpgSpec.spec());
    }

    /** A pipeline whose sessions come from {@code sessions} (e.g. over a chosen plugin set). */
    public BuildPipeline(SessionConfig config, Function<SessionConfig, Session> sessions, SemanticSpec spec) {
        this(config, sessions, spec, BuildOptions.DEFAULT, Optional.empty());
    }

    private BuildPipeline(SessionConfig config, Function<SessionConfig, Session> sessions, SemanticSpec spec, BuildOptions options,
            Optional<TuningRecord> tuning) {
        this.config = requireNonNull(config, "config is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.options = requireNonNull(options, "options is null");
        this.tuning = requireNonNull(tuning, "tuning is null");
    }

    /** This pipeline with {@code options}. */
    public BuildPipeline with(BuildOptions options) {
        return new BuildPipeline(config, sessions, spec, options, tuning);
    }

    /**
     * This pipeline recording the tuner's proposal, applied or not, in the run result and the
     * envelope record (under {@code tuning}); the config given to the pipeline already holds the
     * settings when it was applied.
     */
    public BuildPipeline with(TuningRecord record) {
        return new BuildPipeline(config, sessions, spec, options, Optional.of(requireNonNull(record, "record is null")));
    }

    /**
     * Builds the CPG of {@code source} into {@code out}.
     *
     * @throws InvalidInputException before anything is written, if the source or the output path
     *     is unusable
     * @throws BuildFailedException if the run failed after it started writing
     */
    public BuildOutcome run(Path source, Path out, BuildListener listener) {
        return run(source, out, List.of(), List.of(), listener);
    }

    /**
     * Same, for the source files whose path relative to {@code source} matches one of
     * {@code includeGlobs} (all when empty) and none of {@code excludeGlobs}, in gitignore syntax
     * ({@link io.codeanatomy.spi.source.SourceSelection}).
     */
    public BuildOutcome run(Path source, Path out, List<String> includeGlobs, List<String> excludeGlobs,
            BuildListener listener) {
        return run(source, out, includeGlobs, excludeGlobs, listener, true);
    }

    /**
     * {@code codeanatomy plan}: extracts {@code source} (the plans read its tables' schemas and
     * versions), compiles and plans the spec, and records the run with its plan bundle, without
     * running the plans; the extracted tables are discarded and {@code out}'s outputs stay as they
     * were.
     */
    public BuildOutcome plan(Path source, Path out, List<String> includeGlobs, List<String> excludeGlobs, BuildListener listener) {
        return run(source, out, includeGlobs, excludeGlobs, listener, false);
    }

    private BuildOutcome run(Path source, Path out, List<String> includeGlobs, List<String> excludeGlobs, BuildListener listener,
            boolean executeOutputs) {
        requireNonNull(includeGlobs, "includeGlobs is null");
        requireNonNull(excludeGlobs, "excludeGlobs is null");
        requireNonNull(listener, "listener is null");
        checkSource(source);
        SourceGlobs.check(includeGlobs, "--include");
        SourceGlobs.check(excludeGlobs, "--exclude");
        OutputDirectory.check(out);
        String runId = RUN_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(randomBytes());
        try (Session session = sessions.apply(config);
                OutputDirectory directory = OutputDirectory.open(out, (executeOutputs ? "build " : "plan ") + runId)) {
            return new Run(runId, session, directory, listener, List.copyOf(includeGlobs), List.copyOf(excludeGlobs), executeOutputs)
                    .execute(source);
        }
    }

    static void checkSource(Path source) {
        requireNonNull(source, "source is null");
        if (!Files.exists(source)) {
            throw new InvalidInputException("source directory " + source + " does not exist.");
        }
        if (!Files.isDirectory(source)) {
            throw new InvalidInputException("source " + source + " is not a directory; give the directory holding the Python code.");
        }
        if (!Files.isReadable(source) || !Files.isExecutable(source)) {
            throw new InvalidInputException("source directory " + source + " is not readable.");
        }
    }

    /** The state of one run. */
    private final class Run {
        private final Session session;
        private final OutputDirectory directory;
        private final BuildListener listener;
        private final List<String> includeGlobs;
        private final List<String> excludeGlobs;
        private final String runId;
        private final Instant started = Instant.now();
        private Path source;
        private Optional<Object> problems = Optional.empty();
        private final List<Timing> timings = new ArrayList<>();
        private final List<OutputResult> outputs = new ArrayList<>();
        private PlanDag dag = new PlanDag(List.of());
        private final SortedMap<String, PlannedQuery> plans = new TreeMap<>();
        private final boolean executeOutputs;
        private final AtomicInteger materialized = new AtomicInteger();
        private boolean committed;
        private Optional<ExtractionChanges> changes = Optional.empty();
        private Optional<ExtractionLayout> layout = Optional.empty();
        private Optional<OutputReuse> reuse = Optional.empty();
        private Optional<SourceChanges> incrementalSources = Optional.empty();
        private SortedSet<Integer> rewrittenGroups = new TreeSet<>();
        private Optional<OutputLayout> outputLayout = Optional.empty();
        private SortedMap<String, FileGroupedOutputs.SpillCount> spills = new TreeMap<>();
        private SortedMap<String, ScanCounts> changedScans = new TreeMap<>();
        private SortedMap<String, String> inputKeys = new TreeMap<>();
        private Optional<FileGroupedOutputs> groupedOutputs = Optional.empty();
        /** The spools of the sessions that computed file-local rows apart from the DAG ({@link FileGroupedOutputs#fileLocalSpools}). */
        private List<SpoolMetrics> fileLocalSpools = List.of();
        /** The operators of the plans run apart from the DAG ({@link FileGroupedOutputs#operators}). */
        private List<OperatorMetrics> apartOperators = List.of();
        /** The stored views' outputs an incremental build wrote before planning. */
        private List<OutputResult> stored = List.of();
        private long phaseStart;
        private long phaseCpuStart;
        private String phase;

        Run(String runId, Session session, OutputDirectory directory, BuildListener listener, List<String> includeGlobs,
                List<String> excludeGlobs, boolean executeOutputs) {
            this.runId = runId;
            this.executeOutputs = executeOutputs;
            this.session = session;
            this.directory = directory;
            this.listener = listener;
            this.includeGlobs = includeGlobs;
            this.excludeGlobs = excludeGlobs;
        }

        BuildOutcome execute(Path source) {
            this.source = source;
            // A plan-only run's tables are thrown away, so they go to a scratch directory; a build's go in place.
            Path tables = executeOutputs ? directory.root() : directory.staging(runId);
            Path records = directory.pendingRun(runId);
            Optional<BuildManifest> previous = BuildManifests.latest(directory.root());
            ExtractionSummary extraction = null;
            try {
                Materializer materializer = session.materializer(FORMAT);
                begin("extract");
                extraction = extract(source, tables.resolve(EXTRACT), materializer, previous);
                begin("register");
                for (OutputResult table : List.copyOf(outputs)) {
                    session.registerTable(table.name(), tables.resolve(table.path()), table.path(), OptionalLong.of(table.deltaVersion()));
                }
                Optional<FileGroupedOutputs> grouped = executeOutputs
                        ? FileGroupedOutputs.of(session, () -> sessions.apply(config), directory.root(), spec, layout, incrementalSources,
                                rewrittenGroups, previous, materializer, directory.spill(runId), options.partitionFiles())
                        : Optional.empty();
                groupedOutputs = grouped;
                if (grouped.isPresent() && grouped.get().fileLocalApart()) {
                    // The file-local rows (of the changed files, or of every group one by one) come first: the cross-file
                    // part of the DAG reads the stored views as they leave them.
                    begin("file-local");
                    stored = grouped.get().writeStored(materializer);
                }
                Optional<List<OutputResult>> allKept = executeOutputs && grouped.isEmpty() ? keptWhole(previous) : Optional.empty();
                if (allKept.isPresent()) {
                    // Nothing to run (a touch, say): neither compiled nor planned, so the run's plan bundle is empty.
                    begin("compile");
                    begin("plan");
                    begin("execute");
                    outputs.addAll(allKept.get());
                    begin("report");
                    problems = keptProblems(previous).or(() -> sourceProblems(tables));
                    end();
                    return commit(records, extraction, materializer);
                }
                begin("compile");
                // A grouped build plans its grouped outputs' rows with their owners (FileGroupedOutputs).
                CompiledDag compiled = session.compileDag(grouped.map(FileGroupedOutputs::spec).orElse(spec));
                begin("plan");
                PlannedDag planned = session.planDag(compiled);
                dag = planned.bundle();
                for (PlannedFragment fragment : planned.fragments()) {
                    // Output plans under the output's name, spools under "spool.<view>" (no output name has a dot).
                    plans.put(fragment.kind() == PlanNodeKind.SPOOL ? "spool." + fragment.name() : fragment.name(), fragment.query());
                }
                if (!executeOutputs) {
                    end();
                    directory.discard(tables);
                    outputs.clear();
                    RunResult result = record(records, RunStatus.SUCCEEDED, Optional.empty(), Optional.of(extraction));
                    return new BuildOutcome(result, directory.finishRun(runId), extraction, session.operatorMetrics(), changes, reuse);
                }
                begin("execute");
                try {
                    outputs.addAll(execute(planned, previous, materializer, grouped));
                } finally {
                    directory.discard(directory.spill(runId));
                    grouped.ifPresent(g -> {
                        spills = g.spills();
                        changedScans = g.changedScans();
                        fileLocalSpools = g.fileLocalSpools();
                        apartOperators = g.operators();
                    });
                }
                begin("report");
                problems = keptProblems(previous).or(() -> sourceProblems(tables));
                end();
                return commit(records, extraction, materializer);
            } catch (RuntimeException | Error e) {
                if (committed) {
                    // The build is in; only moving its records or the housekeeping after it failed.
                    throw new BuildFailedException("build " + runId + " committed, but " + describe(e), directory.runDirectory(runId), e);
                }
                end();
                if (!executeOutputs) {
                    directory.discard(tables);
                }
                boolean partitionable = "execute".equals(phase)
                        && groupedOutputs.filter(g -> !g.fileLocalApart()).isPresent();
                String message = (phase == null ? "build" : phase) + " failed: " + MemoryErrors.sentence(e,
                        session.config().memoryBudgetBytes(), "execute".equals(phase) && resolvesCalls(), partitionable)
                        .orElseGet(() -> describe(e));
                try {
                    record(records, RunStatus.FAILED, Optional.of(message), Optional.ofNullable(extraction));
                } catch (RuntimeException | OutOfMemoryError recordFailure) {
                    // The failure is what the user must hear of; a record it left no room to write is second.
                    // (A full heap may throw the one OutOfMemoryError the JVM keeps for it again: no addSuppressed.)
                    listener.warning("the failed run's record could not be written: " + describe(recordFailure));
                }
                Path runDirectory = directory.finishRun(runId);
                if (e instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                throw new BuildFailedException(message, runDirectory, e);
            }
        }

        /** Records the run, then commits its manifest (the commit of the whole build) and does the housekeeping after it. */
        private BuildOutcome commit(Path records, ExtractionSummary extraction, Materializer materializer) {
            // The records first, then the manifest: the manifest's rename is the commit of the whole build.
            RunResult result = record(records, RunStatus.SUCCEEDED, Optional.empty(), Optional.of(extraction));
            BuildManifests.commit(directory.root(), manifest(extraction));
            BuildHalts.point(HALT_COMMITTED);
            committed = true;
            Path runDirectory = directory.finishRun(runId);
            if (options.keepBuilds().isPresent()) {
                OutputVacuum.vacuum(directory, materializer, options.keepBuilds(), options.retention(), Instant.now());
            }
            return new BuildOutcome(result, runDirectory, extraction, operators(), changes, reuse);
        }

        /**
         * Every output of the spec as the previous build recorded it, when each would be kept at that
         * build's version ({@link #execute}: the same inputs key, the same path), with the stored views
         * kept beside the graph; empty when any would run. The keys come from the envelope, which is
         * known before planning, so such a build needs no plan at all.
         */
        private Optional<List<OutputResult>> keptWhole(Optional<BuildManifest> previous) {
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            SessionEnvelope envelope = keyEnvelope();
            List<OutputResult> kept = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (OutputTarget output : spec.outputs()) {
                Optional<ManifestTable> table = previous.get().table(output.name()).filter(t -> t.path().equals(output.path())
                        && t.inputs().equals(Optional.of(OutputReuse.key(output.name(), envelope))));
                if (table.isEmpty()) {
                    return Optional.empty();
                }
                kept.add(new OutputResult(table.get().name(), table.get().path(), table.get().rows(), table.get().version()));
                inputKeys.put(output.name(), table.get().inputs().get());
                names.add(output.name());
            }
            outputLayout = previous.get().outputLayout();
            if (outputLayout.isPresent()) {
                for (ManifestTable table : keptStoredViews(previous.get())) {
                    kept.add(new OutputResult(table.name(), table.path(), table.rows(), table.version()));
                    names.add(table.name());
                }
            }
            reuse = Optional.of(new OutputReuse(names, List.of(), List.of()));
            return Optional.of(kept);
        }

        /** The stored views' tables of {@code previous}, kept with the graph they were stored beside, their keys recorded. */
        private List<ManifestTable> keptStoredViews(BuildManifest previous) {
            List<ManifestTable> stored = previous.tables().stream().filter(table -> CpgSpec.isStoredOutput(table.name())).toList();
            stored.forEach(table -> table.inputs().ifPresent(key -> inputKeys.put(table.name(), key)));
            return stored;
        }

        /** Whether the build resolves calls: its spec has the call graph (not {@code --no-calls}). */
        private boolean resolvesCalls() {
            return spec.outputs().stream().anyMatch(output -> output.name().equals(CallResolution.CALL_GRAPH_OUTPUT));
        }

        /**
         * The problems in the sources, by SQL over the build's tables at the versions it names
         * (those just written, which no manifest names yet, and those of skipped outputs), in a
         * session of its own; a failure to collect them is recorded, never fails the build.
         */
        private Optional<Object> sourceProblems(Path root) {
            Map<String, Path> tables = new TreeMap<>();
            Map<String, Long> versions = new TreeMap<>();
            // Without call resolution (--no-calls) no call has a CALLS edge: the calls are not counted as unresolved.
            boolean callsResolved = resolvesCalls();
            for (OutputResult table : outputs) {
                if (!callsResolved && table.name().equals(CpgSpec.EDGES_OUTPUT)) {
                    continue;
                }
                tables.put(table.name(), root.resolve(table.path()));
                // A skipped output's version is an earlier build's; a failed build may have committed a later one.
                versions.put(table.name(), table.deltaVersion());
            }
            try (Session reportSession = sessions.apply(config)) {
                SortedMap<String, Object> found = SourceProblemQueries.collect(reportSession, tables, versions).toRecord();
                if (!callsResolved) {
                    found.keySet().removeAll(List.of("calls", "totalCalls", "totalUnresolved"));
                    found.put("callsResolved", false);
                }
                return Optional.of(found);
            } catch (RuntimeException e) {
                return Optional.of(new TreeMap<>(Map.of("unavailable", describe(e))));
            }
        }

        /**
         * The previous build's problems, when this build committed no table: every table is at the
         * version that build's manifest names, so the same queries would find the same problems,
         * and on a large tree they cost more than the rest of such a build. Empty when they must
         * be collected (a table moved, or that build's record has none).
         */
        private Optional<Object> keptProblems(Optional<BuildManifest> previous) {
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            for (OutputResult table : outputs) {
                Optional<ManifestTable> before = previous.get().table(table.name());
                if (before.isEmpty() || before.get().version() != table.deltaVersion() || !before.get().path().equals(table.path())) {
                    return Optional.empty();
                }
            }
            Path record = directory.runDirectory(previous.get().runId()).resolve(RunRecords.RUN_RESULT);
            try {
                JsonNode kept = RECORDS.readTree(record.toFile()).get("problems");
                return kept == null || kept.has("unavailable") ? Optional.empty() : Optional.of(kept);
            } catch (IOException e) {
                // A missing or unreadable record only costs the queries.
                return Optional.empty();
            }
        }

        private BuildManifest manifest(ExtractionSummary extraction) {
            List<ManifestTable> tables = new ArrayList<>();
            for (OutputResult output : outputs) {
                tables.add(new ManifestTable(output.name(), output.path(), output.deltaVersion(), output.rowCount(),
                        Optional.ofNullable(inputKeys.get(output.name()))));
            }
            return new BuildManifest(BuildManifests.nextBuild(directory.root()), runId, Instant.now(), extraction.files(), tables, layout,
                    changes, outputLayout);
        }

        private ExtractionSummary extract(Path source, Path target, Materializer materializer, Optional<BuildManifest> previous) {
            List<Extractor> extractors = session.extractors();
            if (extractors.isEmpty()) {
                throw new IllegalStateException("no extractor plugin is on the classpath");
            }
            if (extractors.size() == 1 && materializer.writesGroups()) {
                Optional<ExtractionSummary> grouped = extractGrouped(source, target, materializer, previous, extractors.get(0));
                if (grouped.isPresent()) {
                    return grouped.get();
                }
            }
            long files = 0;
            long bytes = 0;
            long problems = 0;
            Map<String, Long> rows = new TreeMap<>();
            List<Map<String, MaterializeResult>> committed = new ArrayList<>();
            for (Extractor extractor : extractors) {
                List<TableDefinition> tables = extractor.tables();
                ExtractionSummary summary;
                try (MaterializingSink<MaterializeResult> sink = new MaterializingSink<>(tables, session.allocator(),
                        (table, allocator) -> new TableChannel(table.name(), table.arrowSchema(), allocator, materializer,
                                target.resolve(table.name())))) {
                    summary = extractor.extract(request(source), sink);
                    files += summary.files();
                    bytes += summary.bytes();
                    problems += summary.problems();
                    if (extractor == extractors.get(extractors.size() - 1)) {
                        // Before the last extractor's commits: a refused build commits nothing of its own.
                        refuseShrink(previous, files);
                    }
                    BuildHalts.point(HALT_EXTRACTING);
                    committed.add(sink.finish());
                }
                BuildHalts.point(HALT_EXTRACTED);
                for (TableDefinition table : tables) {
                    MaterializeResult result = committed.get(committed.size() - 1).get(table.name());
                    outputs.add(new OutputResult(table.name(), EXTRACT + "/" + table.name(), result.rowsWritten(), result.tableVersion()));
                    rows.put(table.name(), result.rowsWritten());
                }
            }
            changes = Optional.of(ExtractionChanges.full("the extractors do not tell what changed", files, 0));
            return ExtractionSummary.of(files, bytes, problems, rows);
        }

        private ExtractionRequest request(Path source) {
            return new ExtractionRequest(source, includeGlobs, excludeGlobs, session.config().workers(), listener);
        }

        /**
         * Extracts into tables stored in groups of source files (docs/incremental.md): when the
         * previous build's layout can be kept, only the changed and added files are extracted and
         * only their groups' data files replaced, each rewritten group keeping the previous rows of
         * its unchanged files; otherwise every file is extracted into new groups. Empty when the
         * extractor cannot tell what changed.
         */
        private Optional<ExtractionSummary> extractGrouped(Path source, Path target, Materializer materializer,
                Optional<BuildManifest> previous, Extractor extractor) {
            List<TableDefinition> tables = extractor.tables();
            String key = extractionKey(source, tables);
            ExtractionRequest request = request(source);
            Optional<String> fullReason = fullReason(previous, key, target, tables);
            PreviousTables before = fullReason.isEmpty() ? new PreviousBuildTables(session, directory.root(), previous.orElseThrow())
                    : PreviousTables.NONE;
            Optional<SourceChanges> found = extractor.changes(request, before);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SourceChanges sources = found.get();
            refuseShrink(previous, sources.selected().size());
            Optional<ExtractionLayout> base = fullReason.isEmpty() ? previous.orElseThrow().extraction() : Optional.empty();
            SourceGroups groups = base.map(ExtractionLayout::groups).orElseGet(() -> SourceGroups.of(sources.selected(), options.groupBytes()));
            SortedSet<Integer> rewritten = new TreeSet<>();
            if (base.isEmpty()) {
                for (int g = 0; g < groups.size(); g++) {
                    rewritten.add(g);
                }
            } else {
                sources.extracted().forEach(path -> rewritten.add(groups.groupOf(path)));
                sources.dropped().forEach(path -> rewritten.add(groups.groupOf(path)));
                incrementalSources = Optional.of(sources);
                rewrittenGroups = rewritten;
            }
            ExtractionSummary summary;
            Map<String, GroupedWriteResult> results;
            try (MaterializingSink<GroupedWriteResult> sink = new MaterializingSink<>(tables, session.allocator(),
                    (table, allocator) -> base.isPresent() && rewritten.isEmpty()
                            // Nothing to rewrite: no commit, so the table keeps the version outputs were computed from.
                            ? GroupedTableChannel.keeping(table.name(), table.arrowSchema(), allocator, groups,
                                    previous.orElseThrow().table(table.name()).orElseThrow().version())
                            : new GroupedTableChannel(table.name(), table.arrowSchema(), allocator, materializer,
                                    target.resolve(table.name()), groups, planned(table.name(), base, rewritten, sources), base.isEmpty()))) {
                summary = base.isEmpty() ? extractor.extract(request, sink) : extractor.extract(request, sources, before, sink);
                BuildHalts.point(HALT_EXTRACTING);
                results = sink.finish();
            }
            BuildHalts.point(HALT_EXTRACTED);
            Map<String, Long> rows = new TreeMap<>();
            SortedMap<String, List<List<String>>> files = new TreeMap<>();
            for (TableDefinition table : tables) {
                GroupedWriteResult result = results.get(table.name());
                long count = result.rowsWritten() + result.rowsCarried();
                List<List<String>> groupFiles = new ArrayList<>(result.files());
                if (base.isPresent()) {
                    count = previous.orElseThrow().table(table.name()).orElseThrow().rows() - result.rowsDropped() + result.rowsWritten();
                    groupFiles = new ArrayList<>(base.get().files().get(table.name()));
                    int i = 0;
                    for (int g : rewritten) {
                        groupFiles.set(g, result.files().get(i++));
                    }
                }
                files.put(table.name(), groupFiles);
                outputs.add(new OutputResult(table.name(), EXTRACT + "/" + table.name(), count, result.tableVersion()));
                rows.put(table.name(), count);
            }
            layout = Optional.of(new ExtractionLayout(key, groups, files));
            changes = Optional.of(fullReason.isPresent()
                    ? ExtractionChanges.full(fullReason.get(), sources.selected().size(), groups.size())
                    : ExtractionChanges.incremental(sources, groups.size(), rewritten.size()));
            long bytes = base.isEmpty() ? summary.bytes() : sources.selected().values().stream().mapToLong(size -> Math.max(0, size)).sum();
            return Optional.of(ExtractionSummary.of(sources.selected().size(), bytes, summary.problems(), rows));
        }

        /** The groups a table's grouped write replaces, each with the data files and paths it replaces. */
        private List<GroupedTableChannel.PlannedGroup> planned(String table, Optional<ExtractionLayout> base, SortedSet<Integer> rewritten,
                SourceChanges sources) {
            List<GroupedTableChannel.PlannedGroup> planned = new ArrayList<>();
            for (int g : rewritten) {
                List<String> replaced = base.map(layout -> layout.files().get(table).get(g)).orElse(List.of());
                int group = g;
                SortedSet<String> dropped = new TreeSet<>();
                base.ifPresent(layout -> sources.dropped().stream().filter(path -> layout.groups().groupOf(path) == group).forEach(dropped::add));
                planned.add(new GroupedTableChannel.PlannedGroup(g, replaced, dropped));
            }
            return planned;
        }

        /**
         * Why this build cannot keep the previous build's extraction rows, if it cannot: there is none,
         * it recorded no layout, what the rows depend on changed ({@link #extractionKey}), or a table
         * has versions after that build's (a build that failed after committing it).
         */
        private Optional<String> fullReason(Optional<BuildManifest> previous, String key, Path target, List<TableDefinition> tables) {
            if (!executeOutputs) {
                return Optional.of("a plan-only run");
            }
            if (previous.isEmpty()) {
                return Optional.of("no previous build");
            }
            if (options.full()) {
                return Optional.of("asked for with --full");
            }
            Optional<ExtractionLayout> base = previous.get().extraction();
            if (base.isEmpty()) {
                return Optional.of("the previous build did not record how its extraction tables are stored");
            }
            if (!base.get().key().equals(key)) {
                return Optional.of("the source root, globs, extractor options, plugins or extraction tables changed");
            }
            PreviousBuildTables before = new PreviousBuildTables(session, directory.root(), previous.get());
            for (TableDefinition table : tables) {
                Optional<ManifestTable> recorded = previous.get().table(table.name());
                if (recorded.isEmpty() || !base.get().files().containsKey(table.name())) {
                    return Optional.of("the previous build has no table " + table.name());
                }
                if (before.latestVersion(target.resolve(table.name())) != recorded.get().version()) {
                    return Optional.of("table " + table.name() + " has versions after the previous build's (a build that did not finish)");
                }
            }
            return Optional.empty();
        }

        /**
         * What every file's extraction rows depend on besides its content and module: where the
         * sources are, which are selected, the extractor options, the plugins (extractor
         * versions included) and the tables' schemas.
         */
        private String extractionKey(Path source, List<TableDefinition> tables) {
            SortedMap<String, Object> key = new TreeMap<>();
            key.put("source", source.toAbsolutePath().normalize().toString());
            key.put("include", includeGlobs);
            key.put("exclude", excludeGlobs);
            key.put("options", new TreeMap<>(session.config().extractorOptions()));
            key.put("plugins", session.plugins().coordinates());
            key.put("tables", tables.stream().map(table -> table.name() + " " + table.arrowSchema()).toList());
            return CanonicalJson.sha256(key);
        }

        /**
         * A build of no files, or of less than half the files of the build it replaces, is most
         * likely a mistyped {@code --include} or a wrong SRC; it replaces nothing unless allowed.
         */
        private void refuseShrink(Optional<BuildManifest> previous, long files) {
            if (!executeOutputs || options.allowShrink() || previous.isEmpty()) {
                return;
            }
            long before = previous.get().files();
            if (before > 0 && files * 2 < before) {
                throw new InvalidInputException("this build selected " + files + (files == 1 ? " file" : " files") + " but the build it would replace ("
                        + previous.get().runId() + ") had " + before + "; check SRC and --include/--exclude, or pass --allow-shrink to replace it.");
            }
        }

        /**
         * Runs the outputs whose {@linkplain OutputReuse#keys inputs key} differs from the one the
         * previous build recorded, and keeps the others at that build's version; the outputs in DAG
         * order.
         */
        private List<OutputResult> execute(PlannedDag planned, Optional<BuildManifest> previous, Materializer materializer,
                Optional<FileGroupedOutputs> grouped) {
            inputKeys = OutputReuse.keys(planned, keyEnvelope());
            SortedMap<String, ManifestTable> kept = new TreeMap<>();
            for (PlannedFragment fragment : planned.fragments(PlanNodeKind.OUTPUT)) {
                previous.flatMap(build -> build.table(fragment.name()))
                        .filter(table -> table.inputs().equals(Optional.of(inputKeys.get(fragment.name())))
                                && table.path().equals(output(fragment.name()).path()))
                        .ifPresent(table -> kept.put(fragment.name(), table));
            }
            PlannedDag toRun = OutputReuse.without(planned, kept.keySet());
            List<OutputResult> ran = new ArrayList<>(toRun.fragments().isEmpty() ? List.of()
                    : session.run(toRun, fragment -> grouped.isPresent() && grouped.get().writes(fragment.name())
                            ? grouped(grouped.get(), fragment, materializer)
                            : materialize(session, output(fragment.name()), fragment.query(), materializer)));
            Map<String, OutputResult> byName = new TreeMap<>();
            ran.forEach(result -> byName.put(result.name(), result));
            Set<String> computed = new HashSet<>(planned.fragments(PlanNodeKind.OUTPUT).stream().map(PlannedFragment::name).toList());
            if (grouped.isPresent() && grouped.get().fileLocalApart()
                    && byName.containsKey(CpgSpec.EDGES_OUTPUT)) {
                // CpgSpec.crossFile has no adjacency outputs: their changed groups are grouped from the nodes and edges just written.
                for (OutputResult adjacency : grouped.get().writeAdjacency(byName.get(CpgSpec.NODES_OUTPUT), byName.get(CpgSpec.EDGES_OUTPUT),
                        materializer)) {
                    byName.put(adjacency.name(), adjacency);
                    computed.add(adjacency.name());
                    inputKeys.put(adjacency.name(), OutputReuse.key(adjacency.name(), keyEnvelope()));
                }
            }
            for (OutputResult written : stored) {
                byName.put(written.name(), written);
                computed.add(written.name());
                inputKeys.put(written.name(), OutputReuse.key(written.name(), keyEnvelope()));
            }
            // Outputs kept at the previous build's version are stored as that build stored them.
            outputLayout = grouped.isPresent() ? grouped.get().layout()
                    : previous.flatMap(BuildManifest::outputLayout).filter(layout -> kept.containsKey(CpgSpec.NODES_OUTPUT));
            if (grouped.isEmpty() && outputLayout.isPresent()) {
                for (ManifestTable table : keptStoredViews(previous.get())) {
                    kept.put(table.name(), table);
                    computed.add(table.name());
                }
            }
            List<OutputResult> results = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<String> recomputed = new ArrayList<>();
            // In the spec's order, whichever plans computed them, the stored views after the spec's outputs.
            List<String> names = new ArrayList<>(spec.outputs().stream().map(OutputTarget::name).toList());
            CpgSpec.builtInParts(spec).map(CpgSpec::groupedOutputs).orElse(List.of()).stream().filter(CpgSpec::isStoredOutput)
                    .forEach(names::add);
            List<String> order = names.stream().filter(computed::contains).toList();
            for (String name : order) {
                ManifestTable table = kept.get(name);
                if (table == null) {
                    results.add(byName.get(name));
                    recomputed.add(name);
                } else {
                    results.add(new OutputResult(table.name(), table.path(), table.rows(), table.version()));
                    skipped.add(name);
                }
            }
            Optional<FileGroupedOutputs> increment = grouped.filter(FileGroupedOutputs::changedFilesOnly);
            reuse = Optional.of(new OutputReuse(skipped, recomputed, increment.map(FileGroupedOutputs::names).orElse(List.of()),
                    increment.map(FileGroupedOutputs::adjacencyNames).orElse(List.of()),
                    increment.map(FileGroupedOutputs::adjacencyGroupsRecomputed).orElse(0), increment.map(FileGroupedOutputs::groupCount).orElse(0)));
            return results;
        }

        private OutputResult grouped(FileGroupedOutputs grouped, PlannedFragment fragment, Materializer materializer) {
            OutputResult result = grouped.write(fragment, materializer);
            if (materialized.incrementAndGet() == 1) {
                BuildHalts.point(HALT_EXECUTING);
            }
            return result;
        }

        private OutputResult materialize(Session in, OutputTarget output, PlannedQuery planned, Materializer materializer) {
            Schema schema = ArrowContracts.toArrowSchema(output.schema());
            try (RowBatchReader batches = in.execute(planned, schema, output.name())) {
                // Each build replaces the whole table with a new version, whatever the spec's mode says about one write.
                MaterializeResult result = materializer.write(directory.root().resolve(output.path()), WriteMode.OVERWRITE, schema,
                        batches.asIterator());
                if (materialized.incrementAndGet() == 1) {
                    BuildHalts.point(HALT_EXECUTING);
                }
                return new OutputResult(output.name(), output.path(), result.rowsWritten(), result.tableVersion());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the batches of output '" + output.name() + "'", e);
            }
        }

        private OutputTarget output(String name) {
            return spec.outputs().stream().filter(output -> output.name().equals(name)).findFirst()
                    .or(() -> groupedOutputs.flatMap(grouped -> grouped.output(name)))
                    .orElseThrow(() -> new IllegalStateException("the plan DAG has an output '" + name + "' the spec does not"));
        }

        /** The operators of every plan this build ran: its DAG's, then those run apart from it. */
        private List<OperatorMetrics> operators() {
            List<OperatorMetrics> all = new ArrayList<>(session.operatorMetrics());
            all.addAll(apartOperators);
            return all;
        }

        /** The envelope the outputs' {@linkplain OutputReuse#keys inputs keys} are taken from. */
        private SessionEnvelope keyEnvelope() {
            return OutputReuse.withoutStored(session.envelope(spec.hash()));
        }

        /** Writes the run's records to {@code runDirectory}, the pending directory of the run. */
        private RunResult record(Path runDirectory, RunStatus status, Optional<String> failure, Optional<ExtractionSummary> extraction) {
            SessionEnvelope envelope = session.envelope(spec.hash());
            String bundleRef = directory.root().relativize(directory.runDirectory(runId).resolve(RunRecords.PLAN_BUNDLE)).toString();
            RunResult result = new RunResult(runId, status, spec.hash(), envelope.hash(),
                    status == RunStatus.SUCCEEDED ? outputs : List.of(), timings, bundleRef, failure);
            RunRecords.write(RunRecords.tree(dag), runDirectory.resolve(RunRecords.PLAN_BUNDLE));
            RunRecords.write(envelope, tuning.map(TuningRecord::tree), runDirectory.resolve(RunRecords.ENVELOPE));
            SortedMap<String, Object> record = RunRecords.tree(result, extraction, started, Instant.now(),
                    session.allocator().getPeakMemoryAllocation());
            tuning.ifPresent(t -> record.put("tuning", t.tree()));
            record.put("spools", RunRecords.tree(session.spoolMetrics()));
            record.put("fileLocalSpools", RunRecords.tree(fileLocalSpools));
            session.sharedStrings().ifPresent(strings -> record.put("sharedStrings", new TreeMap<>(Map.of(
                    "slots", strings.slotCount(), "lookedUp", strings.seen(), "shared", strings.shared(), "millis", strings.millis()))));
            record.put("fixpoints", RunRecords.fixpoints(plans));
            record.put("spills", spillTree());
            record.put("scans", scanTree());
            record.put("operators", RunRecords.operators(operators()));
            record.put("source", source.toString());
            changes.ifPresent(c -> record.put("changes", c.tree()));
            reuse.ifPresent(r -> record.put("reuse", r.tree()));
            problems.ifPresent(tree -> record.put("problems", tree));
            PlanBundleFiles.write(runDirectory, plans, envelope, Instant.now(), session.config().workers());
            RunRecords.write(record, runDirectory.resolve(RunRecords.RUN_RESULT));
            try {
                RunReport.write(runDirectory);
            } catch (RuntimeException | OutOfMemoryError e) {
                // The report is a view of the records just written; a run never fails for want of it.
                listener.warning("the run report could not be drawn: " + describe(e));
            }
            return result;
        }

        /**
         * Per scanned table, what its scans read and skipped by statistics (data files, then row
         * groups): the build's session's tables, then those of the changed files' session
         * ({@code <table>_all_files}, scanned with a filter on the changed paths).
         */
        private List<Object> scanTree() {
            List<Object> tree = new ArrayList<>();
            SortedMap<String, ScanCounts> all = new TreeMap<>(session.scanCounts());
            all.putAll(changedScans);
            all.forEach((table, counts) -> {
                SortedMap<String, Object> entry = new TreeMap<>();
                entry.put("table", table);
                entry.put("scans", counts.scans());
                entry.put("filesRead", counts.filesRead());
                entry.put("filesSkipped", counts.filesSkipped());
                entry.put("rowGroupsRead", counts.rowGroupsRead());
                entry.put("rowGroupsSkipped", counts.rowGroupsSkipped());
                tree.add(entry);
            });
            return tree;
        }

        /** Per grouped output, the batches and bytes its gathering spilled to disk. */
        private List<Object> spillTree() {
            List<Object> tree = new ArrayList<>();
            spills.forEach((output, count) -> {
                SortedMap<String, Object> entry = new TreeMap<>();
                entry.put("output", output);
                entry.put("batches", count.batches());
                entry.put("bytes", count.bytes());
                tree.add(entry);
            });
            return tree;
        }

        private void begin(String next) {
            end();
            phase = next;
            phaseStart = System.nanoTime();
            phaseCpuStart = ProcessCpu.nanos();
            listener.phaseStarted(next);
        }

        private void end() {
            if (phase != null && timings.stream().noneMatch(t -> t.phase().equals(phase))) {
                long cpu = ProcessCpu.nanos();
                timings.add(new Timing(phase, (System.nanoTime() - phaseStart) / 1_000_000,
                        cpu < 0 || phaseCpuStart < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(0, cpu - phaseCpuStart) / 1_000_000)));
            }
        }
    }

    private static String describe(Throwable e) {
        return MemoryErrors.describe(e);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
