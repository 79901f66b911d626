package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.val;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.bool;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i32;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i64;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.str;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.cpg.QNames;
import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SemiNaiveRel;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls resolved by a whole-program, flow- and context-insensitive points-to analysis, written as
 * one semi-naive fixpoint of the plan ({@value #POINTS_TO}); docs/cpg-calls.md has the rules.
 *
 * <p>The fixpoint is one relation of five strings, {@code (tag, a, kind, id, recv)}, holding four
 * kinds of facts, so that rules which derive one kind from another stay joins of two or three
 * relations:
 * <ul>
 *   <li>{@code P}: pointer {@code a} may point to the object {@code (kind, id, recv)};</li>
 *   <li>{@code C}: the call site {@code a} may call the object {@code (kind, id, recv)};</li>
 *   <li>{@code X}: whatever pointer {@code a} points to, pointer {@code id} points to too (an
 *       argument passed to a parameter, a return value to a call's result, a field to a load);</li>
 *   <li>{@code Y}: the class attribute {@code a} is read as {@code id} through an object of kind
 *       {@code kind} ({@code I} an instance, {@code C} the class) of class {@code recv}, which binds
 *       functions to the receiver.</li>
 * </ul>
 * Pointers are expression ids (the value of the expression), binding ids (the value of a
 * variable), {@code ret.<function>} (what a function returns), {@code def.<node>} (a definition
 * before its decorators), {@code dec.<decorator>} (what a decorator application returns) and
 * {@code <kind>.<object>.<attr>} (a field of an instance, class or module). Objects: {@code F}
 * function or lambda, {@code C} class, {@code I} instances of a class, {@code M} module, {@code B}
 * a function bound to an instance of class {@code recv}, {@code K} a classmethod, {@code BK} a
 * classmethod bound to class {@code recv}, {@code S} a staticmethod, {@code E} an external name.
 *
 * <p>Everything the rules read besides the fixpoint itself is a view computed once per run
 * before it (the seed facts, the flow edges, call sites, arguments, parameters, loads, stores,
 * class attributes by MRO), so each round joins only the previous round's new facts with them.
 */
public final class CallResolution implements CpgPart {
    public static final String CALL_GRAPH_OUTPUT = "cpg_call_graph";

    static final String EXPRS = "py_exprs_v1";
    static final String ASSIGNMENTS = "py_assignments_v1";
    static final String RETURNS = "py_returns_v1";
    static final String CALL_ARGS = "py_call_args_v1";
    static final String ELEMENTS = "py_container_elements_v1";
    static final String OPERANDS = "py_expr_operands_v1";
    static final String DEFAULTS = "py_param_defaults_v1";
    static final String ITERATIONS = "py_iterations_v1";

    /** Scope to the function, class or module whose code it is: {@code scope_id, owner_id, owner_name} (comprehensions see through). */
    public static final String OWNERS = "cr_owners";
    /** Name expressions to the binding they read or write, followed through {@code RESOLVES_TO}: {@code expr_id, ctx, binding_id}. */
    public static final String NAME_BINDINGS = "cr_name_bindings";
    /** Static flow edges {@code (src, dst)}: dst points to whatever src points to. */
    public static final String FLOW = "cr_flow";
    /** Parameters with their binding: {@code def_node, name, kind, position, binding_id}. */
    public static final String PARAMS = "cr_params";
    /** Call sites (calls and decorator applications): {@code site, callee, result, src_node_id, caller_id, is_decorator, path, bstart, bend}. */
    public static final String SITES = "cr_sites";
    /** Arguments: {@code site, position, keyword, arg}. */
    public static final String ARGS = "cr_args";
    /** Attribute loads {@code base, attr, dst} and stores {@code value, base, attr}. */
    public static final String LOADS = "cr_loads";
    public static final String STORES = "cr_stores";
    /** Class attributes by MRO: {@code class_id, attr, ptr} (the binding in the first class of the MRO that binds it). */
    public static final String CLASS_ATTRS = "cr_class_attrs";
    /** Module attributes: {@code module_id, attr, ptr} (a top-level binding) and submodules {@code module_id, attr, sub_id}. */
    public static final String MODULE_ATTRS = "cr_module_attrs";
    public static final String SUBMODULES = "cr_submodules";
    /** The facts no rule derives. */
    public static final String SEED = "cr_seed";
    /** The fixpoint. */
    public static final String POINTS_TO = "cr_points_to";
    /** Resolved calls: {@code site, kind, callee_id, method, candidates}. */
    public static final String RESOLVED = "cr_resolved";
    public static final String CALL_EDGES = "cr_call_edges";
    public static final String CALL_GRAPH = "cr_call_graph";
    public static final String UNRESOLVED_PROPS = "cr_unresolved_props";

    /** The contract of {@value #CALL_GRAPH_OUTPUT}. */
    public static final SchemaContract CALL_GRAPH_CONTRACT = SchemaContract.of(1,
            ColumnContract.required("caller_id", DataType.STRING),
            ColumnContract.required("caller_qualified_name", DataType.STRING),
            ColumnContract.required("callee_id", DataType.STRING),
            ColumnContract.required("callee_qualified_name", DataType.STRING),
            ColumnContract.required("call_sites", DataType.INT64),
            ColumnContract.required("confidence", DataType.FLOAT64));

    /** Bound on the fixpoint's rounds: far above the longest chain of derivations real code needs. */
    static final int MAX_ROUNDS = 200;
    /** Bound on nested comprehensions. */
    static final int MAX_NESTING = 100;

    private static final List<String> CALLABLE = List.of("F", "S", "B", "BK");
    private static final List<String> POSITIONAL = List.of("POSITIONAL_ONLY", "REGULAR");
    private static final List<String> BY_KEYWORD = List.of("REGULAR", "KEYWORD_ONLY");
    private static final List<String> WRAPPERS = List.of("builtins.staticmethod", "builtins.classmethod", "builtins.property");

    @Override
    public List<InputRelation> inputs() {
        return List.of(
                SpannedInput.of(EXPRS, ColumnContract.required("expr_id", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("node_type", DataType.STRING), ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.optional("ctx", DataType.STRING), ColumnContract.optional("attr", DataType.STRING),
                        ColumnContract.optional("base_expr_id", DataType.STRING), ColumnContract.optional("value_expr_id", DataType.STRING),
                        ColumnContract.optional("ref_id", DataType.STRING)),
                SpannedInput.of(ASSIGNMENTS, ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("target_expr_id", DataType.STRING), ColumnContract.required("value_expr_id", DataType.STRING)),
                SpannedInput.of(RETURNS, ColumnContract.required("kind", DataType.STRING), ColumnContract.optional("def_id", DataType.STRING),
                        ColumnContract.optional("value_expr_id", DataType.STRING), ColumnContract.optional("expr_id", DataType.STRING)),
                SpannedInput.of(CALL_ARGS, ColumnContract.required("call_id", DataType.STRING), ColumnContract.required("arg_expr_id", DataType.STRING),
                        ColumnContract.required("position", DataType.INT32), ColumnContract.optional("keyword", DataType.STRING),
                        ColumnContract.required("is_star", DataType.BOOLEAN), ColumnContract.required("is_double_star", DataType.BOOLEAN)),
                SpannedInput.of(ELEMENTS, ColumnContract.required("container_expr_id", DataType.STRING),
                        ColumnContract.required("element_expr_id", DataType.STRING), ColumnContract.required("index", DataType.INT32),
                        ColumnContract.required("ctx", DataType.STRING), ColumnContract.required("is_starred", DataType.BOOLEAN),
                        ColumnContract.required("star_index", DataType.INT32)),
                SpannedInput.of(OPERANDS, ColumnContract.required("expr_id", DataType.STRING),
                        ColumnContract.required("operand_expr_id", DataType.STRING)),
                SpannedInput.of(DEFAULTS, ColumnContract.required("param_id", DataType.STRING),
                        ColumnContract.required("value_expr_id", DataType.STRING)),
                SpannedInput.of(ITERATIONS, ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.optional("target_expr_id", DataType.STRING), ColumnContract.required("source_expr_id", DataType.STRING)),
                SpannedInput.of(StructureGraph.DECORATORS, ColumnContract.required("decorator_id", DataType.STRING),
                        ColumnContract.required("def_id", DataType.STRING), ColumnContract.required("position", DataType.INT32),
                        ColumnContract.required("scope_id", DataType.STRING), ColumnContract.required("expr_id", DataType.STRING)),
                SpannedInput.of(StructureGraph.COMPREHENSIONS, ColumnContract.required("comp_id", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING)));
    }

    @Override
    public List<ViewDefinition> views() {
        return List.of(
                ViewDefinition.of(OWNERS, ViewKind.FIXPOINT, owners()),
                ViewDefinition.of(NAME_BINDINGS, ViewKind.JOIN, nameBindings()),
                ViewDefinition.of(PARAMS, ViewKind.JOIN, params()),
                ViewDefinition.of(FLOW, ViewKind.UNION, flow()),
                ViewDefinition.of(SITES, ViewKind.UNION, sites()),
                ViewDefinition.of(ARGS, ViewKind.UNION, args()),
                ViewDefinition.of(LOADS, ViewKind.FILTER, loads()),
                ViewDefinition.of(STORES, ViewKind.FILTER, stores()),
                ViewDefinition.of(CLASS_ATTRS, ViewKind.RANK, classAttrs()),
                ViewDefinition.of(MODULE_ATTRS, ViewKind.JOIN, moduleAttrs()),
                ViewDefinition.of(SUBMODULES, ViewKind.JOIN, submodules()),
                ViewDefinition.of(SEED, ViewKind.UNION, seed()),
                ViewDefinition.of(POINTS_TO, ViewKind.FIXPOINT, pointsTo()),
                ViewDefinition.of(RESOLVED, ViewKind.AGGREGATE, resolved()),
                ViewDefinition.of(CALL_EDGES, ViewKind.JOIN, callEdges()),
                ViewDefinition.of(CALL_GRAPH, ViewKind.AGGREGATE, callGraph()),
                ViewDefinition.of(UNRESOLVED_PROPS, ViewKind.JOIN, unresolvedProps()));
    }

    @Override
    public List<String> edgeViews() {
        return List.of(CALL_EDGES);
    }

    @Override
    public List<String> propViews() {
        return List.of(UNRESOLVED_PROPS);
    }

    @Override
    public List<OutputTarget> outputs() {
        return List.of(new OutputTarget(CALL_GRAPH_OUTPUT, CALL_GRAPH, "cpg/" + CALL_GRAPH_OUTPUT, WriteMode.CREATE, CALL_GRAPH_CONTRACT));
    }

    // ---- static facts ---------------------------------------------------------------------------

    /** Functions, classes and modules own their scopes; a comprehension's owner is its enclosing scope's. */
    private static RelSpec owners() {
        RelSpec defs = RelSpec.scan(StructureGraph.DEF_ROWS, "d")
                .join(RelSpec.scan(DefinitionNodes.DEF_NODES, "n"), JoinType.INNER, str("n", "node_id").eq(str("d", "node_id")))
                .project(str("d", "def_id").as("scope_id"), str("d", "node_id").as("owner_id"), str("n", "qualified_name").as("owner_name"));
        RelSpec modules = RelSpec.scan(ImportResolution.MODULES, "m")
                .project(str("m", "file_id").as("scope_id"), str("m", "node_id").as("owner_id"), str("m", "module_name").as("owner_name"));
        RelSpec step = RelSpec.scan(OWNERS, "o")
                .join(RelSpec.scan(StructureGraph.COMPREHENSIONS, "c"), JoinType.INNER, str("c", "scope_id").eq(str("o", "scope_id")))
                .project(str("c", "comp_id").as("scope_id"), str("o", "owner_id").as("owner_id"), str("o", "owner_name").as("owner_name"));
        return RecursiveRel.fixpoint(OWNERS, RelSpec.unionAll(defs, modules), step, MAX_NESTING);
    }

    private static RelSpec nameBindings() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("NAME"))
                .join(RelSpec.scan(StructureGraph.NAME_ROWS, "n"), JoinType.INNER, str("n", "name_id").eq(str("e", "ref_id")))
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u"), JoinType.INNER, str("u", "name_node_id").eq(str("n", "node_id")))
                .join(RelSpec.scan(ScopeBindings.RESOLUTIONS, "r"), JoinType.LEFT, str("r", "binding_id").eq(str("u", "binding_id")))
                .project(str("e", "expr_id").as("expr_id"), str("e", "ctx").as("ctx"),
                        Exprs.coalesce(str("r", "target_binding_id"), str("u", "binding_id")).as("binding_id"));
    }

    private static RelSpec params() {
        return RelSpec.scan(StructureGraph.PARAM_ROWS, "p")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("p", "def_id")))
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u"), JoinType.INNER, str("u", "introduced_id").eq(str("p", "param_id")))
                .project(str("d", "node_id").as("def_node"), str("p", "param_id").as("param_id"), str("p", "name").as("name"),
                        str("p", "kind").as("kind"), i32("p", "position").as("position"), str("u", "binding_id").as("binding_id"));
    }

    /**
     * Flow that needs no recursion to find: a variable to the names that read it, a stored name to
     * its variable, an assignment's value to its target, a displayed element unpacked to the target
     * at its index, a returned value to its function's result, the operands of {@code a if c else b}
     * and {@code a or b} to the expression, a starred, awaited or {@code :=} value to the
     * expression, a default to its parameter, and a definition's value after its decorators to the
     * name it binds.
     */
    private static RelSpec flow() {
        RelSpec reads = RelSpec.scan(NAME_BINDINGS, "n").filter(str("n", "ctx").eq("LOAD"))
                .project(str("n", "binding_id").as("src"), str("n", "expr_id").as("dst"));
        RelSpec writes = RelSpec.scan(NAME_BINDINGS, "n").filter(str("n", "ctx").eq("STORE"))
                .project(str("n", "expr_id").as("src"), str("n", "binding_id").as("dst"));
        RelSpec assignments = RelSpec.scan(ASSIGNMENTS, "a").filter(str("a", "kind").ne("AUG_ASSIGN"))
                .project(str("a", "value_expr_id").as("src"), str("a", "target_expr_id").as("dst"));
        // (a, b) = (x, y) and for a, b in [(x, y)]: element to element by index, before any star.
        RelSpec unpacked = RelSpec.scan(ELEMENTS, "t").filter(str("t", "ctx").eq("STORE").and(bool("t", "is_starred").not()))
                .join(RelSpec.scan(ASSIGNMENTS, "a"), JoinType.INNER, str("a", "target_expr_id").eq(str("t", "container_expr_id")))
                .join(RelSpec.scan(ELEMENTS, "v"), JoinType.INNER, str("v", "container_expr_id").eq(str("a", "value_expr_id"))
                        .and(i32("v", "index").eq(i32("t", "index"))).and(i32("v", "star_index").lt(0)))
                .filter(i32("t", "star_index").lt(0).or(i32("t", "index").lt(i32("t", "star_index"))))
                .project(str("v", "element_expr_id").as("src"), str("t", "element_expr_id").as("dst"));
        RelSpec iterated = RelSpec.scan(ITERATIONS, "i").filter(str("i", "kind").ne("WITH").and(str("i", "target_expr_id").isNotNull()))
                .join(RelSpec.scan(ELEMENTS, "v"), JoinType.INNER, str("v", "container_expr_id").eq(str("i", "source_expr_id"))
                        .and(str("v", "ctx").eq("LOAD")).and(bool("v", "is_starred").not()))
                .project(str("v", "element_expr_id").as("src"), str("i", "target_expr_id").as("dst"));
        RelSpec returns = RelSpec.scan(RETURNS, "r").filter(str("r", "kind").in(List.of("RETURN", "LAMBDA")).and(str("r", "value_expr_id").isNotNull()))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("r", "def_id")))
                .project(str("r", "value_expr_id").as("src"), returnOf(str("d", "node_id")).as("dst"));
        RelSpec operands = RelSpec.scan(OPERANDS, "o").project(str("o", "operand_expr_id").as("src"), str("o", "expr_id").as("dst"));
        RelSpec wrapped = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").in(List.of("STARRED", "AWAIT")).or(str("e", "node_type").eq("NamedExpr"))
                        .and(str("e", "value_expr_id").isNotNull()))
                .project(str("e", "value_expr_id").as("src"), str("e", "expr_id").as("dst"));
        RelSpec defaults = RelSpec.scan(DEFAULTS, "p")
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "param_id").eq(str("p", "param_id")))
                .project(str("p", "value_expr_id").as("src"), str("q", "binding_id").as("dst"));
        // A definition binds its name to what its top decorator returns, or to itself.
        RelSpec defined = RelSpec.scan(DefUseEdges.DEFINES, "b")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "node_id").eq(str("b", "dst_node_id")))
                .join(RelSpec.scan(StructureGraph.DECORATORS, "t"), JoinType.LEFT, str("t", "def_id").eq(str("d", "def_id")).and(i32("t", "position").eq(0)))
                .project(Exprs.coalesce(decorated(str("t", "decorator_id")), definition(str("d", "node_id"))).as("src"),
                        str("b", "src_node_id").as("dst"));
        return RelSpec.unionAll(reads, writes, assignments, unpacked, iterated, returns, operands, wrapped, defaults, defined);
    }

    /** Calls, whose result is the call expression, and decorator applications, whose result is {@code dec.<decorator>}. */
    private static RelSpec sites() {
        RelSpec calls = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("CALL"))
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(str("e", "expr_id").as("site"), str("e", "base_expr_id").as("callee"), str("e", "expr_id").as("result"),
                        CpgExprs.stableId(str("e", "path"), i64("e", "bstart"), i64("e", "bend"), val("PY_CALL")).as("src_node_id"),
                        str("o", "owner_id").as("caller_id"), val(false).as("is_decorator"),
                        str("e", "path").as("path"), i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"));
        RelSpec decorators = RelSpec.scan(StructureGraph.DECORATORS, "t")
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("t", "scope_id")))
                .project(str("t", "decorator_id").as("site"), str("t", "expr_id").as("callee"), decorated(str("t", "decorator_id")).as("result"),
                        CpgExprs.stableId(str("t", "path"), i64("t", "bstart"), i64("t", "bend"), val("PY_DECORATOR")).as("src_node_id"),
                        str("o", "owner_id").as("caller_id"), val(true).as("is_decorator"),
                        str("t", "path").as("path"), i64("t", "bstart").as("bstart"), i64("t", "bend").as("bend"));
        return RelSpec.unionAll(calls, decorators);
    }

    /** A call's arguments (starred ones left out); a decorator's one argument, what the decorator below it returns or the definition. */
    private static RelSpec args() {
        RelSpec calls = RelSpec.scan(CALL_ARGS, "a").filter(bool("a", "is_star").not().and(bool("a", "is_double_star").not()))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "ref_id").eq(str("a", "call_id")).and(str("e", "kind").eq("CALL")))
                .project(str("e", "expr_id").as("site"), i32("a", "position").as("position"), str("a", "keyword").as("keyword"),
                        str("a", "arg_expr_id").as("arg"));
        RelSpec decorators = RelSpec.scan(StructureGraph.DECORATORS, "t")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("t", "def_id")))
                .join(RelSpec.scan(StructureGraph.DECORATORS, "b"), JoinType.LEFT, str("b", "def_id").eq(str("t", "def_id"))
                        .and(i32("b", "position").eq(Exprs.plus(i32("t", "position"), 1))))
                .project(str("t", "decorator_id").as("site"), val(0).as("position"), Exprs.nullOf(DataType.STRING).as("keyword"),
                        Exprs.coalesce(decorated(str("b", "decorator_id")), definition(str("d", "node_id"))).as("arg"));
        return RelSpec.unionAll(calls, decorators);
    }

    private static RelSpec loads() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("LOAD")))
                .project(str("e", "base_expr_id").as("base"), str("e", "attr").as("attr"), str("e", "expr_id").as("dst"));
    }

    /** An attribute target is a pointer like any other (its value flows into it); a store reads it. */
    private static RelSpec stores() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("STORE")))
                .project(str("e", "expr_id").as("value"), str("e", "base_expr_id").as("base"), str("e", "attr").as("attr"));
    }

    /**
     * For each class and name bound in the body of a class of its MRO, the binding of the first
     * such class; a class whose MRO is unknown looks in its own body only.
     */
    private static RelSpec classAttrs() {
        RelSpec own = RelSpec.scan(StructureGraph.DEF_ROWS, "c").filter(str("c", "def_kind").eq("CLASS"))
                .project(str("c", "node_id").as("class_id"), val(0).as("mro_position"), str("c", "node_id").as("base_id"));
        RelSpec mro = RelSpec.scan(ClassHierarchy.MRO, "m")
                .project(str("m", "class_id").as("class_id"), i32("m", "mro_position").as("mro_position"), str("m", "base_id").as("base_id"));
        return RelSpec.unionDistinct(own, mro).as("m")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "c"), JoinType.INNER, str("c", "node_id").eq(str("m", "base_id")))
                .join(RelSpec.scan(DefUseEdges.BINDINGS, "b"), JoinType.INNER, str("b", "scope_id").eq(str("c", "def_id"))
                        .and(bool("b", "is_assigned")))
                .topPerGroup(List.of(str("m", "class_id"), str("b", "symbol")), 1, SortKey.asc(i32("m", "mro_position")))
                .project(str("m", "class_id").as("class_id"), str("b", "symbol").as("attr"), str("b", "binding_id").as("ptr"));
    }

    private static RelSpec moduleAttrs() {
        return RelSpec.scan(ImportResolution.MODULE_SYMBOLS, "s").filter(bool("s", "bound"))
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.INNER, str("m", "module_name").eq(str("s", "module_name")))
                .project(str("m", "node_id").as("module_id"), str("s", "symbol").as("attr"), str("s", "binding_id").as("ptr"));
    }

    private static RelSpec submodules() {
        return RelSpec.scan(ImportResolution.MODULES, "s")
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.INNER, str("m", "module_name").eq(QNames.parent(str("s", "module_name"))))
                .project(str("m", "node_id").as("module_id"), QNames.leaf(str("s", "module_name")).as("attr"), str("s", "node_id").as("sub_id"));
    }

    /**
     * Definitions before their decorators, lambdas, modules, and what imports and builtins bind:
     * an import alias points to the module, function or class it imports, to an external name, or
     * takes the value of the module-level variable it names ({@code X} row).
     */
    private static RelSpec seed() {
        Field<String> defKind = Exprs.when(str("d", "def_kind").eq("CLASS"), val("C")).otherwise(val("F"));
        RelSpec definitions = RelSpec.scan(StructureGraph.DEF_ROWS, "d").filter(str("d", "def_kind").ne("LAMBDA"))
                .project(fact("P", definition(str("d", "node_id")), defKind, str("d", "node_id")));
        RelSpec lambdas = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("LAMBDA"))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("e", "ref_id")))
                .project(fact("P", str("e", "expr_id"), val("F"), str("d", "node_id")));
        RelSpec builtins = RelSpec.scan(ImportResolution.BUILTIN_USES, "b")
                .project(fact("P", str("b", "binding_id"), val("E"), str("b", "qualified_name")));
        RelSpec aliases = RelSpec.scan(StructureGraph.IMPORT_ROWS, "i")
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u"), JoinType.INNER, str("u", "introduced_id").eq(str("i", "import_id"))
                        .and(str("u", "ctx").eq("STORE")))
                .join(RelSpec.scan(ImportResolution.TARGETS, "t"), JoinType.INNER, str("t", "requester_id").eq(str("i", "import_id")))
                .join(RelSpec.scan(DefinitionNodes.DEF_NODES, "n"), JoinType.LEFT, str("n", "node_id").eq(str("t", "target_id")))
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.LEFT, str("m", "node_id").eq(str("t", "target_id")))
                .project(str("u", "binding_id").as("binding_id"), bool("i", "is_from").as("is_from"), str("i", "asname").as("asname"),
                        str("i", "module").as("module"), str("i", "name").as("bound_name"), str("t", "target_id").as("target_id"),
                        str("t", "external_name").as("external_name"), str("n", "node_kind").as("node_kind"),
                        str("m", "module_name").as("module_name"))
                .as("x");
        // `import a.b.c` binds `a`: its first component, a module of the repository or an external name.
        Condition plainDotted = bool("x", "is_from").not().and(str("x", "asname").isNull()).and(str("x", "module").ne(str("x", "bound_name")));
        Field<String> aliasKind = Exprs.when(str("x", "external_name").isNotNull(), val("E"))
                .when(str("x", "module_name").isNotNull(), val("M"))
                .when(str("x", "node_kind").eq("PY_CLASS"), val("C"))
                .when(str("x", "node_kind").in(List.of("PY_FUNCTION", "PY_LAMBDA")), val("F"))
                .otherwise(val("X"));
        RelSpec aliasObjects = aliases.filter(plainDotted.not())
                .project(str("x", "binding_id").as("binding_id"), aliasKind.as("kind"), str("x", "target_id").as("target_id"),
                        str("x", "external_name").as("external_name")).as("o")
                .project(Exprs.when(str("o", "kind").eq("X"), val("X")).otherwise(val("P")).as("tag"),
                        Exprs.when(str("o", "kind").eq("X"), str("o", "target_id")).otherwise(str("o", "binding_id")).as("a"),
                        str("o", "kind").as("kind"),
                        Exprs.when(str("o", "kind").eq("X"), str("o", "binding_id"))
                                .when(str("o", "kind").eq("E"), str("o", "external_name")).otherwise(str("o", "target_id")).as("id"),
                        val("").as("recv"));
        RelSpec tops = aliases.filter(plainDotted)
                .project(str("x", "binding_id").as("binding_id"), Exprs.coalesce(str("x", "module_name"), str("x", "external_name")).as("module"))
                .as("p")
                .join(RelSpec.scan(ImportResolution.PREFIXES, "f"), JoinType.INNER, str("f", "name").eq(str("p", "module"))
                        .and(QNames.depth(str("f", "prefix")).eq(1)))
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.LEFT, str("m", "module_name").eq(str("f", "prefix")))
                .project(fact("P", str("p", "binding_id"), Exprs.when(str("m", "node_id").isNotNull(), val("M")).otherwise(val("E")),
                        Exprs.coalesce(str("m", "node_id"), str("f", "prefix"))));
        return RelSpec.unionAll(definitions, lambdas, builtins, aliasObjects, tops);
    }

    // ---- the fixpoint ---------------------------------------------------------------------------

    private static RelSpec pointsTo() {
        List<RelSpec> rules = new ArrayList<>();
        // Static and derived flow.
        rules.add(RelSpec.scan(FLOW, "f").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("f", "src")))
                .project(fact("P", str("f", "dst"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        rules.add(facts("X", "x").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("x", "a")))
                .project(fact("P", str("x", "id"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        // What each call site calls.
        rules.add(RelSpec.scan(SITES, "s").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("s", "callee")))
                .project(fact("C", str("s", "site"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        // Arguments to parameters: positional (a bound method's receiver takes the first), then by keyword.
        Field<Integer> shift = Exprs.when(str("c", "kind").in(List.of("B", "BK")), val(1)).otherwise(val(0));
        rules.add(callable("c").join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").ge(0)))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id"))
                        .and(i32("q", "position").eq(Exprs.plus(i32("g", "position"), shift))).and(str("q", "kind").in(POSITIONAL)))
                .project(fact("X", str("g", "arg"), val(""), str("q", "binding_id"))));
        rules.add(callable("c").join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(str("g", "keyword").isNotNull()))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id"))
                        .and(str("q", "name").eq(str("g", "keyword"))).and(str("q", "kind").in(BY_KEYWORD)))
                .project(fact("X", str("g", "arg"), val(""), str("q", "binding_id"))));
        rules.add(facts("C", "c").filter(str("c", "kind").in(List.of("B", "BK")))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(i32("q", "position").eq(0)))
                .project(fact("P", str("q", "binding_id"), Exprs.when(str("c", "kind").eq("B"), val("I")).otherwise(val("C")), str("c", "recv"))));
        // Returns to results; a class makes an instance and calls its __init__ bound to it.
        rules.add(callable("c").join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .project(fact("X", returnOf(str("c", "id")), val(""), str("s", "result"))));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("C"))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .project(fact("P", str("s", "result"), val("I"), str("c", "id"))));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("C"))
                .join(RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "m"), JoinType.INNER, str("m", "class_id").eq(str("c", "id"))
                        .and(str("m", "method_name").eq("__init__")))
                .project(fact("C", str("c", "a"), val("B"), str("m", "function_id"), str("c", "id"))));
        // staticmethod, classmethod and property wrap their argument; other external decorators return it.
        Field<String> wrapped = Exprs.when(str("c", "id").eq(WRAPPERS.get(0)), val("S"))
                .when(str("c", "id").eq(WRAPPERS.get(1)), val("K")).otherwise(val("PR"));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").in(WRAPPERS)))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").eq(0)))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").eq("F")))
                .project(fact("P", str("s", "result"), wrapped, str("p", "id"))));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").in(WRAPPERS).not()))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(bool("s", "is_decorator")))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")))
                .project(fact("X", str("g", "arg"), val(""), str("s", "result"))));
        // Attribute loads: fields of instances and classes, class attributes by MRO, module attributes and submodules, external names.
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").in(List.of("I", "C")))
                .project(fact("X", field(str("p", "kind"), str("p", "id"), str("l", "attr")), val(""), str("l", "dst"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").in(List.of("I", "C")))
                .join(RelSpec.scan(CLASS_ATTRS, "k"), JoinType.INNER, str("k", "class_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("Y", str("k", "ptr"), str("p", "kind"), str("l", "dst"), str("p", "id"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("M"))
                .join(RelSpec.scan(MODULE_ATTRS, "k"), JoinType.INNER, str("k", "module_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("X", str("k", "ptr"), val(""), str("l", "dst"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("M"))
                .join(RelSpec.scan(SUBMODULES, "k"), JoinType.INNER, str("k", "module_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("P", str("l", "dst"), val("M"), str("k", "sub_id"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("E"))
                .project(fact("P", str("l", "dst"), val("E"), QNames.join(str("p", "id"), str("l", "attr")))));
        // A class attribute read through an instance binds functions to it, through the class classmethods to the class.
        Field<String> boundKind = Exprs.when(str("y", "kind").eq("I").and(str("p", "kind").eq("F")), val("B"))
                .when(str("p", "kind").eq("K"), val("BK"))
                .when(str("p", "kind").eq("S"), val("F"))
                .otherwise(str("p", "kind"));
        Field<String> boundRecv = Exprs.when(str("y", "kind").eq("I").and(str("p", "kind").eq("F")).or(str("p", "kind").eq("K")), str("y", "recv"))
                .otherwise(str("p", "recv"));
        rules.add(facts("Y", "y").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("y", "a")))
                .project(fact("P", str("y", "id"), boundKind, str("p", "id"), boundRecv)));
        // Attribute stores: into the fields of instances and classes, into a module's variable.
        rules.add(attributeBases(STORES, "l").filter(str("p", "kind").in(List.of("I", "C")))
                .project(fact("X", str("l", "value"), val(""), field(str("p", "kind"), str("p", "id"), str("l", "attr")))));
        rules.add(attributeBases(STORES, "l").filter(str("p", "kind").eq("M"))
                .join(RelSpec.scan(MODULE_ATTRS, "k"), JoinType.INNER, str("k", "module_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("X", str("l", "value"), val(""), str("k", "ptr"))));
        return SemiNaiveRel.ofRules(POINTS_TO, RelSpec.scan(SEED), rules, MAX_ROUNDS);
    }

    /** The fixpoint's rows of one tag, under {@code alias}. */
    private static RelSpec facts(String tag, String alias) {
        return RelSpec.scan(POINTS_TO, alias).filter(str(alias, "tag").eq(tag));
    }

    /** Call facts whose callee is a function, bound or not. */
    private static RelSpec callable(String alias) {
        return facts("C", alias).filter(str(alias, "kind").in(CALLABLE));
    }

    /** Rows of {@code relation} ({@code base} column) with the objects their base points to, as {@code p}. */
    private static RelSpec attributeBases(String relation, String alias) {
        return RelSpec.scan(relation, alias).join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str(alias, "base")));
    }

    private static List<NamedField<?>> fact(String tag, Field<String> a, Field<String> kind, Field<String> id) {
        return fact(tag, a, kind, id, val(""));
    }

    private static List<NamedField<?>> fact(String tag, Field<String> a, Field<String> kind, Field<String> id, Field<String> recv) {
        return List.of(val(tag).as("tag"), a.as("a"), kind.as("kind"), id.as("id"), recv.as("recv"));
    }

    private static Field<String> returnOf(Field<String> function) {
        return QNames.join(val("ret"), function);
    }

    private static Field<String> definition(Field<String> node) {
        return QNames.join(val("def"), node);
    }

    private static Field<String> decorated(Field<String> decorator) {
        return QNames.join(val("dec"), decorator);
    }

    private static Field<String> field(Field<String> kind, Field<String> object, Field<String> attr) {
        return QNames.join(QNames.join(kind, object), attr);
    }

    // ---- edges, graph, props --------------------------------------------------------------------

    /**
     * Each site's callees that are nodes: functions (bound or not), classes, and external names
     * that have a node; {@code candidates} counts them, an {@code __init__} a class call reaches
     * not counted apart from its class.
     */
    private static RelSpec resolved() {
        Field<String> method = Exprs.when(str("c", "kind").eq("C"), val("instantiation"))
                .when(str("c", "kind").eq("B").and(str("c", "recv").ne("")).and(str("n", "name").eq("__init__")), val("constructor"))
                .when(str("c", "kind").in(List.of("B", "BK")), val("bound_method"))
                .when(str("c", "kind").eq("E"), val("external"))
                .otherwise(val("function"));
        RelSpec callees = facts("C", "c").filter(str("c", "kind").in(List.of("F", "S", "B", "BK", "C", "E")))
                .join(RelSpec.scan(DefinitionNodes.DEF_NODES, "n"), JoinType.LEFT, str("n", "node_id").eq(str("c", "id")))
                .join(RelSpec.scan(ImportResolution.EXTERNAL_NODES, "x"), JoinType.LEFT, str("x", "qualified_name").eq(str("c", "id"))
                        .and(str("c", "kind").eq("E")))
                .filter(str("n", "node_id").isNotNull().or(str("x", "node_id").isNotNull()))
                .project(str("c", "a").as("site"), method.as("method"),
                        Exprs.coalesce(str("n", "node_id"), str("x", "node_id")).as("callee_id"),
                        Exprs.coalesce(str("n", "qualified_name"), str("x", "qualified_name")).as("callee_name"))
                .as("r")
                .aggregate(List.of(str("r", "site").as("site"), str("r", "callee_id").as("callee_id"), str("r", "callee_name").as("callee_name")),
                        List.of(AggregateCall.min(str("r", "method"), "method")));
        RelSpec counts = callees.as("k").filter(str("k", "method").ne("constructor"))
                .aggregate(List.of(str("k", "site").as("site")), List.of(AggregateCall.count("candidates")));
        return callees.as("r").join(counts.as("n"), JoinType.LEFT, str("n", "site").eq(str("r", "site")))
                .project(str("r", "site").as("site"), str("r", "callee_id").as("callee_id"), str("r", "callee_name").as("callee_name"),
                        str("r", "method").as("method"), Exprs.coalesce(i64("n", "candidates"), 1L).as("candidates"));
    }

    /**
     * {@code CALLS} from the call (or decorator) node to each callee; confidence 1 for a site with
     * one candidate, else shared equally, the candidates of a site in one ambiguity group.
     */
    private static RelSpec callEdges() {
        Field<Double> confidence = Exprs.div(val(1.0), Exprs.cast(i64("r", "candidates"), DataType.FLOAT64));
        return RelSpec.scan(RESOLVED, "r")
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("r", "site")))
                .project(val("CALLS").as("edge_kind"), str("s", "src_node_id").as("src_node_id"), str("r", "callee_id").as("dst_node_id"),
                        str("s", "path").as("path"), i64("s", "bstart").as("bstart"), i64("s", "bend").as("bend"),
                        val("flow").as("origin"), str("r", "method").as("resolution_method"), confidence.as("confidence"),
                        confidence.as("score"),
                        Exprs.when(i64("r", "candidates").gt(1L), str("s", "src_node_id")).otherwise(Exprs.nullOf(DataType.STRING)).as("ambiguity_group_id"));
    }

    private static RelSpec callGraph() {
        return RelSpec.scan(RESOLVED, "r")
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("r", "site")))
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "owner_id").eq(str("s", "caller_id")))
                .aggregate(List.of(str("s", "caller_id").as("caller_id"), str("o", "owner_name").as("caller_qualified_name"),
                                str("r", "callee_id").as("callee_id"), str("r", "callee_name").as("callee_qualified_name")),
                        // RESOLVED has one row per (site, callee), so this counts sites.
                        List.of(AggregateCall.count("call_sites"),
                                AggregateCall.max(Exprs.div(val(1.0), Exprs.cast(i64("r", "candidates"), DataType.FLOAT64)), "confidence")));
    }

    /** Calls nothing resolves: {@code external} when the callee is a name from outside the repository, else {@code unknown_callee}. */
    private static RelSpec unresolvedProps() {
        RelSpec external = facts("C", "e").filter(str("e", "kind").eq("E"));
        return RelSpec.scan(SITES, "s").filter(bool("s", "is_decorator").not())
                .whereNotExists(RelSpec.scan(RESOLVED, "r").filter(str("r", "site").eq(str("s", "site"))))
                .project(str("s", "site").as("site"), str("s", "src_node_id").as("src_node_id")).as("u")
                .join(external.aggregate(List.of(str("e", "a").as("site")), List.of(AggregateCall.count("n"))).as("x"), JoinType.LEFT,
                        str("x", "site").eq(str("u", "site")))
                .project(str("u", "src_node_id").as("entity_id"), val("unresolved_reason").as("prop_key"), val("STRING").as("value_type"),
                        Exprs.when(str("x", "site").isNotNull(), val("external")).otherwise(val("unknown_callee")).as("value_string"));
    }
}
