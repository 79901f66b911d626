package io.codeanatomy.runtime.ask;

import static io.codeanatomy.api.expr.Exprs.col;
import static io.codeanatomy.api.expr.Exprs.val;

import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.RelTemplate;
import io.codeanatomy.api.rel.SemiNaiveRel;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The saved graph questions (docs/cli.md, "Graph questions"): each a template of a view over a
 * build's CPG tables. Callers, callees and reachability walk {@code cpg_call_graph}; subclasses
 * walk {@code INHERITS}; all walks are recursive views, bounded.
 */
public final class GraphQuestions {
    static final String NODES = "cpg_nodes";
    static final String EDGES = "cpg_edges";
    static final String CALL_GRAPH = "cpg_call_graph";
    static final String MRO = "cpg_mro";
    static final String EXPRS = "py_exprs_v1";

    private static final DataType<String> STR = DataType.STRING;
    private static final DataType<Integer> INT = DataType.INT32;
    private static final DataType<Boolean> BOOL = DataType.BOOLEAN;

    /** The bound of an unbounded walk (reachable, subclasses): far above any real call or class chain. */
    static final int MAX_WALK = 10_000;
    private static final String WALK = "ask_walk";
    /** The last round's new rows of a semi-naive walk. */
    private static final String WALK_DELTA = "ask_walk_delta";
    private static final String QUALIFIED_NAME = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_<>][A-Za-z0-9_<>]*)*";
    private static final String DEPTH = "[1-9][0-9]{0,3}";
    private static final Pattern LOCATION = Pattern.compile("(.+):([1-9][0-9]*):([1-9][0-9]*)");

    /**
     * Methods Python calls by itself (the data model's special methods and the module hooks), which
     * no call site names: never reported dead.
     */
    static final Set<String> IMPLICITLY_CALLED = Set.of("__init__", "__new__", "__del__", "__repr__", "__str__", "__bytes__",
            "__format__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__hash__", "__bool__", "__getattr__",
            "__getattribute__", "__setattr__", "__delattr__", "__dir__", "__get__", "__set__", "__delete__", "__set_name__",
            "__init_subclass__", "__class_getitem__", "__mro_entries__", "__instancecheck__", "__subclasscheck__", "__call__",
            "__len__", "__length_hint__", "__getitem__", "__setitem__", "__delitem__", "__missing__", "__iter__", "__next__",
            "__reversed__", "__contains__", "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__",
            "__mod__", "__divmod__", "__pow__", "__lshift__", "__rshift__", "__and__", "__xor__", "__or__", "__radd__",
            "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rdivmod__", "__rpow__",
            "__rlshift__", "__rrshift__", "__rand__", "__rxor__", "__ror__", "__iadd__", "__isub__", "__imul__", "__imatmul__",
            "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__",
            "__ior__", "__neg__", "__pos__", "__abs__", "__invert__", "__complex__", "__int__", "__float__", "__index__",
            "__round__", "__trunc__", "__floor__", "__ceil__", "__enter__", "__exit__", "__await__", "__aiter__", "__anext__",
            "__aenter__", "__aexit__", "__buffer__", "__release_buffer__", "__copy__", "__deepcopy__", "__reduce__",
            "__reduce_ex__", "__getstate__", "__setstate__", "__getnewargs__", "__getnewargs_ex__", "__post_init__",
            "__fspath__", "__sizeof__", "__subclasshook__", "__prepare__", "__getinitargs__");

    private static final List<GraphQuestion> ALL = List.of(
            new GraphQuestion("callers", "The functions, classes and modules whose code calls FUNCTION, directly or through up to DEPTH calls.",
                    List.of(function(), depth()), RelTemplate.of("callers", List.of("function", "depth"),
                            args -> callWalk(args.get("function"), Integer.parseInt(args.get("depth")), true)), answer("depth", INT, "qualified_name", STR, "kind", STR, "path", STR, "line", INT, "column", INT)),
            new GraphQuestion("callees", "The functions and classes FUNCTION calls, directly or through up to DEPTH calls.",
                    List.of(function(), depth()), RelTemplate.of("callees", List.of("function", "depth"),
                            args -> callWalk(args.get("function"), Integer.parseInt(args.get("depth")), false)), answer("depth", INT, "qualified_name", STR, "kind", STR, "path", STR, "line", INT, "column", INT)),
            new GraphQuestion("reachable", "Everything FUNCTION can reach through calls, at any depth.",
                    List.of(function()), RelTemplate.of("reachable", List.of("function"), args -> reachable(args.get("function"))), answer("qualified_name", STR, "kind", STR, "path", STR, "line", INT, "column", INT)),
            new GraphQuestion("definition", "What the name at FILE:LINE:COLUMN (line and column from 1, as editors count) refers to.",
                    List.of(QuestionParameter.required("location", "FILE:LINE:COLUMN with LINE and COLUMN counted from 1", LOCATION.pattern())),
                    RelTemplate.of("definition", List.of("location"), args -> definition(args.get("location"))), answer("name", STR, "kind", STR, "definition", STR, "path", STR, "line", INT, "column", INT, "imports", STR, "imports_kind", STR)),
            new GraphQuestion("imports", "What each import of MODULE names: the module, package or definition it reaches.",
                    List.of(module()), RelTemplate.of("imports", List.of("module"), args -> imports(args.get("module"))), answer("line", INT, "alias", STR, "target", STR, "kind", STR, "via", STR)),
            new GraphQuestion("importers", "The imports that reach MODULE or a name defined in it, and the modules they are in.",
                    List.of(module()), RelTemplate.of("importers", List.of("module"), args -> importers(args.get("module"))), answer("importer", STR, "path", STR, "line", INT, "imported", STR)),
            new GraphQuestion("dependents", "The modules whose imports reach MODULE, directly or through other modules: what a change of "
                    + "MODULE can affect.",
                    List.of(module()), RelTemplate.of("dependents", List.of("module"), args -> dependents(args.get("module"))),
                    answer("importer", STR, "path", STR, "direct", BOOL)),
            new GraphQuestion("subclasses", "The classes that inherit from CLASS, directly or not, with their distance.",
                    List.of(clazz()), RelTemplate.of("subclasses", List.of("class"), args -> subclasses(args.get("class"))), answer("depth", INT, "qualified_name", STR, "path", STR, "line", INT, "column", INT)),
            new GraphQuestion("superclasses", "CLASS's method resolution order after the class itself, as CPython's __mro__ orders it.",
                    List.of(clazz()), RelTemplate.of("superclasses", List.of("class"), args -> superclasses(args.get("class"))), answer("mro_position", INT, "qualified_name", STR, "kind", STR, "path", STR, "line", INT)),
            new GraphQuestion("unresolved", "The calls in MODULE that no CALLS edge resolves.",
                    List.of(module()), RelTemplate.of("unresolved", List.of("module"), args -> unresolved(args.get("module"))), answer("line", INT, "column", INT, "callee", STR)),
            new GraphQuestion("dead", "Functions defined in MODULE (or anywhere, for *) that nothing calls, reads, imports or decorates.",
                    List.of(QuestionParameter.optional("module", "a module's qualified name (pkg.mod) or * for every module",
                            QUALIFIED_NAME + "|\\*", "*")),
                    RelTemplate.of("dead", List.of("module"), args -> dead(args.get("module"))), answer("qualified_name", STR, "path", STR, "line", INT, "column", INT)));

    private GraphQuestions() {
    }

    /** A contract of (name, type) pairs; every column may be null (a left join's, a node without a line, a table's optional column). */
    private static SchemaContract answer(Object... pairs) {
        List<ColumnContract> columns = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.add(ColumnContract.optional((String) pairs[i], (DataType<?>) pairs[i + 1]));
        }
        return new SchemaContract(1, columns);
    }

    public static List<GraphQuestion> all() {
        return ALL;
    }

    /**
     * The columns questions read of extraction tables the built-in spec may not read itself (so
     * it gives them no contract): {@code dead} reads attribute loads from {@code py_exprs_v1}.
     */
    public static List<InputRelation> extractionInputs() {
        return List.of(new InputRelation(EXPRS, answer("kind", STR, "ctx", STR, "attr", STR)));
    }

    public static Optional<GraphQuestion> named(String name) {
        return ALL.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    private static QuestionParameter function() {
        return QuestionParameter.required("function", "a function's qualified name (pkg.mod.f, pkg.mod.C.m)", QUALIFIED_NAME);
    }

    private static QuestionParameter module() {
        return QuestionParameter.required("module", "a module's qualified name (pkg.mod)", QUALIFIED_NAME);
    }

    private static QuestionParameter clazz() {
        return QuestionParameter.required("class", "a class's qualified name (pkg.mod.C, or an external one such as json.JSONDecoder)",
                QUALIFIED_NAME);
    }

    private static QuestionParameter depth() {
        return QuestionParameter.optional("depth", "a whole number of calls from 1 to 9999", DEPTH, "1");
    }

    private static Field<String> str(String relation, String name) {
        return col(relation, name, DataType.STRING);
    }

    private static Field<Integer> i32(String relation, String name) {
        return col(relation, name, DataType.INT32);
    }

    /** A column of the projected answer, to order it by. */
    private static Field<String> outStr(String name) {
        return col(name, DataType.STRING);
    }

    private static Field<Integer> outInt(String name) {
        return col(name, DataType.INT32);
    }

    /** {@code alias}'s 0-based byte column as editors count it, from 1. */
    private static Field<Integer> column(String alias) {
        return Exprs.plus(i32(alias, "col"), 1);
    }

    /**
     * Callers (or callees) of {@code function} up to {@code depth} calls away: a recursive view of
     * (node, qualified name, distance) over {@code cpg_call_graph}, the nearest distance per node.
     */
    private static RelSpec callWalk(String function, int depth, boolean callers) {
        String near = callers ? "caller" : "callee";
        String far = callers ? "callee" : "caller";
        RelSpec seed = RelSpec.scan(CALL_GRAPH, "g").filter(str("g", far + "_qualified_name").eq(function))
                .project(str("g", near + "_id").as("node_id"), str("g", near + "_qualified_name").as("qualified_name"),
                        val(1).as("depth"));
        RelSpec step = RelSpec.scan(WALK, "w").filter(i32("w", "depth").lt(depth))
                .join(RelSpec.scan(CALL_GRAPH, "g"), JoinType.INNER, str("g", far + "_id").eq(str("w", "node_id")))
                .project(str("g", near + "_id").as("node_id"), str("g", near + "_qualified_name").as("qualified_name"),
                        Exprs.plus(i32("w", "depth"), 1).as("depth"));
        RelSpec nearest = RecursiveRel.fixpoint(WALK, seed, step, depth).as("w")
                .aggregate(List.of(str("w", "node_id").as("node_id"), str("w", "qualified_name").as("qualified_name")),
                        List.of(AggregateCall.min(i32("w", "depth"), "depth")));
        return withLocation(nearest, "depth", "qualified_name")
                .sort(SortKey.asc(outInt("depth")), SortKey.asc(outStr("qualified_name")));
    }

    /** Adds the node's kind, path, line and column (from 1) to rows with a {@code node_id}, aliased {@code a}. */
    private static RelSpec withLocation(RelSpec rows, String... columns) {
        List<NamedField<?>> fields = new ArrayList<>();
        for (String column : columns) {
            fields.add(column.equals("depth") ? i32("a", column).as(column) : str("a", column).as(column));
        }
        fields.add(str("n", "node_kind").as("kind"));
        fields.add(str("n", "path").as("path"));
        fields.add(i32("n", "line").as("line"));
        fields.add(column("n").as("column"));
        return rows.as("a").join(RelSpec.scan(NODES, "n"), JoinType.LEFT, str("n", "node_id").eq(str("a", "node_id"))).project(fields);
    }

    private static RelSpec reachable(String function) {
        RelSpec seed = RelSpec.scan(CALL_GRAPH, "g").filter(str("g", "caller_qualified_name").eq(function))
                .project(str("g", "callee_id").as("node_id"), str("g", "callee_qualified_name").as("qualified_name"));
        RelSpec step = RelSpec.scan(WALK, "w")
                .join(RelSpec.scan(CALL_GRAPH, "g"), JoinType.INNER, str("g", "caller_id").eq(str("w", "node_id")))
                .project(str("g", "callee_id").as("node_id"), str("g", "callee_qualified_name").as("qualified_name"));
        return withLocation(RecursiveRel.fixpoint(WALK, seed, step, MAX_WALK), "qualified_name")
                .sort(SortKey.asc(outStr("qualified_name")));
    }

    private static Condition kind(String alias, String... kinds) {
        return kinds.length == 1 ? str(alias, "node_kind").eq(kinds[0]) : str(alias, "node_kind").in(List.of(kinds));
    }

    private static Condition edge(String alias, String... kinds) {
        return kinds.length == 1 ? str(alias, "edge_kind").eq(kinds[0]) : str(alias, "edge_kind").in(List.of(kinds));
    }

    /**
     * The name at a position: its binding ({@code READS}/{@code WRITES}/{@code DELETES}), the
     * binding that one refers to when it is free or global ({@code RESOLVES_TO}, which also reaches
     * builtins), what binds it ({@code DEFINES}: a function, class, parameter or import alias; for
     * a variable only assignments bind, the names that store it), and for an import alias what the
     * import reaches ({@code IMPORTS}).
     */
    private static RelSpec definition(String location) {
        Matcher at = LOCATION.matcher(location);
        if (!at.matches()) {
            throw new InvalidQuestionException("a location is FILE:LINE:COLUMN, not '" + location + "'.");
        }
        String path = at.group(1);
        int line = Integer.parseInt(at.group(2));
        int col0 = Integer.parseInt(at.group(3)) - 1;
        Field<String> binding = Exprs.coalesce(str("r", "dst_node_id"), str("u", "dst_node_id"));
        return RelSpec.scan(NODES, "x")
                .filter(kind("x", "PY_NAME").and(str("x", "path").eq(path)).and(i32("x", "line").eq(line))
                        .and(i32("x", "col").le(col0)).and(i32("x", "end_col").gt(col0)))
                .join(RelSpec.scan(EDGES, "u"), JoinType.INNER, str("u", "src_node_id").eq(str("x", "node_id"))
                        .and(edge("u", "READS", "WRITES", "DELETES")))
                .join(RelSpec.scan(EDGES, "r"), JoinType.LEFT, str("r", "src_node_id").eq(str("u", "dst_node_id")).and(edge("r", "RESOLVES_TO")))
                .join(RelSpec.scan(EDGES, "d"), JoinType.LEFT, str("d", "src_node_id").eq(binding).and(edge("d", "DEFINES")))
                // A binding no definition binds (an assignment's): the names that store it.
                .join(RelSpec.scan(EDGES, "w"), JoinType.LEFT, str("w", "dst_node_id").eq(binding).and(edge("w", "WRITES"))
                        .and(str("d", "dst_node_id").isNull()))
                .join(RelSpec.scan(NODES, "k"), JoinType.INNER, str("k", "node_id")
                        .eq(Exprs.coalesce(str("d", "dst_node_id"), str("w", "src_node_id"), str("r", "dst_node_id")))
                        .and(kind("k", "PY_BINDING").not()))
                .join(RelSpec.scan(EDGES, "i"), JoinType.LEFT, str("i", "src_node_id").eq(str("k", "node_id")).and(edge("i", "IMPORTS")))
                .join(RelSpec.scan(NODES, "t"), JoinType.LEFT, str("t", "node_id").eq(str("i", "dst_node_id")))
                .project(str("x", "name").as("name"), str("k", "node_kind").as("kind"),
                        Exprs.coalesce(str("k", "qualified_name"), str("k", "name")).as("definition"),
                        str("k", "path").as("path"), i32("k", "line").as("line"), column("k").as("column"),
                        str("t", "qualified_name").as("imports"), str("t", "node_kind").as("imports_kind"))
                .sort(SortKey.asc(outStr("path")), SortKey.asc(outInt("line")), SortKey.asc(outStr("imports")));
    }

    private static RelSpec module(String alias, String module) {
        return RelSpec.scan(NODES, alias).filter(kind(alias, "PY_MODULE").and(str(alias, "qualified_name").eq(module)));
    }

    private static RelSpec imports(String module) {
        return module("m", module)
                .join(RelSpec.scan(NODES, "a"), JoinType.INNER, str("a", "path").eq(str("m", "path")).and(kind("a", "PY_IMPORT_ALIAS")))
                .join(RelSpec.scan(EDGES, "i"), JoinType.LEFT, str("i", "src_node_id").eq(str("a", "node_id")).and(edge("i", "IMPORTS")))
                .join(RelSpec.scan(NODES, "t"), JoinType.LEFT, str("t", "node_id").eq(str("i", "dst_node_id")))
                .project(i32("a", "line").as("line"), str("a", "name").as("alias"), str("t", "qualified_name").as("target"),
                        str("t", "node_kind").as("kind"), str("i", "resolution_method").as("via"))
                .sort(SortKey.asc(outInt("line")), SortKey.asc(outStr("alias")), SortKey.asc(outStr("target")));
    }

    private static RelSpec importers(String module) {
        return RelSpec.scan(EDGES, "i").filter(edge("i", "IMPORTS"))
                .join(RelSpec.scan(NODES, "t"), JoinType.INNER, str("t", "node_id").eq(str("i", "dst_node_id"))
                        .and(str("t", "qualified_name").eq(module).or(CpgFunctions.QUALIFIED_NAME_PARENT.call(str("t", "qualified_name")).eq(module))))
                .join(RelSpec.scan(NODES, "a"), JoinType.INNER, str("a", "node_id").eq(str("i", "src_node_id")))
                .join(RelSpec.scan(NODES, "m"), JoinType.LEFT, str("m", "path").eq(str("a", "path")).and(kind("m", "PY_MODULE")))
                .project(str("m", "qualified_name").as("importer"), str("a", "path").as("path"), i32("a", "line").as("line"),
                        str("t", "qualified_name").as("imported"))
                .sort(SortKey.asc(outStr("path")), SortKey.asc(outInt("line")), SortKey.asc(outStr("imported")));
    }

    /**
     * The files whose imports reach a node of {@code module}'s file (the module, or a name defined
     * in it), directly or through the imports of other files: a set fixpoint over the {@code IMPORTS}
     * edges between files (cycles of imports end it), each file with its module and whether it
     * imports {@code module} itself. The walk starts at the module's file (level 0) and gives each
     * file it reaches level 1 from there, 2 from anywhere else, so a file has at most three rows, its
     * lowest level says whether it is a direct importer, and the module's own file (level 0) is left out.
     */
    private static RelSpec dependents(String module) {
        RelSpec seed = module("m", module).project(str("m", "path").as("path"), val(0).as("level"));
        // Semi-naive: each round joins only the rows new in the last one.
        RelSpec step = RelSpec.scan(WALK_DELTA, "w")
                .join(fileImports("i"), JoinType.INNER, str("i", "imported_path").eq(str("w", "path")))
                .project(str("i", "importer_path").as("path"), Exprs.when(i32("w", "level").eq(0), val(1)).otherwise(val(2)).as("level"));
        return new SemiNaiveRel(WALK_DELTA, WALK, seed, step, MAX_WALK).as("w")
                .aggregate(List.of(str("w", "path").as("path")), List.of(AggregateCall.min(i32("w", "level"), "level"))).as("a")
                .filter(i32("a", "level").gt(0))
                .join(RelSpec.scan(NODES, "n"), JoinType.LEFT, str("n", "path").eq(str("a", "path")).and(kind("n", "PY_MODULE")))
                .project(str("n", "qualified_name").as("importer"), str("a", "path").as("path"), i32("a", "level").eq(1).as("direct"))
                .sort(SortKey.asc(outStr("path")));
    }

    /** Which file imports which ({@code importer_path}, {@code imported_path}): the ends of the {@code IMPORTS} edges between two files, aliased {@code alias}. */
    private static RelSpec fileImports(String alias) {
        return RelSpec.scan(EDGES, "e").filter(edge("e", "IMPORTS"))
                .join(RelSpec.scan(NODES, "t"), JoinType.INNER, str("t", "node_id").eq(str("e", "dst_node_id")))
                .filter(str("t", "path").ne("").and(str("t", "path").ne(str("e", "path"))))
                .aggregate(List.of(str("e", "path").as("importer_path"), str("t", "path").as("imported_path")), List.of()).as(alias);
    }

    private static RelSpec subclasses(String clazz) {
        RelSpec seed = RelSpec.scan(EDGES, "e").filter(edge("e", "INHERITS"))
                .join(RelSpec.scan(NODES, "t"), JoinType.INNER, str("t", "node_id").eq(str("e", "dst_node_id")).and(str("t", "qualified_name").eq(clazz)))
                .project(str("e", "src_node_id").as("node_id"), val(1).as("depth"));
        RelSpec step = RelSpec.scan(WALK, "w").join(RelSpec.scan(EDGES, "e"), JoinType.INNER,
                        str("e", "dst_node_id").eq(str("w", "node_id")).and(edge("e", "INHERITS")))
                .project(str("e", "src_node_id").as("node_id"), Exprs.plus(i32("w", "depth"), 1).as("depth"));
        RelSpec nearest = RecursiveRel.fixpoint(WALK, seed, step, MAX_WALK).as("w")
                .aggregate(List.of(str("w", "node_id").as("node_id")), List.of(AggregateCall.min(i32("w", "depth"), "depth")));
        return nearest.as("a").join(RelSpec.scan(NODES, "n"), JoinType.INNER, str("n", "node_id").eq(str("a", "node_id")))
                .project(i32("a", "depth").as("depth"), str("n", "qualified_name").as("qualified_name"), str("n", "path").as("path"),
                        i32("n", "line").as("line"), column("n").as("column"))
                .sort(SortKey.asc(outInt("depth")), SortKey.asc(outStr("qualified_name")));
    }

    private static RelSpec superclasses(String clazz) {
        return RelSpec.scan(NODES, "c").filter(kind("c", "PY_CLASS").and(str("c", "qualified_name").eq(clazz)))
                .join(RelSpec.scan(MRO, "m"), JoinType.INNER, str("m", "class_id").eq(str("c", "node_id")).and(i32("m", "mro_position").gt(0)))
                .join(RelSpec.scan(NODES, "b"), JoinType.LEFT, str("b", "node_id").eq(str("m", "base_id")))
                .project(i32("m", "mro_position").as("mro_position"), str("m", "base_qualified_name").as("qualified_name"),
                        str("b", "node_kind").as("kind"), str("b", "path").as("path"), i32("b", "line").as("line"))
                .sort(SortKey.asc(outInt("mro_position")));
    }

    /** The set of {@code column} values of the edges of {@code kinds}, as {@code key}, aliased {@code alias}. */
    private static RelSpec edgeEnds(String alias, String column, String... kinds) {
        return RelSpec.scan(EDGES, "e").filter(edge("e", kinds))
                .aggregate(List.of(str("e", column).as("key")), List.of()).as(alias);
    }

    private static RelSpec unresolved(String module) {
        return module("m", module)
                .join(RelSpec.scan(NODES, "c"), JoinType.INNER, str("c", "path").eq(str("m", "path")).and(kind("c", "PY_CALL")))
                .join(edgeEnds("r", "src_node_id", "CALLS"), JoinType.LEFT, str("r", "key").eq(str("c", "node_id")))
                .filter(str("r", "key").isNull())
                .project(i32("c", "line").as("line"), column("c").as("column"), str("c", "name").as("callee"))
                .sort(SortKey.asc(outInt("line")), SortKey.asc(outInt("column")));
    }

    /**
     * Functions nothing uses: no {@code CALLS}, {@code IMPORTS} or {@code DECORATES} edge reaches
     * them, no name reads their binding (directly, or through a free or global binding that
     * {@code RESOLVES_TO} it), no attribute load anywhere has their name (a method may be called
     * through a receiver the analysis does not follow), and Python does not call them by itself.
     */
    private static RelSpec dead(String module) {
        RelSpec functions = RelSpec.scan(NODES, "f").filter(kind("f", "PY_FUNCTION").and(str("f", "name").in(IMPLICITLY_CALLED).not()));
        if (!module.equals("*")) {
            functions = functions.join(module("m", module), JoinType.INNER, str("m", "path").eq(str("f", "path")));
        }
        RelSpec directReads = RelSpec.scan(EDGES, "d").filter(edge("d", "DEFINES"))
                .join(RelSpec.scan(EDGES, "x"), JoinType.INNER, str("x", "dst_node_id").eq(str("d", "src_node_id")).and(edge("x", "READS")))
                .project(str("d", "dst_node_id").as("key"));
        RelSpec resolvedReads = RelSpec.scan(EDGES, "d").filter(edge("d", "DEFINES"))
                .join(RelSpec.scan(EDGES, "v"), JoinType.INNER, str("v", "dst_node_id").eq(str("d", "src_node_id")).and(edge("v", "RESOLVES_TO")))
                .join(RelSpec.scan(EDGES, "x"), JoinType.INNER, str("x", "dst_node_id").eq(str("v", "src_node_id")).and(edge("x", "READS")))
                .project(str("d", "dst_node_id").as("key"));
        RelSpec read = RelSpec.unionAll(directReads, resolvedReads).as("u").aggregate(List.of(str("u", "key").as("key")), List.of()).as("rd");
        RelSpec attributes = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("LOAD")))
                .aggregate(List.of(str("e", "attr").as("key")), List.of()).as("at");
        return functions
                .join(edgeEnds("cl", "dst_node_id", "CALLS", "IMPORTS", "DECORATES"), JoinType.LEFT, str("cl", "key").eq(str("f", "node_id")))
                .join(read, JoinType.LEFT, str("rd", "key").eq(str("f", "node_id")))
                .join(attributes, JoinType.LEFT, str("at", "key").eq(str("f", "name")))
                .filter(str("cl", "key").isNull().and(str("rd", "key").isNull()).and(str("at", "key").isNull()))
                .project(str("f", "qualified_name").as("qualified_name"), str("f", "path").as("path"), i32("f", "line").as("line"),
                        column("f").as("column"))
                .sort(SortKey.asc(outStr("path")), SortKey.asc(outInt("line")));
    }
}
