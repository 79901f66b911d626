package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.SessionEnvelope;
import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedFragment;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.spi.arrow.ArrowContracts;
import io.codeanatomy.spi.extract.SourceChanges;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.Materializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code cpg_nodes} stored in the extraction's groups of source files, and recomputed for the
 * changed files only when the previous build stored it so (docs/incremental.md).
 *
 * <p>A node of a {@linkplain CpgPart#fileLocalNodes file-local} part is in the group of its file;
 * the nodes of the other parts (external names, path {@value FileGroupedRows#NO_FILE}) are in a last
 * group of their own. A build from scratch writes every group from the full plans. An incremental
 * build computes the file-local nodes of the changed, added and renamed files only, with
 * {@link CpgSpec#fileLocalNodes} over the extraction tables filtered to those paths, in a session of
 * its own, and the other nodes over every file with {@link CpgSpec#crossFileNodes} in the build's
 * DAG; its commit replaces the groups holding a changed, added, deleted or renamed file, keeping
 * those groups' rows of the other files, and the last group.
 */
final class FileGroupedNodes {
    private final Session session;
    private final Supplier<Session> sessions;
    private final Path root;
    private final OutputTarget output;
    private final List<CpgPart> parts;
    private final ExtractionLayout extraction;
    private final String key;
    private final Optional<Increment> increment;
    private Optional<List<List<String>>> files = Optional.empty();

    /** What an incremental build keeps of the previous build's nodes and what it replaces. */
    private record Increment(SourceChanges sources, SortedSet<Integer> groups, List<List<String>> previousFiles, long previousRows) {
    }

    private FileGroupedNodes(Session session, Supplier<Session> sessions, Path root, OutputTarget output, List<CpgPart> parts,
            ExtractionLayout extraction, String key, Optional<Increment> increment) {
        this.session = session;
        this.sessions = sessions;
        this.root = root;
        this.output = output;
        this.parts = parts;
        this.extraction = extraction;
        this.key = key;
        this.increment = increment;
    }

    /**
     * The grouped nodes of this build, when {@code spec} is a built-in spec, the extraction
     * tables are grouped ({@code extraction}) and the nodes are not kept at the previous build's
     * version; incremental when the previous build stored its nodes in the same groups with the
     * same {@linkplain #key key}, the extraction was incremental ({@code sources}: what changed,
     * {@code rewritten}: the groups holding it), and the nodes table has no version after the
     * previous build's. Called after the extraction tables are registered, before planning.
     */
    static Optional<FileGroupedNodes> of(Session session, Supplier<Session> sessions, Path root, SemanticSpec spec,
            Optional<ExtractionLayout> extraction, Optional<SourceChanges> sources, SortedSet<Integer> rewritten,
            Optional<BuildManifest> previous, Materializer materializer) {
        Optional<List<CpgPart>> parts = CpgSpec.builtInParts(spec);
        Optional<OutputTarget> output = spec.outputs().stream().filter(o -> o.name().equals(CpgSpec.NODES_OUTPUT)).findFirst();
        if (parts.isEmpty() || output.isEmpty() || extraction.isEmpty() || !materializer.writesGroups()) {
            return Optional.empty();
        }
        SessionEnvelope envelope = session.envelope(spec.hash());
        Optional<ManifestTable> recorded = previous.flatMap(build -> build.table(CpgSpec.NODES_OUTPUT));
        if (recorded.flatMap(ManifestTable::inputs).equals(Optional.of(OutputReuse.key(CpgSpec.NODES_OUTPUT, envelope)))
                && recorded.get().path().equals(output.get().path())) {
            // Skipped: kept at the previous build's version, as that build stored it.
            return Optional.empty();
        }
        String key = key(envelope);
        Optional<Increment> increment = Optional.empty();
        Optional<List<List<String>>> before = previous.flatMap(BuildManifest::outputLayout)
                .filter(layout -> layout.key().equals(key))
                .map(layout -> layout.files().get(CpgSpec.NODES_OUTPUT));
        Optional<ManifestTable> table = recorded.filter(nodes -> nodes.path().equals(output.get().path()));
        if (sources.isPresent() && before.isPresent() && table.isPresent()
                && before.get().size() == extraction.get().groups().size() + 1
                && new PreviousBuildTables(session, root, previous.get()).latestVersion(root.resolve(output.get().path())) == table.get().version()) {
            increment = Optional.of(new Increment(sources.get(), rewritten, before.get(), table.get().rows()));
        }
        return Optional.of(new FileGroupedNodes(session, sessions, root, output.get(), parts.get(), extraction.get(), key, increment));
    }

    /**
     * What a file's nodes depend on besides its extraction rows: the envelope with every table at
     * version 0, so a build whose only difference is the tables' versions has the same key.
     */
    static String key(SessionEnvelope envelope) {
        List<TableRegistration> tables = envelope.tables().stream()
                .map(table -> new TableRegistration(table.name(), table.path(), 0, table.schemaHash())).toList();
        return new SessionEnvelope(envelope.engineVersions(), envelope.plugins(), envelope.config(), tables, envelope.functions(),
                envelope.rules(), envelope.profile(), envelope.specHash(), envelope.workers()).hash();
    }

    /** Whether this build computes the nodes of the changed files only. */
    boolean changedFilesOnly() {
        return increment.isPresent();
    }

    /**
     * The spec to plan and run for {@code spec}, the build's: itself for a build from scratch; for an
     * incremental build {@link CpgSpec#crossFileNodes}, whose outputs other than the nodes are
     * {@code spec}'s.
     */
    SemanticSpec spec(SemanticSpec spec) {
        return increment.isEmpty() ? spec : CpgSpec.crossFileNodes(parts);
    }

    /**
     * Runs {@code fragment}, the nodes output of {@link #spec}'s DAG, and commits the nodes: every group for
     * a build from scratch, the changed groups and the last one for an incremental build.
     */
    OutputResult write(PlannedFragment fragment, Materializer materializer) {
        Schema schema = ArrowContracts.toArrowSchema(output.schema());
        Path location = root.resolve(output.path());
        try (FileGroupedRows rows = new FileGroupedRows(schema, session.allocator(), extraction.groups())) {
            List<GroupedTableChannel.PlannedGroup> planned = new ArrayList<>();
            if (increment.isPresent()) {
                SortedSet<String> extracted = increment.get().sources().extracted();
                if (!extracted.isEmpty()) {
                    changedFileNodes(rows, schema, extracted);
                }
                planned = planned(rows);
                add(rows, session, fragment, schema, path -> path.equals(FileGroupedRows.NO_FILE), "the nodes of no file");
            } else {
                add(rows, session, fragment, schema, path -> true, "the nodes");
            }
            GroupedWriteResult result = rows.write(materializer, location, planned);
            long count = result.rowsWritten() + result.rowsCarried();
            List<List<String>> groupFiles = new ArrayList<>(result.files());
            if (increment.isPresent()) {
                count = increment.get().previousRows() - result.rowsDropped() + result.rowsWritten();
                groupFiles = new ArrayList<>(increment.get().previousFiles());
                for (int i = 0; i < planned.size(); i++) {
                    groupFiles.set(planned.get(i).group(), result.files().get(i));
                }
            }
            files = Optional.of(groupFiles);
            return new OutputResult(output.name(), output.path(), count, result.tableVersion());
        }
    }

    /** The layout of the written nodes, for the manifest; empty before {@link #write}. */
    Optional<OutputLayout> layout() {
        return files.map(groupFiles -> new OutputLayout(key, new TreeMap<>(Map.of(output.name(), groupFiles))));
    }

    /** The groups holding a changed file, then the last group; each dropping its changed files' rows. */
    private List<GroupedTableChannel.PlannedGroup> planned(FileGroupedRows rows) {
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
        dropped.put(extraction.groups().size(), new TreeSet<>(List.of(FileGroupedRows.NO_FILE)));
        List<GroupedTableChannel.PlannedGroup> planned = new ArrayList<>();
        dropped.forEach((group, paths) -> planned.add(new GroupedTableChannel.PlannedGroup(group, step.previousFiles().get(group), paths)));
        return planned;
    }

    /** The file-local nodes of {@code paths}, computed in a session of their own over this build's extraction tables. */
    private void changedFileNodes(FileGroupedRows rows, Schema schema, SortedSet<String> paths) {
        SemanticSpec local = CpgSpec.fileLocalNodes(parts, paths);
        Map<String, TableRegistration> registered = new TreeMap<>();
        session.tables().forEach(table -> registered.put(table.name(), table));
        try (Session changed = sessions.get()) {
            for (InputRelation input : local.inputs()) {
                String table = input.name().substring(0, input.name().length() - CpgSpec.allFiles("").length());
                TableRegistration registration = registered.get(table);
                if (registration == null) {
                    throw new IllegalStateException("the extraction table '" + table + "' is not registered in the build's session");
                }
                changed.registerTable(input.name(), root.resolve(registration.path()), registration.path(),
                        OptionalLong.of(registration.deltaVersion()));
            }
            PlannedDag dag = changed.planDag(changed.compileDag(local));
            changed.run(dag, fragment -> {
                add(rows, changed, fragment, schema, paths::contains, "the file-local nodes of the changed files");
                return fragment.name();
            });
        }
    }

    /** Runs {@code fragment} in session {@code in} and gathers its rows, each of a path {@code expected} accepts. */
    private void add(FileGroupedRows rows, Session in, PlannedFragment fragment, Schema schema, Predicate<String> expected,
            String origin) {
        try (RowBatchReader batches = in.execute(fragment.query(), schema, output.name())) {
            rows.add(batches.asIterator(), expected, origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the batches of output '" + output.name() + "'", e);
        }
    }
}
