package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;
import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.expr.StructMember;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.SemanticSpecBuilder;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The built-in CPG spec, assembled from its {@link CpgPart}s in a fixed order: each part's inputs
 * (merged by table and column name) and views, then one union by name per output over the parts'
 * node, edge and property views, projected to the output's contract, and the two adjacency
 * outputs grouped from the edges. Parts give the columns of {@link #NODE_VIEW}, {@link #EDGE_VIEW}
 * and {@link #PROPS}; the spec adds what every row gets the same way: a node's line and column
 * from its file's line index, an edge's stable id.
 */
public final class CpgSpec {
    public static final String NAME = "cpg";
    public static final String VERSION = "3.0.0";
    public static final String NODES_OUTPUT = "cpg_nodes";
    public static final String EDGES_OUTPUT = "cpg_edges";
    public static final String PROPS_OUTPUT = "cpg_props";
    public static final String EDGES_BY_SRC_OUTPUT = "cpg_edges_by_src";
    public static final String EDGES_BY_DST_OUTPUT = "cpg_edges_by_dst";
    /** What {@link #adjacency} reads the rows of {@code cpg_edges} in the groups it recomputes under. */
    public static final String LOCAL_EDGES = "cpg_edges_local";
    /** What {@link #adjacency} reads the rows of {@code cpg_edges} in the last group, of no one file, under. */
    public static final String CROSS_EDGES = "cpg_edges_cross";
    /** What {@link #adjacency} reads the rows of {@code cpg_nodes} in the groups it recomputes and the last group under. */
    public static final String GROUP_NODES = "cpg_nodes_groups";
    /** The line index: one row per file with text, {@code line_starts} the first byte of every line. */
    public static final String LINES = "py_lines_v2";

    /** What a part's node view has: every column but optional ones may be missing (NULL). */
    public static final SchemaContract NODE_VIEW = SchemaContract.of(1,
            ColumnContract.required("node_id", DataType.STRING),
            ColumnContract.required("node_kind", DataType.STRING),
            ColumnContract.required("file_id", DataType.STRING),
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.required("bstart", DataType.INT64),
            ColumnContract.required("bend", DataType.INT64),
            ColumnContract.optional("name", DataType.STRING),
            ColumnContract.optional("qualified_name", DataType.STRING));

    /**
     * The contract of {@code cpg_nodes}: {@link #NODE_VIEW} plus the positions CPython's {@code ast}
     * reports for the span, {@code line}/{@code end_line} 1-based, {@code col}/{@code end_col}
     * 0-based UTF-8 byte offsets in the line (null for a file without text).
     */
    public static final SchemaContract NODES = new SchemaContract(2, insertAfter("bend", NODE_VIEW.columns(),
            ColumnContract.optional("line", DataType.INT32),
            ColumnContract.optional("col", DataType.INT32),
            ColumnContract.optional("end_line", DataType.INT32),
            ColumnContract.optional("end_col", DataType.INT32)));

    /**
     * What a part's edge view has. Structural edges give {@code origin = 'syntax'} and
     * {@code confidence = 1.0} and leave the resolution columns NULL; resolved edges (calls,
     * imports) fill them, the best candidate of an {@code ambiguity_group_id} first by score.
     */
    public static final SchemaContract EDGE_VIEW = SchemaContract.of(1,
            ColumnContract.required("edge_kind", DataType.STRING),
            ColumnContract.required("src_node_id", DataType.STRING),
            ColumnContract.required("dst_node_id", DataType.STRING),
            ColumnContract.optional("path", DataType.STRING),
            ColumnContract.optional("bstart", DataType.INT64),
            ColumnContract.optional("bend", DataType.INT64),
            ColumnContract.required("origin", DataType.STRING),
            ColumnContract.optional("resolution_method", DataType.STRING),
            ColumnContract.required("confidence", DataType.FLOAT64),
            ColumnContract.optional("score", DataType.FLOAT64),
            ColumnContract.optional("ambiguity_group_id", DataType.STRING));

    /** The contract of {@code cpg_edges}: {@link #EDGE_VIEW} behind the edge's stable id. */
    public static final SchemaContract EDGES = new SchemaContract(1, prepend(
            ColumnContract.required("edge_id", DataType.STRING), EDGE_VIEW.columns()));

    /**
     * The contract of {@code cpg_props} and of a part's property view: one typed value per row,
     * {@code value_type} naming the column that holds it ({@code STRING}, {@code INT64},
     * {@code FLOAT64}, {@code BOOLEAN}); a part's view may leave out the other value columns.
     * {@code path} is the source file of the entity; every file-local part gives it (a grouped
     * build stores and replaces properties by it), other parts where they know it.
     */
    public static final SchemaContract PROPS = SchemaContract.of(2,
            ColumnContract.required("entity_id", DataType.STRING),
            ColumnContract.optional("path", DataType.STRING),
            ColumnContract.required("prop_key", DataType.STRING),
            ColumnContract.required("value_type", DataType.STRING),
            ColumnContract.optional("value_string", DataType.STRING),
            ColumnContract.optional("value_int", DataType.INT64),
            ColumnContract.optional("value_float", DataType.FLOAT64),
            ColumnContract.optional("value_bool", DataType.BOOLEAN));

    /** The members of one edge in an adjacency list, {@code other_node_id} the far end. */
    public static final DataType<Map<String, Object>> ADJACENT_EDGE = DataType.struct(
            StructMember.of("edge_id", DataType.STRING),
            StructMember.of("edge_kind", DataType.STRING),
            StructMember.of("other_node_id", DataType.STRING),
            StructMember.of("bstart", DataType.INT64),
            StructMember.of("bend", DataType.INT64),
            StructMember.of("confidence", DataType.FLOAT64));

    /**
     * The contract of {@code cpg_edges_by_src} and {@code cpg_edges_by_dst}: one row per node of
     * {@code cpg_nodes} with at least one edge leaving (entering) it, with the node's {@code path}
     * ({@value #NO_FILE} for an external node), the edges ordered by kind, span and id. A grouped
     * build stores a row in the group of its {@code path} (docs/incremental.md).
     */
    public static final SchemaContract ADJACENCY = SchemaContract.of(2,
            ColumnContract.required("node_id", DataType.STRING),
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.required("edge_count", DataType.INT64),
            ColumnContract.required("edges", DataType.list(ADJACENT_EDGE)));

    /**
     * The column a grouped build's plans add to {@code cpg_nodes}, {@code cpg_edges} and
     * {@code cpg_props} (docs/incremental.md): the file a row belongs to, its {@code path} for the
     * rows of {@linkplain CpgPart#fileLocal file-local} parts, {@value #NO_FILE} for the others.
     * It is not written: it says which group of source files the row is stored in.
     */
    public static final String OWNER_PATH = "owner_path";
    /** The {@link #OWNER_PATH} of a row that belongs to no one file. */
    public static final String NO_FILE = "";
    /** The outputs a grouped build stores in groups of source files by the file each row comes from, in assembly order. */
    public static final List<String> GROUPED_OUTPUTS = List.of(NODES_OUTPUT, EDGES_OUTPUT, PROPS_OUTPUT);
    /**
     * The adjacency outputs, which a grouped build stores in groups of source files by their node's
     * path, and an incremental one recomputes for some groups after the edges ({@link #adjacency}).
     */
    public static final List<String> ADJACENCY_OUTPUTS = List.of(EDGES_BY_SRC_OUTPUT, EDGES_BY_DST_OUTPUT);

    /** What {@link #storedOutput} puts before a stored view's name. */
    private static final String STORED = "stored_";
    private static final String NODE_SHAPE = "cpg_node_shape";
    private static final String FILE_LOCAL = "_file_local";
    private static final String CROSS_FILE = "_cross_file";
    private static final String EDGE_SHAPE = "cpg_edge_shape";
    private static final String PROP_SHAPE = "cpg_prop_shape";
    private static final String SRC = "src_node_id";
    private static final String DST = "dst_node_id";

    private CpgSpec() {
    }

    /** The parts of the built-in spec, in assembly order. */
    public static List<CpgPart> parts() {
        return List.of(new DefinitionNodes(), new ModuleNodes(), new StructureGraph(), new ScopeBindings(), new DefUseEdges(),
                new ModuleBindings(), new ImportResolution(), new ClassHierarchy(), new CallResolution());
    }

    /**
     * The parts without call resolution ({@code build --no-calls}): the whole-program points-to
     * fixpoint is the costliest part by far, and on a large repository a build may want the rest
     * of the graph first.
     */
    public static List<CpgPart> partsWithoutCalls() {
        return parts().stream().filter(part -> !(part instanceof CallResolution)).toList();
    }

    /**
     * The built-in parts {@code spec} was assembled from ({@link #parts} or {@link
     * #partsWithoutCalls}), if it is one of those two specs; empty for any other spec (one with
     * plugins' parts, say), whose parts' node views are not known to be file-local.
     */
    public static Optional<List<CpgPart>> builtInParts(SemanticSpec spec) {
        requireNonNull(spec, "spec is null");
        for (List<CpgPart> parts : List.of(parts(), partsWithoutCalls())) {
            if (assemble(parts).hash().equals(spec.hash())) {
                return Optional.of(parts);
            }
        }
        return Optional.empty();
    }

    public static SemanticSpec spec() {
        return assemble(parts());
    }

    /** The built-in spec with {@code contributed} parts (plugins' CPG views) assembled after the built-in ones. */
    public static SemanticSpec spec(List<? extends CpgPart> contributed) {
        List<CpgPart> all = new ArrayList<>(parts());
        all.addAll(contributed);
        return assemble(all);
    }

    /**
     * Assembles {@code parts} into one spec: {@code cpg_nodes} always, {@code cpg_edges} and its
     * adjacency outputs when a part has an edge view, {@code cpg_props} when a part has a property
     * view.
     */
    public static SemanticSpec assemble(List<CpgPart> parts) {
        return assemble(parts, Layout.WHOLE);
    }

    /**
     * {@link #assemble} for a build that stores the graph in groups of source files, from scratch
     * (the {@linkplain #storedOutputs stored views' outputs} beside it):
     * {@code cpg_nodes}, {@code cpg_edges} and {@code cpg_props} have the {@link #OWNER_PATH} column
     * after their contract's ({@link #owned}), the rows of the file-local parts' views and those of the
     * others stacked apart, so a row is filed by where it comes from, not by its {@code path}
     * (a cross-file edge has the path of the syntax it comes from). Every other output is
     * {@link #assemble}'s.
     */
    public static SemanticSpec grouped(List<CpgPart> parts) {
        return assemble(parts, Layout.GROUPED);
    }

    /**
     * The spec an incremental grouped build runs over every file (docs/incremental.md): {@link
     * #grouped} with {@code cpg_nodes}, {@code cpg_edges} and {@code cpg_props} stacked from the
     * views of the parts that are not {@linkplain CpgPart#fileLocal file-local} only, beside the
     * changed files' rows of {@link #fileLocal}; no adjacency outputs, which the build groups from the
     * written {@code cpg_edges} ({@link #adjacency}), and no stored views' outputs: each {@linkplain
     * CpgPart#storedViews stored view} is read from its output ({@link #storedOutput}, an input of
     * this spec) instead of computed, so the views only they read are not computed at all. Every
     * other output is {@link #assemble}'s.
     */
    public static SemanticSpec crossFile(List<CpgPart> parts) {
        return assemble(parts, Layout.CROSS_FILE);
    }

    /**
     * The spec of the file-local rows of the files {@code paths}: the {@linkplain CpgPart#fileLocal
     * file-local} parts' inputs, each read through a view that keeps the rows of {@code paths} from the
     * input registered as {@link #allFiles}{@code (name)}, their views, and the outputs {@code
     * cpg_nodes}, {@code cpg_edges} and {@code cpg_props} (those the parts have views for) stacked
     * from their views as {@link #grouped} stacks them, and the stored views' outputs. Its rows are
     * {@link #grouped}'s rows of those files' owners.
     */
    public static SemanticSpec fileLocal(List<CpgPart> parts, Collection<String> paths) {
        List<String> files = List.copyOf(requireNonNull(paths, "paths is null"));
        return fileLocal(parts, path -> path.in(files));
    }

    /**
     * {@link #fileLocal(List, Collection)} for the files whose path {@code inFiles} accepts (given
     * the {@code path} column of an input): the rows of a range of paths, such as a group of source
     * files, without naming each.
     */
    public static SemanticSpec fileLocal(List<CpgPart> parts, Function<Field<String>, Condition> inFiles) {
        requireNonNull(inFiles, "inFiles is null");
        List<CpgPart> local = requireNonNull(parts, "parts is null").stream().filter(CpgPart::fileLocal).toList();
        if (local.stream().allMatch(part -> part.nodeViews().isEmpty())) {
            throw new IllegalArgumentException("no part of the CPG spec has file-local node views");
        }
        SemanticSpecBuilder builder = SemanticSpec.builder(NAME + "-file-local", VERSION);
        for (InputRelation input : withLines(mergeInputs(local))) {
            List<ColumnContract> columns = new ArrayList<>(input.schema().columns());
            if (columns.stream().noneMatch(column -> column.name().equals("path"))) {
                // Every grouped extraction table has the path its rows come from.
                columns.add(ColumnContract.required("path", DataType.STRING));
            }
            builder.input(new InputRelation(allFiles(input.name()), new SchemaContract(input.schema().version(), columns)));
            builder.view(ViewDefinition.of(input.name(), ViewKind.FILTER, RelSpec.scan(allFiles(input.name()), "t")
                    .filter(inFiles.apply(col("t", "path", DataType.STRING)))
                    .project(columns(input.schema(), "t"))));
        }
        local.forEach(part -> part.views().forEach(builder::view));
        Views views = Views.of(local, part -> true);
        addOwned(builder, NODES_OUTPUT, NODES, stacked(views.nodes, v -> nodes(builder, v, FILE_LOCAL)), Optional.empty());
        addOwned(builder, EDGES_OUTPUT, EDGES, stacked(views.edges, v -> edges(builder, v, FILE_LOCAL)), Optional.empty());
        addOwned(builder, PROPS_OUTPUT, PROPS, stacked(views.props, v -> props(builder, v, FILE_LOCAL)), Optional.empty());
        addStored(builder, local);
        return builder.build();
    }

    /**
     * The spec that groups edges into the rows of {@code cpg_edges_by_src} and {@code
     * cpg_edges_by_dst} of the nodes whose path {@code owned} accepts (given a {@code path} column),
     * as {@link #grouped} groups its edges: from {@value #LOCAL_EDGES}, the rows of {@code cpg_edges}
     * of the groups of those paths, {@value #CROSS_EDGES}, the rows of its last group, and {@value
     * #GROUP_NODES}, the rows of {@code cpg_nodes} in those groups and the last, each read as
     * registered under that name; the outputs {@linkplain #owned owned} by
     * the node's path. It relies on what every edge of the built-in parts is: its {@code path} is that
     * of its source node, and a {@linkplain CpgPart#fileLocal file-local} part's edge joins two nodes
     * of its file.
     */
    public static SemanticSpec adjacency(Function<Field<String>, Condition> owned) {
        requireNonNull(owned, "owned is null");
        SemanticSpecBuilder builder = SemanticSpec.builder(NAME + "-adjacency", VERSION);
        builder.input(new InputRelation(LOCAL_EDGES, EDGES));
        builder.input(new InputRelation(CROSS_EDGES, EDGES));
        builder.input(new InputRelation(GROUP_NODES, NODES));
        // Stacked as the views are, so the columns are nullable as the adjacency contract's struct members.
        String local = stack(builder, EDGE_SHAPE + FILE_LOCAL, EDGES, List.of(LOCAL_EDGES), "edges" + FILE_LOCAL + "_stacked");
        String cross = stack(builder, EDGE_SHAPE + CROSS_FILE, EDGES, List.of(CROSS_EDGES), "edges" + CROSS_FILE + "_stacked");
        addGroupedAdjacency(builder, Optional.of(local), Optional.of(cross), GROUP_NODES, Optional.of(owned));
        return builder.build();
    }

    /** {@code contract} with the {@link #OWNER_PATH} column last: the rows of a grouped build's plans. */
    public static SchemaContract owned(SchemaContract contract) {
        return new SchemaContract(contract.version(), append(contract.columns(), ColumnContract.required(OWNER_PATH, DataType.STRING)));
    }

    /**
     * The output a grouped build stores {@linkplain CpgPart#storedViews stored view} {@code view} in,
     * under {@code cpg/stored/}, with the view's columns and the {@link #OWNER_PATH} plans give it.
     */
    public static String storedOutput(String view) {
        return STORED + view;
    }

    /** Whether {@code output} is a {@linkplain #storedOutput stored view's} output. */
    public static boolean isStoredOutput(String output) {
        return output.startsWith(STORED);
    }

    /**
     * The outputs a grouped build stores in groups of source files, in assembly order: {@link
     * #GROUPED_OUTPUTS}, then the stored views of {@code parts}.
     */
    public static List<String> groupedOutputs(List<CpgPart> parts) {
        List<String> names = new ArrayList<>(GROUPED_OUTPUTS);
        storedViews(parts).forEach(stored -> names.add(storedOutput(stored.view())));
        return names;
    }

    /** The stored views of the file-local parts among {@code parts}, in assembly order. */
    private static List<StoredView> storedViews(List<CpgPart> parts) {
        return parts.stream().filter(CpgPart::fileLocal).flatMap(part -> part.storedViews().stream()).toList();
    }

    /**
     * The outputs of the stored views of {@code parts}, in assembly order, each with its view's
     * columns (a grouped build's plans give them {@link #OWNER_PATH} after those).
     */
    public static List<OutputTarget> storedOutputs(List<CpgPart> parts) {
        return storedViews(parts).stream().map(CpgSpec::storedTarget).toList();
    }

    private static OutputTarget storedTarget(StoredView view) {
        return new OutputTarget(storedOutput(view.view()), view.view() + "_owned", NAME + "/stored/" + view.view(), WriteMode.CREATE,
                view.contract());
    }

    /** Adds the output of each stored view of {@code parts}: the view's rows, owned by their {@code path}. */
    private static void addStored(SemanticSpecBuilder builder, List<CpgPart> parts) {
        for (StoredView view : storedViews(parts)) {
            OutputTarget output = storedTarget(view);
            builder.view(ViewDefinition.of(output.view(), ViewKind.PROJECT, RelSpec.scan(view.view()).project(append(columns(view.contract(), ""),
                    col("path", DataType.STRING).as(OWNER_PATH)))));
            builder.output(output.name(), output.view(), output.path(), output.mode(), owned(view.contract()));
        }
    }

    /** The name {@link #fileLocal} reads extraction table {@code table} under. */
    public static String allFiles(String table) {
        return table + "_all_files";
    }

    private static List<InputRelation> withLines(List<InputRelation> inputs) {
        List<InputRelation> all = new ArrayList<>(inputs);
        all.add(new InputRelation(LINES, SchemaContract.of(2,
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("line_starts", DataType.list(DataType.INT64)))));
        return mergeInputRelations(all);
    }

    /** The view {@code stack} makes of {@code views}, none when there are none. */
    private static Optional<String> stacked(List<String> views, Function<List<String>, String> stack) {
        return views.isEmpty() ? Optional.empty() : Optional.of(stack.apply(views));
    }

    /** How {@link #assemble} stacks the graph's outputs. */
    private enum Layout {
        /** One union per output over every part's views. */
        WHOLE,
        /** The outputs stored in groups, with {@link #OWNER_PATH}: file-local and other parts' rows stacked apart. */
        GROUPED,
        /** {@link #GROUPED}'s outputs of the parts that are not file-local only, and no adjacency outputs. */
        CROSS_FILE
    }

    /** The node, edge and property views of some parts, in assembly order. */
    private record Views(List<String> nodes, List<String> edges, List<String> props) {
        static Views of(List<CpgPart> parts, Predicate<CpgPart> which) {
            List<String> nodes = new ArrayList<>();
            List<String> edges = new ArrayList<>();
            List<String> props = new ArrayList<>();
            parts.stream().filter(which).forEach(part -> {
                nodes.addAll(part.nodeViews());
                edges.addAll(part.edgeViews());
                props.addAll(part.propViews());
            });
            return new Views(nodes, edges, props);
        }
    }

    private static SemanticSpec assemble(List<CpgPart> parts, Layout layout) {
        requireNonNull(parts, "parts is null");
        SemanticSpecBuilder builder = SemanticSpec.builder(NAME, VERSION);
        withLines(mergeInputs(parts)).forEach(builder::input);
        List<StoredView> stored = storedViews(parts);
        if (layout == Layout.CROSS_FILE) {
            // The stored views are read from their outputs, as the changed files' rows left them.
            Map<String, StoredView> read = new LinkedHashMap<>();
            for (StoredView view : stored) {
                builder.input(new InputRelation(storedOutput(view.view()), view.contract()));
                read.put(view.view(), view);
            }
            parts.forEach(part -> part.views().forEach(view -> builder.view(read.containsKey(view.name())
                    ? ViewDefinition.of(view.name(), ViewKind.PROJECT, RelSpec.scan(storedOutput(view.name()), "t")
                            .project(columns(read.get(view.name()).contract(), "t")))
                    : view)));
        } else {
            parts.forEach(part -> part.views().forEach(builder::view));
        }
        Views all = Views.of(parts, part -> true);
        List<OutputTarget> partOutputs = new ArrayList<>();
        parts.forEach(part -> partOutputs.addAll(part.outputs()));
        if (all.nodes.isEmpty()) {
            throw new IllegalStateException("no part of the CPG spec contributes a node view");
        }
        if (layout == Layout.WHOLE) {
            builder.output(NODES_OUTPUT, nodes(builder, all.nodes, ""), "cpg/" + NODES_OUTPUT, WriteMode.CREATE, NODES);
            if (!all.edges.isEmpty()) {
                builder.output(EDGES_OUTPUT, edges(builder, all.edges, ""), "cpg/" + EDGES_OUTPUT, WriteMode.CREATE, EDGES);
                addAdjacency(builder, "edges", "nodes");
            }
            if (!all.props.isEmpty()) {
                builder.output(PROPS_OUTPUT, props(builder, all.props, ""), "cpg/" + PROPS_OUTPUT, WriteMode.CREATE, PROPS);
            }
        } else {
            Views local = Views.of(parts, part -> layout == Layout.GROUPED && part.fileLocal());
            Views cross = Views.of(parts, part -> !part.fileLocal());
            Optional<String> nodes = addOwned(builder, NODES_OUTPUT, NODES, stacked(local.nodes, views -> nodes(builder, views, FILE_LOCAL)),
                    stacked(cross.nodes, views -> nodes(builder, views, CROSS_FILE)));
            Optional<String> localEdges = stacked(local.edges, views -> edges(builder, views, FILE_LOCAL));
            Optional<String> crossEdges = stacked(cross.edges, views -> edges(builder, views, CROSS_FILE));
            addOwned(builder, EDGES_OUTPUT, EDGES, localEdges, crossEdges);
            if (layout == Layout.GROUPED && (localEdges.isPresent() || crossEdges.isPresent())) {
                addGroupedAdjacency(builder, localEdges, crossEdges, nodes.orElseThrow(), Optional.empty());
            }
            addOwned(builder, PROPS_OUTPUT, PROPS, stacked(local.props, views -> props(builder, views, FILE_LOCAL)),
                    stacked(cross.props, views -> props(builder, views, CROSS_FILE)));
            if (layout == Layout.GROUPED) {
                addStored(builder, parts);
            }
        }
        partOutputs.forEach(builder::output);
        return builder.build();
    }

    /**
     * Adds output {@code output} with the {@linkplain #owned owned} {@code contract}: the union of the
     * rows of view {@code local}, owned by their {@code path}, and of view {@code cross}, owned by no
     * file (either may be absent); the output's view, empty when both are.
     */
    private static Optional<String> addOwned(SemanticSpecBuilder builder, String output, SchemaContract contract, Optional<String> local,
            Optional<String> cross) {
        List<RelSpec> owned = new ArrayList<>();
        local.ifPresent(view -> owned.add(RelSpec.scan(view).project(append(columns(contract, ""),
                col("path", DataType.STRING).as(OWNER_PATH)))));
        cross.ifPresent(view -> owned.add(RelSpec.scan(view).project(append(columns(contract, ""),
                Exprs.cast(Exprs.val(NO_FILE), DataType.STRING).as(OWNER_PATH)))));
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        String view = output.substring(NAME.length() + 1) + "_owned";
        builder.view(ViewDefinition.of(view, owned.size() == 1 ? ViewKind.PROJECT : ViewKind.UNION,
                owned.size() == 1 ? owned.get(0) : RelSpec.unionAll(owned.toArray(RelSpec[]::new))));
        builder.output(output, view, "cpg/" + output, WriteMode.CREATE, owned(contract));
        return Optional.of(view);
    }

    /**
     * Nodes stacked by name, with line and column looked up in the file's one line-index row; the
     * view's name, {@code nodes} followed by {@code suffix}.
     */
    private static String nodes(SemanticSpecBuilder builder, List<String> nodeViews, String suffix) {
        String stacked = stack(builder, NODE_SHAPE + suffix, NODE_VIEW, nodeViews, "nodes" + suffix + "_stacked");
        Field<List<Long>> lineStarts = col("l", "line_starts", DataType.list(DataType.INT64));
        Field<Long> bstart = col("n", "bstart", DataType.INT64);
        Field<Long> bend = col("n", "bend", DataType.INT64);
        List<NamedField<?>> columns = new ArrayList<>();
        for (ColumnContract column : NODES.columns()) {
            columns.add(switch (column.name()) {
                case "line" -> CpgFunctions.LINE_NUMBER.call(lineStarts, bstart).as("line");
                case "col" -> CpgFunctions.LINE_COLUMN.call(lineStarts, bstart).as("col");
                case "end_line" -> CpgFunctions.LINE_NUMBER.call(lineStarts, bend).as("end_line");
                case "end_col" -> CpgFunctions.LINE_COLUMN.call(lineStarts, bend).as("end_col");
                default -> col("n", column.name(), column.type()).as(column.name());
            });
        }
        RelSpec nodes = RelSpec.scan(stacked, "n")
                .join(RelSpec.scan(LINES, "l"), JoinType.LEFT, col("n", "file_id", DataType.STRING).eq(col("l", "file_id", DataType.STRING)))
                .project(columns);
        builder.view(ViewDefinition.of("nodes" + suffix, ViewKind.JOIN, nodes));
        return "nodes" + suffix;
    }

    /** Edges stacked by name behind their stable ids; the view's name, {@code edges} followed by {@code suffix}. */
    private static String edges(SemanticSpecBuilder builder, List<String> edgeViews, String suffix) {
        String stacked = stack(builder, EDGE_SHAPE + suffix, EDGE_VIEW, edgeViews, "edges" + suffix + "_stacked");
        List<NamedField<?>> columns = new ArrayList<>();
        columns.add(CpgFunctions.STABLE_EDGE_ID.call(col("edge_kind", DataType.STRING), col("src_node_id", DataType.STRING),
                col("dst_node_id", DataType.STRING), col("path", DataType.STRING),
                col("bstart", DataType.INT64), col("bend", DataType.INT64)).as("edge_id"));
        columns.addAll(columns(EDGE_VIEW, ""));
        builder.view(ViewDefinition.of("edges" + suffix, ViewKind.PROJECT, RelSpec.scan(stacked).project(columns)));
        return "edges" + suffix;
    }

    /** Properties stacked by name; the view's name, {@code props} followed by {@code suffix}. */
    private static String props(SemanticSpecBuilder builder, List<String> propViews, String suffix) {
        String view = stack(builder, PROP_SHAPE + suffix, PROPS, propViews, "props" + suffix + "_stacked");
        builder.view(ViewDefinition.of("props" + suffix, ViewKind.PROJECT, RelSpec.scan(view).project(columns(PROPS, ""))));
        return "props" + suffix;
    }

    /** The two adjacency outputs of {@link #assemble}, grouped from the edges of view {@code edges}, each node's path from view {@code nodes}. */
    private static void addAdjacency(SemanticSpecBuilder builder, String edges, String nodes) {
        addAdjacencyOutput(builder, "edges_by_src", EDGES_BY_SRC_OUTPUT, withPathOf(edges, nodes, SRC, Optional.empty()), SRC, DST, false);
        addAdjacencyOutput(builder, "edges_by_dst", EDGES_BY_DST_OUTPUT, withPathOf(edges, nodes, DST, Optional.empty()), DST, SRC, false);
    }

    /**
     * The two adjacency outputs of {@link #grouped} and {@link #adjacency}, owned by the node's path,
     * from the edges of the file-local parts (view {@code local}) and of the others ({@code cross}),
     * without a join for most of them: an edge's {@code path} is that of its source node, and a
     * file-local part's edge joins two nodes of its file, so only the target of an edge of the other
     * parts has its path looked up in view {@code nodes}. Only the rows of the nodes whose path
     * {@code owners} accepts, when given.
     */
    private static void addGroupedAdjacency(SemanticSpecBuilder builder, Optional<String> local, Optional<String> cross, String nodes,
            Optional<Function<Field<String>, Condition>> owners) {
        List<RelSpec> edges = new ArrayList<>();
        local.ifPresent(view -> edges.add(RelSpec.scan(view)));
        cross.ifPresent(view -> edges.add(RelSpec.scan(view)));
        addAdjacencyOutput(builder, "edges_by_src", EDGES_BY_SRC_OUTPUT, owned(union(edges), owners), SRC, DST, true);
        List<RelSpec> targets = new ArrayList<>();
        local.ifPresent(view -> targets.add(owned(RelSpec.scan(view), owners)));
        cross.ifPresent(view -> targets.add(withPathOf(view, nodes, DST, owners)));
        addAdjacencyOutput(builder, "edges_by_dst", EDGES_BY_DST_OUTPUT, union(targets), DST, SRC, true);
    }

    private static RelSpec union(List<RelSpec> inputs) {
        return inputs.size() == 1 ? inputs.get(0) : RelSpec.unionAll(inputs.toArray(RelSpec[]::new));
    }

    /** The rows of {@code edges} (with the columns of {@link #EDGES}) whose path {@code owners} accepts, when given. */
    private static RelSpec owned(RelSpec edges, Optional<Function<Field<String>, Condition>> owners) {
        return owners.isPresent() ? edges.filter(owners.get().apply(col("path", DataType.STRING))) : edges;
    }

    /**
     * The edges of view {@code edges} with the columns of {@link #EDGES}, {@code path} that of their
     * {@code node} end in view {@code nodes}; only those whose node's path {@code owners} accepts,
     * when given.
     */
    private static RelSpec withPathOf(String edges, String nodes, String node, Optional<Function<Field<String>, Condition>> owners) {
        Field<String> path = col("n", "path", DataType.STRING);
        RelSpec nodesOf = RelSpec.scan(nodes, "n");
        if (owners.isPresent()) {
            nodesOf = nodesOf.filter(owners.get().apply(path));
        }
        List<NamedField<?>> columns = new ArrayList<>();
        for (ColumnContract column : EDGES.columns()) {
            columns.add(column.name().equals("path") ? path.as("path") : col("e", column.name(), column.type()).as(column.name()));
        }
        return RelSpec.scan(edges, "e")
                .join(nodesOf, JoinType.INNER, col("e", node, DataType.STRING).eq(col("n", "node_id", DataType.STRING)))
                .project(columns);
    }

    /**
     * Adjacency output {@code output}: the edges of {@code input} (the columns of {@link #EDGES},
     * {@code path} that of the node at their {@code node} end), one row per node with its path and
     * its edges collected as a list of structs, {@code other} the far end; {@link #OWNER_PATH} the
     * path when {@code owned}.
     */
    private static void addAdjacencyOutput(SemanticSpecBuilder builder, String view, String output, RelSpec input, String node, String other,
            boolean owned) {
        Field<Long> bstart = col("bstart", DataType.INT64);
        Field<Long> bend = col("bend", DataType.INT64);
        Field<String> edgeId = col("edge_id", DataType.STRING);
        Field<String> kind = col("edge_kind", DataType.STRING);
        Field<String> otherNode = col(other, DataType.STRING);
        Field<Double> confidence = col("confidence", DataType.FLOAT64);
        Field<Map<String, Object>> edge = Exprs.struct(List.of(edgeId.as("edge_id"), kind.as("edge_kind"),
                otherNode.as("other_node_id"), bstart.as("bstart"), bend.as("bend"), confidence.as("confidence")));
        // Grouped by the node alone, its path one value per group: one key groups far faster than two.
        RelSpec grouped = input.aggregate(List.of(col(node, DataType.STRING).as("node_id")), List.of(
                AggregateCall.min(col("path", DataType.STRING), "path"),
                AggregateCall.count("edge_count"),
                // Every member of the struct is a key, so the list's order never depends on the rows' order.
                AggregateCall.collect(edge, "edges", SortKey.asc(kind), SortKey.asc(bstart), SortKey.asc(bend), SortKey.asc(edgeId),
                        SortKey.asc(otherNode), SortKey.asc(confidence))));
        Field<String> path = col("path", DataType.STRING);
        List<NamedField<?>> columns = columns(ADJACENCY, "");
        if (owned) {
            columns.add(path.as(OWNER_PATH));
        }
        RelSpec rows = grouped.project(columns);
        if (owned) {
            // In the order of their groups, the rows of no file last, so a grouped build streams them to their groups.
            rows = rows.sort(SortKey.asc(path.eq(NO_FILE)), SortKey.asc(path));
        }
        builder.view(ViewDefinition.of(view, ViewKind.AGGREGATE, rows));
        builder.output(output, view, "cpg/" + output, WriteMode.CREATE, owned ? owned(ADJACENCY) : ADJACENCY);
    }

    /**
     * Stacks {@code views} by name into {@code name}, led by an empty relation with every column of
     * {@code shape} as a typed NULL: a column no part gives (say {@code qualified_name} before
     * qualified names exist) is then NULL rather than missing, and the optimizer drops the empty
     * branch.
     */
    private static String stack(SemanticSpecBuilder builder, String shapeName, SchemaContract shape, List<String> views, String name) {
        List<NamedField<?>> nulls = new ArrayList<>();
        for (ColumnContract column : shape.columns()) {
            nulls.add(Exprs.nullOf(column.type()).as(column.name()));
        }
        builder.view(ViewDefinition.of(shapeName, ViewKind.FILTER,
                RelSpec.scan(views.get(0)).filter(Exprs.falseCondition()).project(nulls)));
        List<RelSpec> inputs = new ArrayList<>();
        inputs.add(RelSpec.scan(shapeName));
        views.forEach(view -> inputs.add(RelSpec.scan(view)));
        builder.view(ViewDefinition.of(name, ViewKind.UNION, RelSpec.unionAllByName(inputs.toArray(RelSpec[]::new))));
        return name;
    }

    private static List<NamedField<?>> columns(SchemaContract contract, String relation) {
        List<NamedField<?>> columns = new ArrayList<>();
        for (ColumnContract column : contract.columns()) {
            Field<?> field = relation.isEmpty() ? col(column.name(), column.type()) : col(relation, column.name(), column.type());
            columns.add(field.as(column.name()));
        }
        return columns;
    }

    private static List<ColumnContract> insertAfter(String name, List<ColumnContract> columns, ColumnContract... inserted) {
        List<ColumnContract> all = new ArrayList<>();
        for (ColumnContract column : columns) {
            all.add(column);
            if (column.name().equals(name)) {
                all.addAll(List.of(inserted));
            }
        }
        return all;
    }

    private static <T> List<T> append(List<T> first, T last) {
        List<T> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    private static List<ColumnContract> prepend(ColumnContract first, List<ColumnContract> rest) {
        List<ColumnContract> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** One input per table, with the union of the columns the parts ask for (same type required). */
    static List<InputRelation> mergeInputs(List<CpgPart> parts) {
        List<InputRelation> inputs = new ArrayList<>();
        parts.forEach(part -> inputs.addAll(part.inputs()));
        return mergeInputRelations(inputs);
    }

    private static List<InputRelation> mergeInputRelations(List<InputRelation> inputs) {
        Map<String, Map<String, ColumnContract>> tables = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (InputRelation input : inputs) {
            Map<String, ColumnContract> columns = tables.computeIfAbsent(input.name(), k -> new LinkedHashMap<>());
            versions.putIfAbsent(input.name(), input.schema().version());
            for (ColumnContract column : input.schema().columns()) {
                ColumnContract known = columns.putIfAbsent(column.name(), column);
                if (known != null && !known.type().equals(column.type())) {
                    throw new IllegalStateException("parts of the CPG spec disagree on the type of "
                            + input.name() + "." + column.name() + ": " + known + " and " + column);
                }
            }
        }
        List<InputRelation> merged = new ArrayList<>();
        tables.forEach((table, columns) -> merged.add(new InputRelation(table,
                new SchemaContract(versions.get(table), List.copyOf(columns.values())))));
        return merged;
    }
}
