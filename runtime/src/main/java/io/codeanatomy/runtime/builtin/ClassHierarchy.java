package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;
import static io.codeanatomy.api.expr.Exprs.val;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.bool;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i32;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i64;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.str;

import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import java.util.List;

/**
 * Classes: {@code INHERITS} edges from each class to the classes its positional bases name (found
 * by {@link ImportResolution}'s lookup, so a base imported or re-exported from another module
 * resolves like the import), external bases as {@code PY_EXTERNAL}; the method resolution order
 * of every class by C3 linearization, as the output {@value #MRO_OUTPUT}; and method lookup
 * through it ({@value #METHOD_LOOKUP}: class and method name to the defining function), the view
 * call resolution builds on.
 *
 * <p>The MRO is computed in the plan: the ancestors of each class are a recursive view, their
 * inheritance edges are collected per class into three parallel lists, and the scalar function
 * {@code c3_position} places each ancestor. A class gets no MRO rows when C3 finds no consistent
 * order (the property {@code mro_error} says so) or when one of its ancestors' positional bases
 * does not resolve to exactly one class (then the order cannot be known).
 */
public final class ClassHierarchy implements CpgPart {
    public static final String MRO_OUTPUT = "cpg_mro";

    /** Positional bases with their class node: {@code class_base_id, class_id, position, is_starred, path, bstart, bend}. */
    public static final String BASES = "cls_bases";
    /** Resolved bases: {@code class_base_id, class_id, position, base_id, base_qualified_name, via, is_external, span}. */
    public static final String INHERITS = "cls_inherits";
    /** One row per class: {@code class_id, qualified_name, complete} (every positional base resolves to one class). */
    public static final String CLASSES = "cls_classes";
    /** (root, ancestor): every class reachable from the root over bases, the root included. */
    public static final String ANCESTRY = "cls_ancestry";
    /** Per root: whether every ancestor's bases resolved, and the inheritance edges among its ancestors as lists. */
    public static final String HIERARCHY = "cls_hierarchy";
    /** The MRO rows: {@code class_id, mro_position, base_id, base_qualified_name}. */
    public static final String MRO = "cls_mro";
    /** (class, method name) to the function the MRO finds first: {@code class_id, method_name, function_id, defining_class_id, mro_position}. */
    public static final String METHOD_LOOKUP = "cls_method_lookup";
    public static final String INHERITS_EDGES = "cls_inherits_edges";
    public static final String MRO_PROPS = "cls_mro_props";

    /** The contract of {@value #MRO_OUTPUT}. */
    public static final SchemaContract MRO_CONTRACT = SchemaContract.of(1,
            ColumnContract.required("class_id", DataType.STRING),
            ColumnContract.required("mro_position", DataType.INT32),
            ColumnContract.required("base_id", DataType.STRING),
            ColumnContract.optional("base_qualified_name", DataType.STRING));

    static final String INCONSISTENT = "Cannot create a consistent method resolution order (MRO)";
    static final String UNRESOLVED = "a base of the class or of one of its ancestors does not resolve to one class";

    /** Bound on the ancestry recursion: one round per level of inheritance. */
    static final int MAX_INHERITANCE_DEPTH = 1000;

    @Override
    public List<InputRelation> inputs() {
        return List.of(ImportResolution.classBasesInput());
    }

    @Override
    public List<ViewDefinition> views() {
        return List.of(
                ViewDefinition.of(BASES, ViewKind.JOIN, bases()),
                ViewDefinition.of(INHERITS, ViewKind.JOIN, inherits()),
                ViewDefinition.of(CLASSES, ViewKind.JOIN, classes()),
                ViewDefinition.of(ANCESTRY, ViewKind.FIXPOINT, ancestry()),
                ViewDefinition.of(HIERARCHY, ViewKind.AGGREGATE, hierarchy()),
                ViewDefinition.of(MRO, ViewKind.UNION, mro()),
                ViewDefinition.of(METHOD_LOOKUP, ViewKind.RANK, methodLookup()),
                ViewDefinition.of(INHERITS_EDGES, ViewKind.PROJECT, inheritsEdges()),
                ViewDefinition.of(MRO_PROPS, ViewKind.JOIN, mroProps()));
    }

    @Override
    public List<String> edgeViews() {
        return List.of(INHERITS_EDGES);
    }

    @Override
    public List<String> propViews() {
        return List.of(MRO_PROPS);
    }

    @Override
    public List<OutputTarget> outputs() {
        return List.of(new OutputTarget(MRO_OUTPUT, MRO, "cpg/" + MRO_OUTPUT, WriteMode.CREATE, MRO_CONTRACT));
    }

    private static RelSpec bases() {
        return RelSpec.scan(ImportResolution.CLASS_BASES, "b")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "c"), JoinType.INNER, str("c", "def_id").eq(str("b", "def_id")))
                .filter(i32("b", "position").ge(0))
                .project(str("b", "class_base_id").as("class_base_id"), str("c", "node_id").as("class_id"), i32("b", "position").as("position"),
                        bool("b", "is_starred").as("is_starred"), str("b", "path").as("path"), i64("b", "bstart").as("bstart"),
                        i64("b", "bend").as("bend"));
    }

    /** Each base's targets that are classes (in the repository) or external names. */
    private static RelSpec inherits() {
        Condition external = str("t", "external_name").isNotNull();
        return RelSpec.scan(BASES, "x")
                .join(RelSpec.scan(ImportResolution.TARGETS, "t"), JoinType.INNER, str("t", "requester_id").eq(str("x", "class_base_id")))
                .join(RelSpec.scan(DefinitionNodes.DEF_NODES, "d"), JoinType.LEFT, str("d", "node_id").eq(str("t", "target_id")))
                .filter(external.or(str("d", "node_kind").eq("PY_CLASS")))
                .project(str("x", "class_base_id").as("class_base_id"), str("x", "class_id").as("class_id"), i32("x", "position").as("position"),
                        Exprs.coalesce(str("t", "target_id"), ImportResolution.externalId(str("t", "external_name"))).as("base_id"),
                        Exprs.coalesce(str("d", "qualified_name"), str("t", "external_name")).as("base_qualified_name"),
                        i32("t", "via").as("via"), external.as("is_external"),
                        str("x", "path").as("path"), i64("x", "bstart").as("bstart"), i64("x", "bend").as("bend"));
    }

    /**
     * Every class with whether its order can be known from its own bases: each positional base
     * resolves to exactly one class or external name, and none is starred.
     */
    private static RelSpec classes() {
        RelSpec perBase = RelSpec.scan(BASES, "x")
                .join(RelSpec.scan(INHERITS, "i"), JoinType.LEFT, str("i", "class_base_id").eq(str("x", "class_base_id")))
                .aggregate(List.of(str("x", "class_id").as("class_id"), str("x", "class_base_id").as("class_base_id"),
                                bool("x", "is_starred").as("is_starred")),
                        List.of(AggregateCall.count(str("i", "base_id"), "targets")))
                .as("p")
                .project(str("p", "class_id").as("class_id"),
                        Exprs.when(i64("p", "targets").eq(1L).and(bool("p", "is_starred").not()), val(0)).otherwise(val(1)).as("unknown"))
                .as("u")
                .aggregate(List.of(str("u", "class_id").as("class_id")), List.of(AggregateCall.max(i32("u", "unknown"), "unknown")));
        return RelSpec.scan(DefinitionNodes.DEF_NODES, "c").filter(str("c", "node_kind").eq("PY_CLASS"))
                .join(perBase.as("k"), JoinType.LEFT, str("k", "class_id").eq(str("c", "node_id")))
                .project(str("c", "node_id").as("class_id"), str("c", "qualified_name").as("qualified_name"),
                        Exprs.coalesce(i32("k", "unknown"), 0).as("unknown"));
    }

    /** (root, ancestor, ancestor's qualified name): the root at the start, then its bases' ancestors. */
    private static RelSpec ancestry() {
        RelSpec seed = RelSpec.scan(CLASSES, "c")
                .project(str("c", "class_id").as("root_id"), str("c", "class_id").as("ancestor_id"), str("c", "qualified_name").as("qualified_name"));
        RelSpec step = RelSpec.scan(ANCESTRY, "a")
                .join(RelSpec.scan(INHERITS, "i"), JoinType.INNER, str("i", "class_id").eq(str("a", "ancestor_id")))
                .project(str("a", "root_id").as("root_id"), str("i", "base_id").as("ancestor_id"),
                        str("i", "base_qualified_name").as("qualified_name"));
        return RecursiveRel.fixpoint(ANCESTRY, seed, step, MAX_INHERITANCE_DEPTH);
    }

    /**
     * Per root: {@code unknown} (1 when some ancestor's bases do not resolve), and the inheritance
     * edges among its ancestors as parallel lists, an explicit {@code object} base left out
     * ({@code object} ends every order anyway).
     */
    private static RelSpec hierarchy() {
        Field<String> sub = str("i", "class_id");
        Field<Integer> position = i32("i", "position");
        RelSpec edges = RelSpec.scan(ANCESTRY, "a")
                .join(RelSpec.scan(CLASSES, "k"), JoinType.INNER, str("k", "class_id").eq(str("a", "ancestor_id")))
                .join(RelSpec.scan(INHERITS, "i"), JoinType.LEFT, str("i", "class_id").eq(str("a", "ancestor_id"))
                        .and(str("i", "base_id").ne(ImportResolution.externalId(val(ImportResolution.OBJECT)))));
        // A base expression can name two classes (a conditional import): the base id breaks the tie, so
        // the three arrays line up in one order whatever engine computes them.
        Field<String> base = str("i", "base_id");
        SortKey[] order = {SortKey.asc(sub), SortKey.asc(position), SortKey.asc(base)};
        return edges.aggregate(List.of(str("a", "root_id").as("root_id")), List.of(
                AggregateCall.max(i32("k", "unknown"), "unknown"),
                AggregateCall.collect(sub, "subs", order),
                AggregateCall.collect(position, "positions", order),
                AggregateCall.collect(base, "bases", order)));
    }

    /** Each ancestor at its C3 position, then {@code object} after the last one. */
    private static RelSpec mro() {
        RelSpec placed = RelSpec.scan(ANCESTRY, "a")
                .filter(str("a", "ancestor_id").ne(ImportResolution.externalId(val(ImportResolution.OBJECT))))
                .join(RelSpec.scan(HIERARCHY, "h"), JoinType.INNER, str("h", "root_id").eq(str("a", "root_id")).and(i32("h", "unknown").eq(0)))
                .project(str("a", "root_id").as("class_id"),
                        CpgFunctions.C3_POSITION.call(str("a", "root_id"), col("h", "subs", DataType.list(DataType.STRING)),
                                col("h", "positions", DataType.list(DataType.INT32)), col("h", "bases", DataType.list(DataType.STRING)),
                                str("a", "ancestor_id")).as("mro_position"),
                        str("a", "ancestor_id").as("base_id"), str("a", "qualified_name").as("base_qualified_name"))
                .as("p")
                .filter(i32("p", "mro_position").isNotNull());
        RelSpec object = placed.aggregate(List.of(str("p", "class_id").as("class_id")), List.of(AggregateCall.count("n")))
                .as("o")
                .project(str("o", "class_id").as("class_id"), Exprs.cast(i64("o", "n"), DataType.INT32).as("mro_position"),
                        ImportResolution.externalId(val(ImportResolution.OBJECT)).as("base_id"), val(ImportResolution.OBJECT).as("base_qualified_name"));
        return RelSpec.unionAllByName(placed.project(str("p", "class_id").as("class_id"), i32("p", "mro_position").as("mro_position"),
                str("p", "base_id").as("base_id"), str("p", "base_qualified_name").as("base_qualified_name")), object);
    }

    /**
     * The function each (class, method name) finds through the MRO: the first class in the order
     * whose body defines a function of that name (the last such {@code def} of that body, which
     * is the one bound when the body has run).
     */
    private static RelSpec methodLookup() {
        return RelSpec.scan(MRO, "m")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "c"), JoinType.INNER, str("c", "node_id").eq(str("m", "base_id")))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "f"), JoinType.INNER, str("f", "parent_def_id").eq(str("c", "def_id"))
                        .and(str("f", "def_kind").in(List.of("FUNCTION", "ASYNC_FUNCTION"))))
                .topPerGroup(List.of(str("m", "class_id"), str("f", "name")), 1, SortKey.asc(i32("m", "mro_position")),
                        SortKey.desc(i64("f", "bstart")))
                .project(str("m", "class_id").as("class_id"), str("f", "name").as("method_name"), str("f", "node_id").as("function_id"),
                        str("c", "node_id").as("defining_class_id"), i32("m", "mro_position").as("mro_position"));
    }

    /**
     * {@code resolution_method}: {@code name} for a base named in the class's module, {@code import}
     * through an import, {@code star} through a star import, {@code external} for a name outside
     * the repository; confidence as for {@code IMPORTS}.
     */
    private static RelSpec inheritsEdges() {
        Field<Integer> via = i32("i", "via");
        Condition external = bool("i", "is_external");
        Field<String> method = Exprs.when(external, StructureGraph.varchar("external"))
                .when(via.eq(2), StructureGraph.varchar("star"))
                .when(via.eq(1), StructureGraph.varchar("import"))
                .otherwise(StructureGraph.varchar("name"));
        return RelSpec.scan(INHERITS, "i")
                .project(val("INHERITS").as("edge_kind"), str("i", "class_id").as("src_node_id"), str("i", "base_id").as("dst_node_id"),
                        str("i", "path").as("path"), i64("i", "bstart").as("bstart"), i64("i", "bend").as("bend"),
                        val("name").as("origin"), method.as("resolution_method"),
                        Exprs.when(external.or(via.eq(2)), val(0.9)).otherwise(val(1.0)).as("confidence"));
    }

    /** {@code mro_error} on a class without MRO rows: why. */
    private static RelSpec mroProps() {
        return RelSpec.scan(HIERARCHY, "h")
                .join(RelSpec.scan(MRO, "m"), JoinType.LEFT, str("m", "class_id").eq(str("h", "root_id")).and(i32("m", "mro_position").eq(0)))
                .filter(str("m", "class_id").isNull())
                .project(str("h", "root_id").as("entity_id"), val("mro_error").as("prop_key"), val("STRING").as("value_type"),
                        Exprs.when(i32("h", "unknown").eq(0), StructureGraph.varchar(INCONSISTENT))
                                .otherwise(StructureGraph.varchar(UNRESOLVED)).as("value_string"));
    }
}
