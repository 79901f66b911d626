package io.codeanatomy.runtime.pipeline;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.SessionEnvelope;
import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.OperatorMetrics;
import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.exec.SpoolMetrics;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedFragment;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.spi.arrow.ArrowContracts;
import io.codeanatomy.spi.extract.SourceChanges;
import io.codeanatomy.spi.table.ScanCounts;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.Materializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code cpg_nodes}, {@code cpg_edges} and {@code cpg_props} stored in the extraction's groups of
 * source files, and recomputed for the changed files only when the previous build stored them so
 * (docs/incremental.md).
 *
 * <p>A row of a {@linkplain CpgPart#fileLocal file-local} part is in the group of its file; the rows
 * of the other parts are in a last group of their own, whatever their {@code path}: the plans say
 * which is which by the {@link CpgSpec#OWNER_PATH} column. A build from scratch writes every group
 * from {@link CpgSpec#grouped}. An incremental build computes the file-local rows of the changed,
 * added and renamed files only, with {@link CpgSpec#fileLocal} over the extraction tables filtered to
 * those paths, in a session of its own, and the other rows over every file with {@link
 * CpgSpec#crossFile} in the build's DAG; its commit to each table replaces the groups holding a
 * changed, added, deleted or renamed file, keeping those groups' rows of the other files, and the
 * last group. The {@linkplain CpgSpec#storedOutputs stored views} are stored the same way (all their
 * rows file-local); an incremental build commits them before planning, and its DAG reads them. The
 * adjacency outputs are stored in the groups of their node's path: a build from scratch streams them
 * in group order ({@link GroupedStream}); an incremental build recomputes, after the graph's tables
 * are committed, the groups whose nodes' edges changed ({@link #writeAdjacency}). A {@linkplain
 * #partitioned partitioned} build from scratch computes its rows as an incremental build whose every
 * file changed, one group of files at a time (docs/runtime.md, "File-partitioned execution").
 */
final class FileGroupedOutputs {
    private final Session session;
    private final Supplier<Session> sessions;
    private final Path root;
    private final SortedMap<String, OutputTarget> outputs;
    private final List<CpgPart> parts;
    private final ExtractionLayout extraction;
    private final String key;
    private final Optional<Increment> increment;
    /**
     * Whether this build from scratch computes the file-local rows of the grouped outputs group by
     * group of source files, each group in a session of its own before the build's DAG, which
     * computes the other rows ({@link CpgSpec#crossFile}), as an incremental build computes its
     * changed files' rows: the intermediate rows of the file-local views are held for one group at a
     * time, not for every file at once.
     */
    private final boolean partitioned;
    private final Path spillDirectory;
    private final SortedMap<String, List<List<String>>> files = new TreeMap<>();
    private final SortedMap<String, SpillCount> spills = new TreeMap<>();
    private Optional<SortedMap<String, FileGroupedRows>> changedRows = Optional.empty();
    private int adjacencyGroups;
    /** The spools of the sessions of file-local rows, each view's figures summed over them, in the order the first computed them. */
    private final Map<String, SpoolMetrics> localSpools = new LinkedHashMap<>();
    /**
     * The operators of the plans run in sessions of their own, apart from the DAG, by plan, place and
     * operator, each summed over the sessions that ran it, in the order first run ({@link #operators}).
     */
    private final Map<String, OperatorMetrics> operators = new LinkedHashMap<>();
    /** What the scans of the changed files' session read and skipped, by the names it registered its tables under. */
    private SortedMap<String, ScanCounts> changedScans = new TreeMap<>();

    /**
     * The share of the memory budget that an output's gathered rows may hold before they are
     * spilled: a sixteenth, so the three outputs gathered at once and the batches on their way stay
     * well inside it; and never more than {@link #HOLD_CAP}.
     */
    static final int HOLD_SHARE = 16;
    /**
     * The most an output's gathered rows hold, whatever the budget: held or spilled, every row is
     * written at the end, so holding more saves only a round trip through the page cache, and on
     * the standard library holding them all (1.2 GB of Arrow buffers) cost more in resident memory
     * than spilling them cost in time (docs/runtime.md, "Bounded memory").
     */
    static final long HOLD_CAP = 64L << 20;
    /** What comes before the name of a plan of the file-local rows' sessions in {@link #operators}. */
    static final String FILE_LOCAL_PLANS = "file-local.";
    /** What comes before the name of a plan of the adjacency groups' sessions in {@link #operators}. */
    static final String ADJACENCY_PLANS = "adjacency.";

    /** What an output's gathering spilled: its Arrow record batches and their bytes. */
    record SpillCount(long batches, long bytes) {
    }

    /**
     * What an incremental build keeps of the previous build's grouped outputs and what it replaces:
     * per output, its files per group and its rows.
     */
    private record Increment(SourceChanges sources, SortedSet<Integer> groups, Map<String, List<List<String>>> previousFiles,
            Map<String, Long> previousRows, Map<String, Long> previousVersions) {
    }

    private FileGroupedOutputs(Session session, Supplier<Session> sessions, Path root, SortedMap<String, OutputTarget> outputs,
            List<CpgPart> parts, ExtractionLayout extraction, String key, Optional<Increment> increment, boolean partitioned,
            Path spillDirectory) {
        this.session = session;
        this.partitioned = partitioned;
        this.spillDirectory = spillDirectory;
        this.sessions = sessions;
        this.root = root;
        this.outputs = outputs;
        this.parts = parts;
        this.extraction = extraction;
        this.key = key;
        this.increment = increment;
    }

    /**
     * The grouped outputs of this build, when {@code spec} is a built-in spec, the extraction
     * tables are grouped ({@code extraction}) and the outputs are not kept at the previous build's
     * version; incremental when the previous build stored every one of them in the same groups with
     * the same {@linkplain #key key}, the extraction was incremental ({@code sources}: what changed,
     * {@code rewritten}: the groups holding it), and no such table has a version after the one the
     * previous build names. Called after the extraction tables are registered, before planning.
     * Rows beyond an output's share of the memory budget are spilled to files under
     * {@code spillDirectory}, one directory per output. A build that is not incremental is
     * {@linkplain #partitioned partitioned} when {@code partitionFiles}.
     */
    static Optional<FileGroupedOutputs> of(Session session, Supplier<Session> sessions, Path root, SemanticSpec spec,
            Optional<ExtractionLayout> extraction, Optional<SourceChanges> sources, SortedSet<Integer> rewritten,
            Optional<BuildManifest> previous, Materializer materializer, Path spillDirectory, boolean partitionFiles) {
        Optional<List<CpgPart>> parts = CpgSpec.builtInParts(spec);
        SortedMap<String, OutputTarget> outputs = new TreeMap<>();
        spec.outputs().stream().filter(o -> CpgSpec.GROUPED_OUTPUTS.contains(o.name()) || CpgSpec.ADJACENCY_OUTPUTS.contains(o.name()))
                .forEach(o -> outputs.put(o.name(), o));
        if (parts.isEmpty() || outputs.isEmpty() || extraction.isEmpty() || !materializer.writesGroups()) {
            return Optional.empty();
        }
        CpgSpec.storedOutputs(parts.get()).forEach(o -> outputs.put(o.name(), o));
        SessionEnvelope envelope = OutputReuse.withoutStored(session.envelope(spec.hash()));
        Optional<ManifestTable> recordedNodes = previous.flatMap(build -> build.table(CpgSpec.NODES_OUTPUT));
        if (recordedNodes.flatMap(ManifestTable::inputs).equals(Optional.of(OutputReuse.key(CpgSpec.NODES_OUTPUT, envelope)))
                && recordedNodes.get().path().equals(outputs.get(CpgSpec.NODES_OUTPUT).path())) {
            // Skipped (every output's key is of the same envelope): kept at the previous build's versions, as that build stored them.
            return Optional.empty();
        }
        String key = key(envelope);
        Optional<Increment> increment = Optional.empty();
        Optional<OutputLayout> before = previous.flatMap(BuildManifest::outputLayout).filter(layout -> layout.key().equals(key));
        if (sources.isPresent() && before.isPresent()) {
            Map<String, List<List<String>>> previousFiles = new TreeMap<>();
            Map<String, Long> previousRows = new TreeMap<>();
            Map<String, Long> previousVersions = new TreeMap<>();
            PreviousBuildTables tables = new PreviousBuildTables(session, root, previous.get());
            for (OutputTarget output : outputs.values()) {
                List<List<String>> groupFiles = before.get().files().get(output.name());
                Optional<ManifestTable> table = previous.get().table(output.name()).filter(t -> t.path().equals(output.path()));
                if (groupFiles != null && groupFiles.size() == extraction.get().groups().size() + 1 && table.isPresent()
                        && tables.latestVersion(root.resolve(output.path())) == table.get().version()) {
                    previousFiles.put(output.name(), groupFiles);
                    previousRows.put(output.name(), table.get().rows());
                    previousVersions.put(output.name(), table.get().version());
                }
            }
            if (previousFiles.size() == outputs.size()) {
                increment = Optional.of(new Increment(sources.get(), rewritten, previousFiles, previousRows, previousVersions));
            }
        }
        boolean partitioned = increment.isEmpty() && partitionFiles;
        return Optional.of(new FileGroupedOutputs(session, sessions, root, outputs, parts.get(), extraction.get(), key, increment, partitioned,
                spillDirectory));
    }

    /**
     * What a file's rows depend on besides its extraction rows: the envelope with every table at
     * version 0, so a build whose only difference is the tables' versions has the same key.
     */
    static String key(SessionEnvelope envelope) {
        List<TableRegistration> tables = envelope.tables().stream()
                .map(table -> new TableRegistration(table.name(), table.path(), 0, table.schemaHash())).toList();
        return new SessionEnvelope(envelope.engineVersions(), envelope.plugins(), envelope.config(), tables, envelope.functions(),
                envelope.rules(), envelope.profile(), envelope.specHash(), envelope.workers()).hash();
    }

    /**
     * Whether this build computes the file-local rows apart from its DAG, before planning: a
     * rebuild's changed files ({@link #changedFilesOnly}) or a partitioned build's groups
     * ({@link #partitioned}); its DAG is then {@link CpgSpec#crossFile}.
     */
    boolean fileLocalApart() {
        return increment.isPresent() || partitioned;
    }

    /** Whether this build computes the grouped outputs of the changed files only. */
    boolean changedFilesOnly() {
        return increment.isPresent();
    }

    /** The names of the grouped outputs stored by the file of each row, in {@link CpgSpec#groupedOutputs}' order. */
    List<String> names() {
        return CpgSpec.groupedOutputs(parts).stream().filter(outputs::containsKey).toList();
    }

    /** The adjacency outputs this build stores in groups, in {@link CpgSpec#ADJACENCY_OUTPUTS}' order. */
    List<String> adjacencyNames() {
        return CpgSpec.ADJACENCY_OUTPUTS.stream().filter(outputs::containsKey).toList();
    }

    /** The groups of source files, the last one for the rows of no file included. */
    int groupCount() {
        return extraction.groups().size() + 1;
    }

    /** How many groups {@link #writeAdjacency} recomputed; 0 before it ran. */
    synchronized int adjacencyGroupsRecomputed() {
        return adjacencyGroups;
    }

    /** Grouped output {@code name}, with the columns of its contract (the plans give {@link CpgSpec#OWNER_PATH} after them). */
    Optional<OutputTarget> output(String name) {
        return Optional.ofNullable(outputs.get(name));
    }

    /** Whether {@code output} is one of the grouped outputs, which {@link #write} writes. */
    boolean writes(String output) {
        return outputs.containsKey(output);
    }

    /**
     * The spec to plan and run for {@code spec}, the build's: {@link CpgSpec#grouped} for a build from
     * scratch, {@link CpgSpec#crossFile} for an incremental or {@linkplain #partitioned partitioned}
     * build; their other outputs are the spec's.
     */
    SemanticSpec spec() {
        return fileLocalApart() ? CpgSpec.crossFile(parts) : CpgSpec.grouped(parts);
    }

    /**
     * Runs {@code fragment}, a grouped output of {@link #spec}'s DAG, and commits the output: every
     * group for a build from scratch (a partitioned one adds the DAG's rows, of the last group, to
     * the groups' file-local rows), the changed groups and the last one for an incremental build.
     */
    OutputResult write(PlannedFragment fragment, Materializer materializer) {
        OutputTarget output = outputs.get(fragment.name());
        if (increment.isEmpty() && CpgSpec.ADJACENCY_OUTPUTS.contains(output.name())) {
            return streamed(fragment, output, materializer);
        }
        try (FileGroupedRows rows = fileLocalApart() ? changedRows(fragment.name())
                : gathering(output.name(), ArrowContracts.toArrowSchema(output.schema()))) {
            if (fileLocalApart()) {
                add(rows, session, fragment, output, path -> path.equals(CpgSpec.NO_FILE), "the rows of no one file");
            } else {
                add(rows, session, fragment, output, path -> true, "the rows");
            }
            return commit(output, rows, increment.isPresent() ? planned(rows, increment.get().previousFiles().get(output.name())) : List.of(),
                    false, materializer);
        }
    }

    /**
     * Runs {@code fragment}, an adjacency output of a build from scratch, whose plan gives its rows in
     * the order of their groups ({@link CpgSpec#grouped}), and writes every group as the rows come
     * ({@link GroupedStream}): two tables of lists of structs are neither gathered nor spilled.
     */
    private OutputResult streamed(PlannedFragment fragment, OutputTarget output, Materializer materializer) {
        Schema written = ArrowContracts.toArrowSchema(output.schema());
        Schema owned = ArrowContracts.toArrowSchema(CpgSpec.owned(output.schema()));
        SourceGroups sources = extraction.groups();
        try (RowBatchReader batches = session.execute(fragment.query(), owned, output.name());
                GroupedStream stream = new GroupedStream(output.name(), batches.asIterator(), written, session.allocator(),
                        path -> FileGroupedRows.groupOf(sources, path), sources.size() + 1)) {
            GroupedWriteResult result = materializer.writeGroups(root.resolve(output.path()), written, true, GroupedTableChannel.PATH_COLUMN,
                    stream);
            stream.finish();
            recordLayout(output.name(), new ArrayList<>(result.files()), new SpillCount(0, 0));
            return new OutputResult(output.name(), output.path(), result.rowsWritten() + result.rowsCarried(), result.tableVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the batches of output '" + output.name() + "'", e);
        }
    }

    /**
     * Before an incremental build plans {@link #spec}: computes the changed files' file-local rows
     * and commits the outputs of the stored views ({@link CpgSpec#storedOutputs}), whose other rows
     * are the previous build's, then registers each in the build's session at its new version, where
     * {@link CpgSpec#crossFile} reads it. What was written; nothing for a build from scratch, whose
     * plans compute and write them.
     */
    List<OutputResult> writeStored(Materializer materializer) {
        List<OutputResult> written = new ArrayList<>();
        if (!fileLocalApart()) {
            return written;
        }
        for (String name : names()) {
            if (CpgSpec.isStoredOutput(name)) {
                OutputTarget output = outputs.get(name);
                try (FileGroupedRows rows = changedRows(name)) {
                    OutputResult result = commit(output, rows,
                            partitioned ? List.of() : planned(rows, increment.get().previousFiles().get(name)), false, materializer);
                    session.registerTable(name, root.resolve(output.path()), output.path(), OptionalLong.of(result.deltaVersion()));
                    written.add(result);
                }
            }
        }
        return written;
    }

    /**
     * After an incremental build committed {@code cpg_nodes} and {@code cpg_edges} ({@code nodes},
     * {@code edges}): recomputes the rows of the adjacency outputs in the groups of the changed files
     * and of the nodes whose rows the commits changed otherwise ({@link ChangedAdjacency}), from the
     * rows of those groups and of the last group of both tables as committed, in a session of its
     * own, and commits each output, those groups replaced whole and the others kept as they are; an
     * output with no such group is not committed. The results in {@link CpgSpec#ADJACENCY_OUTPUTS}'
     * order, those this build's spec has.
     */
    List<OutputResult> writeAdjacency(OutputResult nodes, OutputResult edges, Materializer materializer) {
        List<String> adjacency = adjacencyNames();
        if (adjacency.isEmpty()) {
            return new ArrayList<>();
        }
        if (partitioned) {
            return partitionedAdjacency(nodes, edges, materializer);
        }
        Increment step = increment.orElseThrow();
        List<OutputResult> written = new ArrayList<>();
        int last = extraction.groups().size();
        List<List<String>> edgesAfter = writtenFiles(edges.name());
        List<List<String>> nodesAfter = writtenFiles(nodes.name());
        try (Session grouping = sessions.get()) {
            Path edgesAt = root.resolve(edges.path());
            Path nodesAt = root.resolve(nodes.path());
            grouping.registerGroups(ChangedAdjacency.EDGES_BEFORE, edgesAt, edges.path(), step.previousVersions().get(edges.name()),
                    new TreeSet<>(step.previousFiles().get(edges.name()).get(last)));
            grouping.registerGroups(CpgSpec.CROSS_EDGES, edgesAt, edges.path(), edges.deltaVersion(), new TreeSet<>(edgesAfter.get(last)));
            grouping.registerGroups(ChangedAdjacency.NODES_BEFORE, nodesAt, nodes.path(), step.previousVersions().get(nodes.name()),
                    new TreeSet<>(step.previousFiles().get(nodes.name()).get(last)));
            grouping.registerGroups(ChangedAdjacency.NODES_AFTER, nodesAt, nodes.path(), nodes.deltaVersion(), new TreeSet<>(nodesAfter.get(last)));
            grouping.registerTable(nodes.name(), nodesAt, nodes.path(), OptionalLong.of(nodes.deltaVersion()));
            SortedSet<Integer> groups = new TreeSet<>();
            List<String> paths = new ArrayList<>(step.sources().extracted());
            paths.addAll(step.sources().dropped());
            paths.addAll(ChangedAdjacency.paths(grouping));
            paths.forEach(path -> groups.add(FileGroupedRows.groupOf(extraction.groups(), path)));
            synchronized (this) {
                adjacencyGroups = groups.size();
            }
            SortedMap<String, FileGroupedRows> gathered = new TreeMap<>();
            try {
                if (!groups.isEmpty()) {
                    adjacency.forEach(name -> gathered.put(name, gathering(name, ArrowContracts.toArrowSchema(outputs.get(name).schema()))));
                    adjacencyRows(grouping, groups, nodes, edges, gathered, "the adjacency rows of the recomputed groups");
                }
                for (String name : adjacency) {
                    written.add(groups.isEmpty() ? kept(name) : commit(outputs.get(name), gathered.get(name), whole(name, groups), true, materializer));
                }
            } finally {
                gathered.values().forEach(FileGroupedRows::close);
            }
        }
        return written;
    }

    /**
     * After a {@linkplain #partitioned partitioned} build committed {@code cpg_nodes} and {@code
     * cpg_edges}: the adjacency outputs of every group, computed group by group, each in a session of
     * its own from its group of both tables and their last group, and written whole. The results in
     * {@link CpgSpec#ADJACENCY_OUTPUTS}' order, those this build's spec has.
     */
    private List<OutputResult> partitionedAdjacency(OutputResult nodes, OutputResult edges, Materializer materializer) {
        List<String> adjacency = adjacencyNames();
        int last = extraction.groups().size();
        List<String> crossEdges = writtenFiles(edges.name()).get(last);
        SortedMap<String, FileGroupedRows> gathered = new TreeMap<>();
        try {
            adjacency.forEach(name -> gathered.put(name, gathering(name, ArrowContracts.toArrowSchema(outputs.get(name).schema()))));
            for (int g = 0; g <= last; g++) {
                try (Session grouping = sessions.get()) {
                    grouping.registerGroups(CpgSpec.CROSS_EDGES, root.resolve(edges.path()), edges.path(), edges.deltaVersion(),
                            new TreeSet<>(crossEdges));
                    adjacencyRows(grouping, new TreeSet<>(List.of(g)), nodes, edges, gathered, "the adjacency rows of group " + g);
                }
            }
            List<OutputResult> written = new ArrayList<>();
            synchronized (this) {
                adjacencyGroups = last + 1;
            }
            for (String name : adjacency) {
                written.add(commit(outputs.get(name), gathered.get(name), List.of(), true, materializer));
            }
            return written;
        } finally {
            gathered.values().forEach(FileGroupedRows::close);
        }
    }

    /**
     * Computes in session {@code grouping}, where {@link CpgSpec#CROSS_EDGES} (the last group of
     * {@code edges}) is registered, the adjacency rows of the nodes of {@code groups} from those
     * groups' data files of {@code edges} and {@code nodes} and the last group's nodes, and gathers
     * them in {@code gathered} (as {@code origin}).
     */
    private void adjacencyRows(Session grouping, SortedSet<Integer> groups, OutputResult nodes, OutputResult edges,
            SortedMap<String, FileGroupedRows> gathered, String origin) {
        int last = extraction.groups().size();
        List<List<String>> edgesAfter = writtenFiles(edges.name());
        List<List<String>> nodesAfter = writtenFiles(nodes.name());
        SortedSet<String> localEdges = new TreeSet<>();
        SortedSet<String> groupNodes = new TreeSet<>(nodesAfter.get(last));
        groups.stream().filter(group -> group < last).forEach(group -> {
            localEdges.addAll(edgesAfter.get(group));
            groupNodes.addAll(nodesAfter.get(group));
        });
        grouping.registerGroups(CpgSpec.LOCAL_EDGES, root.resolve(edges.path()), edges.path(), edges.deltaVersion(), localEdges);
        grouping.registerGroups(CpgSpec.GROUP_NODES, root.resolve(nodes.path()), nodes.path(), nodes.deltaVersion(), groupNodes);
        PlannedDag dag = grouping.planDag(grouping.compileDag(CpgSpec.adjacency(path -> inGroups(path, groups))));
        grouping.run(dag, fragment -> {
            FileGroupedRows rows = gathered.get(fragment.name());
            add(rows, grouping, fragment, outputs.get(fragment.name()), path -> groups.contains(rows.groupOf(path)), origin);
            return fragment.name();
        });
        meter(ADJACENCY_PLANS, grouping);
    }

    /**
     * Adds the operators of the plans session {@code in} ran, under their plan's name after {@code
     * prefix}, to {@link #operators}: an operator at the same place of a plan of the same name is
     * summed with those of the sessions before.
     */
    private synchronized void meter(String prefix, Session in) {
        for (OperatorMetrics operator : in.operatorMetrics()) {
            OperatorMetrics named = operator.inPlan(prefix + operator.plan());
            operators.merge(named.plan() + "\n" + named.path() + "\n" + named.operator(), named, OperatorMetrics::plus);
        }
    }

    /**
     * The operators of the plans this build ran apart from its DAG, each summed over the sessions that
     * ran it: the file-local rows' (of the changed files, or of every group of a partitioned build),
     * their plans' names after {@value #FILE_LOCAL_PLANS}, and the adjacency tables' recomputed groups',
     * after {@value #ADJACENCY_PLANS}; empty if none ran.
     */
    synchronized List<OperatorMetrics> operators() {
        return List.copyOf(operators.values());
    }

    /** The condition that {@code path} is in one of {@code groups}: a range of paths per run of consecutive groups. */
    private Condition inGroups(Field<String> path, SortedSet<Integer> groups) {
        List<String> starts = extraction.groups().starts();
        int last = starts.size();
        List<Condition> ranges = new ArrayList<>();
        if (groups.contains(last)) {
            ranges.add(Exprs.eq(path, CpgSpec.NO_FILE));
        }
        List<Integer> files = groups.stream().filter(group -> group < last).toList();
        for (int i = 0; i < files.size(); i++) {
            int first = files.get(i);
            while (i + 1 < files.size() && files.get(i + 1) == files.get(i) + 1) {
                i++;
            }
            int end = files.get(i) + 1;
            List<Condition> bounds = new ArrayList<>();
            // The first group starts at the empty path, which is no file's: those rows are the last group's.
            bounds.add(first == 0 ? Exprs.ne(path, CpgSpec.NO_FILE) : Exprs.ge(path, starts.get(first)));
            if (end < last) {
                bounds.add(Exprs.lt(path, starts.get(end)));
            }
            ranges.add(Exprs.and(bounds));
        }
        return Exprs.or(ranges);
    }

    /** Groups {@code groups} of output {@code name}, each replacing its data files of the previous build. */
    private List<GroupedTableChannel.PlannedGroup> whole(String name, SortedSet<Integer> groups) {
        List<List<String>> previous = increment.orElseThrow().previousFiles().get(name);
        return groups.stream().map(group -> new GroupedTableChannel.PlannedGroup(group, previous.get(group), new TreeSet<>())).toList();
    }

    /** Output {@code name} as the previous build left it: not committed, its groups' files kept. */
    private OutputResult kept(String name) {
        Increment step = increment.orElseThrow();
        recordLayout(name, step.previousFiles().get(name), new SpillCount(0, 0));
        OutputTarget output = outputs.get(name);
        return new OutputResult(name, output.path(), step.previousRows().get(name), step.previousVersions().get(name));
    }

    /**
     * Commits {@code rows} to {@code output}: every group for a build from scratch ({@code planned}
     * empty), else the {@code planned} groups, each replaced whole when {@code whole} ({@link
     * FileGroupedRows#write}), the others kept as the previous build left them.
     */
    private OutputResult commit(OutputTarget output, FileGroupedRows rows, List<GroupedTableChannel.PlannedGroup> planned, boolean whole,
            Materializer materializer) {
        GroupedWriteResult result = rows.write(materializer, root.resolve(output.path()), planned, whole);
        long count = result.rowsWritten() + result.rowsCarried();
        List<List<String>> groupFiles = new ArrayList<>(result.files());
        if (increment.isPresent()) {
            count = increment.get().previousRows().get(output.name()) - result.rowsDropped() + result.rowsWritten();
            groupFiles = new ArrayList<>(increment.get().previousFiles().get(output.name()));
            for (int i = 0; i < planned.size(); i++) {
                groupFiles.set(planned.get(i).group(), result.files().get(i));
            }
        }
        recordLayout(output.name(), groupFiles, new SpillCount(rows.spilledBatches(), rows.spilledBytes()));
        return new OutputResult(output.name(), output.path(), count, result.tableVersion());
    }

    /** Output {@code name}'s data files per group, as {@link #recordLayout} recorded them when it was committed. */
    private List<List<String>> writtenFiles(String name) {
        synchronized (files) {
            return files.get(name);
        }
    }

    /** Records output {@code name}'s data files per group and what its gathering spilled. */
    private void recordLayout(String name, List<List<String>> groupFiles, SpillCount spill) {
        synchronized (files) {
            files.put(name, groupFiles);
            spills.put(name, spill);
        }
    }

    /** Per grouped output written, what its gathering spilled (nothing when it stayed within its share). */
    /** What the scans of the session of the changed files' rows read and skipped, by table; empty if it did not run. */
    synchronized SortedMap<String, ScanCounts> changedScans() {
        return new TreeMap<>(changedScans);
    }

    /**
     * The spools of the sessions that computed file-local rows (the changed files', or every group's
     * in turn), each view's rows, computations, scans and times summed over them; empty if none ran.
     */
    synchronized List<SpoolMetrics> fileLocalSpools() {
        return List.copyOf(localSpools.values());
    }

    SortedMap<String, SpillCount> spills() {
        synchronized (files) {
            return new TreeMap<>(spills);
        }
    }

    /** An empty gathering of {@code output}'s rows, spilling beyond its share of the memory budget. */
    private FileGroupedRows gathering(String output, Schema schema) {
        return new FileGroupedRows(schema, session.allocator(), extraction.groups(), spillDirectory.resolve(output),
                Math.min(HOLD_CAP, session.config().memoryBudgetBytes() / HOLD_SHARE));
    }

    /** The layout of the written outputs, for the manifest; empty before every one was {@linkplain #write written}. */
    Optional<OutputLayout> layout() {
        synchronized (files) {
            return files.keySet().equals(outputs.keySet()) ? Optional.of(new OutputLayout(key, files)) : Optional.empty();
        }
    }

    /** The groups holding a changed file, then the last group; each dropping its changed files' rows. */
    private List<GroupedTableChannel.PlannedGroup> planned(FileGroupedRows rows, List<List<String>> previousFiles) {
        Increment step = increment.orElseThrow();
        SortedMap<Integer, SortedSet<String>> dropped = new TreeMap<>();
        step.groups().forEach(group -> dropped.put(group, new TreeSet<>()));
        List<String> replaced = new ArrayList<>(step.sources().extracted());
        replaced.addAll(step.sources().dropped());
        for (String path : replaced) {
            int group = rows.groupOf(path);
            if (!dropped.containsKey(group)) {
                throw new IllegalStateException("the changed file '" + path + "' is in group " + group + ", which the extraction did not rewrite");
            }
            dropped.get(group).add(path);
        }
        dropped.put(extraction.groups().size(), new TreeSet<>());
        List<GroupedTableChannel.PlannedGroup> planned = new ArrayList<>();
        dropped.forEach((group, paths) -> planned.add(new GroupedTableChannel.PlannedGroup(group, previousFiles.get(group), paths)));
        return planned;
    }

    /**
     * The file-local rows of the changed files for {@code output}: the rows of every grouped output
     * are computed once, on the first call, in a session of their own over this build's extraction
     * tables; the caller owns the returned rows.
     */
    private synchronized FileGroupedRows changedRows(String output) {
        if (changedRows.isEmpty()) {
            SortedMap<String, FileGroupedRows> gathered = new TreeMap<>();
            outputs.forEach((name, target) -> {
                if (!CpgSpec.ADJACENCY_OUTPUTS.contains(name)) {
                    gathered.put(name, gathering(name, ArrowContracts.toArrowSchema(target.schema())));
                }
            });
            if (partitioned) {
                for (int g = 0; g < extraction.groups().size(); g++) {
                    int group = g;
                    fileLocalRows(gathered, Optional.of(group), path -> inGroups(path, new TreeSet<>(List.of(group))),
                            path -> FileGroupedRows.groupOf(extraction.groups(), path) == group && !path.equals(CpgSpec.NO_FILE),
                            "the file-local rows of group " + g);
                }
            } else {
                SortedSet<String> extracted = increment.orElseThrow().sources().extracted();
                if (!extracted.isEmpty()) {
                    List<String> paths = List.copyOf(extracted);
                    fileLocalRows(gathered, Optional.empty(), path -> path.in(paths), extracted::contains, "the file-local rows of the changed files");
                }
            }
            changedRows = Optional.of(gathered);
        }
        FileGroupedRows rows = changedRows.get().remove(output);
        if (rows == null) {
            throw new IllegalStateException("the changed files' rows of output '" + output + "' were taken already");
        }
        return rows;
    }

    /**
     * The file-local rows of the files whose path {@code inFiles} accepts ({@code expected}, as a
     * predicate on a row's owner), computed in a session of their own over this build's extraction
     * tables and added to {@code gathered}. When those are the files of one {@code group}, each
     * extraction table is read from that group's data files only.
     */
    private void fileLocalRows(SortedMap<String, FileGroupedRows> gathered, Optional<Integer> group, Function<Field<String>, Condition> inFiles,
            Predicate<String> expected, String origin) {
        SemanticSpec local = CpgSpec.fileLocal(parts, inFiles);
        Map<String, TableRegistration> registered = new TreeMap<>();
        session.tables().forEach(table -> registered.put(table.name(), table));
        try (Session changed = sessions.get()) {
            for (InputRelation input : local.inputs()) {
                String table = input.name().substring(0, input.name().length() - CpgSpec.allFiles("").length());
                TableRegistration registration = registered.get(table);
                if (registration == null) {
                    throw new IllegalStateException("the extraction table '" + table + "' is not registered in the build's session");
                }
                List<List<String>> groupFiles = extraction.files().get(table);
                if (group.isPresent() && groupFiles != null) {
                    changed.registerGroups(input.name(), root.resolve(registration.path()), registration.path(), registration.deltaVersion(),
                            new TreeSet<>(groupFiles.get(group.get())));
                } else {
                    changed.registerTable(input.name(), root.resolve(registration.path()), registration.path(),
                            OptionalLong.of(registration.deltaVersion()));
                }
            }
            PlannedDag dag = changed.planDag(changed.compileDag(local));
            changed.run(dag, fragment -> {
                FileGroupedRows rows = gathered.get(fragment.name());
                if (rows == null) {
                    throw new IllegalStateException("the file-local spec has an output '" + fragment.name() + "' the build does not group");
                }
                add(rows, changed, fragment, outputs.get(fragment.name()), expected, origin);
                return fragment.name();
            });
            changed.scanCounts().forEach((table, counts) -> changedScans.merge(table, counts, ScanCounts::plus));
            changed.spoolMetrics().forEach(spool -> localSpools.merge(spool.view(), spool, SpoolMetrics::plus));
            meter(FILE_LOCAL_PLANS, changed);
        } catch (RuntimeException | Error e) {
            gathered.values().forEach(FileGroupedRows::close);
            throw e;
        }
    }

    /** Runs {@code fragment} in session {@code in} and gathers its rows, each owned by a path {@code expected} accepts. */
    private static void add(FileGroupedRows rows, Session in, PlannedFragment fragment, OutputTarget output, Predicate<String> expected,
            String origin) {
        Schema written = ArrowContracts.toArrowSchema(output.schema());
        rows.add((into, routes, router, sink) -> in.route(fragment.query(), written, output.name(), into, routes, router, sink),
                expected, origin + " of output '" + output.name() + "'");
    }
}
