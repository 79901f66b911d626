package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.val;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i32;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i64;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.str;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.cpg.QNames;
import io.codeanatomy.api.expr.CaseBuilder;
import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls resolved by a whole-program, flow-insensitive, context-insensitive points-to analysis
 * (docs/cpg-calls.md): {@code CALLS} edges from each {@code PY_CALL} to the functions, lambdas and
 * classes it can reach, and the function-level call graph as the output {@value #CALL_GRAPH_OUTPUT}.
 *
 * <p>The analysis is one semi-naive fixpoint ({@value #POINTS_TO}) over a relation that holds
 * several relations, told apart by {@code rel}: {@code var} (a binding's objects), {@code expr}
 * (an expression's objects), {@code ret} (what a function returns), {@code field} (an attribute
 * of the instances of a class) and {@code call} (a call site and the callable it reaches). An
 * abstract object is {@code (okind, o1, o2)}: {@code F} a function or lambda and {@code C} a class
 * ({@code o1} its {@code def_id}), {@code I} the instances of a class ({@code o1} the class's
 * {@code def_id}), {@code B} a function read through an instance ({@code o1} the function,
 * {@code o2} the instance's class), {@code M} a module ({@code o1} its node id). Unused columns
 * hold {@code ''}, not NULL, so that every equality join matches them.
 *
 * <p>What needs no recursion is computed before the fixpoint: the bindings of definitions, the
 * copies of values between bindings and expressions ({@value #FLOW}: loads, assignments to names,
 * defaults, operands of {@code if}/{@code or}, returns, imports), parameter slots and the methods
 * each class finds through its MRO ({@link ClassHierarchy#METHOD_LOOKUP}).
 */
public final class CallResolution implements CpgPart {
    public static final String CALL_GRAPH_OUTPUT = "cpg_call_graph";

    public static final String EXPRS = "py_exprs_v1";
    public static final String ASSIGNMENTS = "py_assignments_v1";
    public static final String CALL_ARGS = "py_call_args_v1";
    public static final String RETURNS = "py_returns_v1";
    public static final String PARAM_DEFAULTS = "py_param_defaults_v1";
    public static final String EXPR_OPERANDS = "py_expr_operands_v1";
    public static final String ELEMENTS = "py_container_elements_v1";
    public static final String ITERATIONS = "py_iterations_v1";
    public static final String OPERATOR_OPERANDS = "py_operator_operands_v1";

    /** Every definition: {@code def_id, node_id, node_kind, def_kind, qualified_name, file_id, scope_id}. */
    public static final String DEFS = "calls_defs";
    /** Name expressions with the binding they read or write, after {@code RESOLVES_TO}: {@code expr_id, ctx, binding_id}. */
    public static final String NAME_EXPRS = "calls_name_exprs";
    /** What a binding's name is bound by: {@code binding_id, entity_id} (a def, param or import id). */
    public static final String BINDERS = "calls_binders";
    /** Parameters with their binding: {@code def_id, position, name, kind, binding_id}. */
    public static final String PARAM_SLOTS = "calls_param_slots";
    /** Copies of objects with no condition: {@code src_rel, src, dst_rel, dst}. */
    public static final String FLOW = "calls_flow";
    /** Methods through the MRO by definition ids: {@code class_def_id, method_name, function_def_id}. */
    public static final String METHODS = "calls_methods";
    /** Top-level bindings of each module: {@code module_node_id, symbol, binding_id}. */
    public static final String MODULE_ATTRS = "calls_module_attrs";
    /** Container elements by the field they fill: {@code container_expr_id, ctx, element_expr_id, k} (an index, a negative index, a constant key, or {@code *}). */
    public static final String ELEMENT_KEYS = "calls_element_keys";
    /** Zero-argument {@code super()} calls in methods: {@code expr_id, method_def_id, class_def_id}. */
    public static final String SUPER_CALLS = "calls_super_calls";
    /** Per class {@code c} and class {@code k} of its MRO: the method a name finds after {@code k}: {@code class_def_id, after_def_id, method_name, function_def_id}. */
    public static final String SUPER_METHODS = "calls_super_methods";
    /** Names bound in class bodies, found through the MRO: {@code class_def_id, symbol, binding_id} (the first class of the MRO binding it). */
    public static final String CLASS_ATTRS = "calls_class_attrs";
    /** Generator functions (and async generators): {@code def_id} of every def with a {@code yield}. */
    public static final String GENERATORS = "calls_generators";
    /** Names of properties: {@code name} of every def decorated with {@code property} or {@code <p>.setter}/{@code .getter}. */
    public static final String PROPERTY_NAMES = "calls_property_names";
    /**
     * Calls the language makes implicitly: {@code site, recv_rel, recv_s, method_name, protocol,
     * result_expr_id, file_id, scope_id, path, bstart, bend} — the dunder {@code method_name} of
     * the receiver's objects ({@code recv_rel}/{@code recv_s} a points-to key), triggered at
     * {@code site} by {@code protocol}, its result the value of {@code result_expr_id} ({@code ''}
     * when none).
     */
    public static final String IMPLICIT = "calls_implicit";
    /** Starred arguments of calls: {@code site, arg_s, position, is_double_star} ({@code f(*xs)}, {@code f(**m)}). */
    public static final String STAR_ARGS = "calls_star_args";
    /** Arguments of calls and decorator applications: {@code site, arg_rel, arg_s, arg_k, position, keyword}. */
    public static final String ARGS = "calls_args";
    /** Call sites with their node and scope: {@code site, node_id, file_id, scope_id, path, bstart, bend}. */
    public static final String SITES = "calls_sites";
    /** The fixpoint: {@code rel, s, k, okind, o1, o2}. */
    public static final String POINTS_TO = "calls_points_to";
    /** Each resolved call with its caller: {@code site, call_node_id, caller_id, caller_qualified_name, callee_id, callee_qualified_name, span, resolution_method}. */
    public static final String RESOLVED = "calls_resolved";
    public static final String CALLS_EDGES = "calls_edges";
    /** A prop {@code unresolved_reason} on each {@code PY_CALL} that reaches no callee of the repository. */
    public static final String UNRESOLVED_PROPS = "calls_unresolved_props";
    public static final String CALL_GRAPH = "calls_call_graph";

    /** The contract of {@value #CALL_GRAPH_OUTPUT}. */
    public static final SchemaContract CALL_GRAPH_CONTRACT = SchemaContract.of(1,
            ColumnContract.required("caller_id", DataType.STRING),
            ColumnContract.optional("caller_qualified_name", DataType.STRING),
            ColumnContract.required("callee_id", DataType.STRING),
            ColumnContract.optional("callee_qualified_name", DataType.STRING),
            ColumnContract.required("call_sites", DataType.INT64),
            ColumnContract.required("confidence", DataType.FLOAT64));

    /** Naive rounds the fixtures need are at most 20 (docs/cpg-calls.md); the bound only stops a runaway. */
    static final int MAX_ROUNDS = 200;

    private static final String NONE = "";
    /** The {@code k} of a call row made by a builtin calling its function argument. */
    private static final String CALLBACK = "callback";

    /** Decorators (external names) whose result calls the function they decorate when called. */
    private static final List<String> IDENTITY_DECORATORS = List.of("builtins.staticmethod", "builtins.classmethod", "builtins.property",
            "functools.cache", "dataclasses.dataclass");
    /** External functions whose result is such a decorator: {@code functools.wraps(f)}, {@code lru_cache(maxsize=...)}. */
    private static final List<String> IDENTITY_DECORATOR_FACTORIES = List.of("functools.wraps", "functools.lru_cache", "dataclasses.dataclass");

    /** CPython's binary operator classes and the dunder each calls on the left operand. */
    private static final Map<String, String> BINARY = Map.ofEntries(Map.entry("Add", "__add__"), Map.entry("Sub", "__sub__"),
            Map.entry("Mult", "__mul__"), Map.entry("MatMult", "__matmul__"), Map.entry("Div", "__truediv__"), Map.entry("FloorDiv", "__floordiv__"),
            Map.entry("Mod", "__mod__"), Map.entry("Pow", "__pow__"), Map.entry("LShift", "__lshift__"), Map.entry("RShift", "__rshift__"),
            Map.entry("BitOr", "__or__"), Map.entry("BitXor", "__xor__"), Map.entry("BitAnd", "__and__"));
    private static final Map<String, String> UNARY = Map.of("USub", "__neg__", "UAdd", "__pos__", "Invert", "__invert__", "Not", "__bool__");
    private static final Map<String, String> COMPARISON = Map.of("Eq", "__eq__", "NotEq", "__ne__", "Lt", "__lt__", "LtE", "__le__",
            "Gt", "__gt__", "GtE", "__ge__");
    private static final List<String> CONTAINS = List.of("In", "NotIn");
    /** Builtins that iterate their arguments (a generator passed to them runs there). */
    private static final List<String> DRAINING = List.of("builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset",
            "builtins.sum", "builtins.any", "builtins.all", "builtins.sorted", "builtins.enumerate", "builtins.zip", "builtins.min",
            "builtins.max", "builtins.dict", "builtins.map", "builtins.filter");
    /** Builtins that call a dunder of their first argument. */
    private static final Map<String, String> BUILTIN_DUNDERS = Map.of("builtins.len", "__len__", "builtins.str", "__str__",
            "builtins.repr", "__repr__", "builtins.bool", "__bool__", "builtins.hash", "__hash__", "builtins.abs", "__abs__",
            "builtins.iter", "__iter__", "builtins.next", "__next__", "builtins.format", "__format__");

    @Override
    public List<InputRelation> inputs() {
        return List.of(
                SpannedInput.of(EXPRS, ColumnContract.required("expr_id", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING), ColumnContract.optional("ctx", DataType.STRING),
                        ColumnContract.optional("attr", DataType.STRING), ColumnContract.optional("base_expr_id", DataType.STRING),
                        ColumnContract.optional("value_expr_id", DataType.STRING), ColumnContract.optional("ref_id", DataType.STRING),
                        ColumnContract.optional("const_text", DataType.STRING)),
                SpannedInput.of(ELEMENTS, ColumnContract.required("element_id", DataType.STRING),
                        ColumnContract.required("container_expr_id", DataType.STRING), ColumnContract.required("container_kind", DataType.STRING),
                        ColumnContract.required("ctx", DataType.STRING), ColumnContract.required("element_expr_id", DataType.STRING),
                        ColumnContract.required("index", DataType.INT32), ColumnContract.optional("key_const_text", DataType.STRING),
                        ColumnContract.required("is_starred", DataType.BOOLEAN), ColumnContract.required("is_double_star", DataType.BOOLEAN),
                        ColumnContract.required("element_count", DataType.INT32), ColumnContract.required("star_index", DataType.INT32)),
                SpannedInput.of(ITERATIONS, ColumnContract.required("iteration_id", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.optional("target_expr_id", DataType.STRING), ColumnContract.required("source_expr_id", DataType.STRING),
                        ColumnContract.required("is_async", DataType.BOOLEAN), ColumnContract.required("scope_id", DataType.STRING)),
                SpannedInput.of(OPERATOR_OPERANDS, ColumnContract.required("operator_operand_id", DataType.STRING),
                        ColumnContract.required("expr_id", DataType.STRING), ColumnContract.required("operand_expr_id", DataType.STRING),
                        ColumnContract.required("position", DataType.INT32), ColumnContract.optional("op", DataType.STRING)),
                SpannedInput.of(ASSIGNMENTS, ColumnContract.required("assignment_id", DataType.STRING),
                        ColumnContract.required("target_expr_id", DataType.STRING), ColumnContract.required("value_expr_id", DataType.STRING)),
                SpannedInput.of(CALL_ARGS, ColumnContract.required("arg_id", DataType.STRING), ColumnContract.required("call_id", DataType.STRING),
                        ColumnContract.required("arg_expr_id", DataType.STRING), ColumnContract.required("position", DataType.INT32),
                        ColumnContract.optional("keyword", DataType.STRING), ColumnContract.required("is_star", DataType.BOOLEAN),
                        ColumnContract.required("is_double_star", DataType.BOOLEAN)),
                SpannedInput.of(RETURNS, ColumnContract.required("return_id", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.optional("def_id", DataType.STRING), ColumnContract.optional("value_expr_id", DataType.STRING)),
                SpannedInput.of(PARAM_DEFAULTS, ColumnContract.required("param_default_id", DataType.STRING),
                        ColumnContract.required("param_id", DataType.STRING), ColumnContract.required("value_expr_id", DataType.STRING)),
                SpannedInput.of(EXPR_OPERANDS, ColumnContract.required("operand_id", DataType.STRING),
                        ColumnContract.required("expr_id", DataType.STRING), ColumnContract.required("operand_expr_id", DataType.STRING)),
                SpannedInput.of(StructureGraph.DEFS, ColumnContract.required("def_id", DataType.STRING),
                        ColumnContract.required("qualname", DataType.STRING), ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.required("decorator_count", DataType.INT32)),
                SpannedInput.of(StructureGraph.DECORATORS, ColumnContract.required("decorator_id", DataType.STRING),
                        ColumnContract.required("def_id", DataType.STRING), ColumnContract.required("position", DataType.INT32),
                        ColumnContract.required("scope_id", DataType.STRING), ColumnContract.required("expr_id", DataType.STRING)),
                SpannedInput.of(ScopeBindings.COMPREHENSIONS, ColumnContract.required("comp_id", DataType.STRING),
                        ColumnContract.optional("parent_def_id", DataType.STRING)));
    }

    @Override
    public List<ViewDefinition> views() {
        return List.of(
                ViewDefinition.of(DEFS, ViewKind.JOIN, defs()),
                ViewDefinition.of(NAME_EXPRS, ViewKind.JOIN, nameExprs()),
                ViewDefinition.of(BINDERS, ViewKind.JOIN, binders()),
                ViewDefinition.of(PARAM_SLOTS, ViewKind.JOIN, paramSlots()),
                ViewDefinition.of(CLASS_ATTRS, ViewKind.RANK, classAttrs()),
                ViewDefinition.of(GENERATORS, ViewKind.AGGREGATE, generators()),
                ViewDefinition.of(PROPERTY_NAMES, ViewKind.AGGREGATE, propertyNames()),
                ViewDefinition.of(IMPLICIT, ViewKind.UNION, implicit()),
                ViewDefinition.of(FLOW, ViewKind.UNION, flow()),
                ViewDefinition.of(METHODS, ViewKind.JOIN, methods()),
                ViewDefinition.of(MODULE_ATTRS, ViewKind.JOIN, moduleAttrs()),
                ViewDefinition.of(ELEMENT_KEYS, ViewKind.UNION, elementKeys()),
                ViewDefinition.of(SUPER_CALLS, ViewKind.JOIN, superCalls()),
                ViewDefinition.of(SUPER_METHODS, ViewKind.RANK, superMethods()),
                ViewDefinition.of(ARGS, ViewKind.UNION, args()),
                ViewDefinition.of(STAR_ARGS, ViewKind.JOIN, starArgs()),
                ViewDefinition.of(SITES, ViewKind.UNION, sites()),
                ViewDefinition.of(POINTS_TO, ViewKind.FIXPOINT, pointsTo()),
                ViewDefinition.of(RESOLVED, ViewKind.AGGREGATE, resolved()),
                ViewDefinition.of(CALLS_EDGES, ViewKind.PROJECT, callsEdges()),
                ViewDefinition.of(UNRESOLVED_PROPS, ViewKind.PROJECT, unresolvedProps()),
                ViewDefinition.of(CALL_GRAPH, ViewKind.AGGREGATE, callGraph()));
    }

    @Override
    public List<String> edgeViews() {
        return List.of(CALLS_EDGES);
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

    private static RelSpec defs() {
        return RelSpec.scan(StructureGraph.DEF_ROWS, "r")
                .join(RelSpec.scan(StructureGraph.DEFS, "d"), JoinType.INNER, str("d", "def_id").eq(str("r", "def_id")))
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("f", "file_id").eq(str("d", "file_id")))
                .project(str("r", "def_id").as("def_id"), str("r", "node_id").as("node_id"), str("r", "node_kind").as("node_kind"),
                        str("r", "def_kind").as("def_kind"),
                        DefinitionNodes.qualifiedName(str("f", "module_name"), str("d", "qualname")).as("qualified_name"),
                        str("d", "file_id").as("file_id"), str("d", "scope_id").as("scope_id"),
                        Exprs.cast(i32("d", "decorator_count"), DataType.STRING).as("decorated"));
    }

    /** A Name expression's binding; a free or global one is followed to the binding it refers to. */
    private static RelSpec nameExprs() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("NAME"))
                .join(RelSpec.scan(StructureGraph.NAME_ROWS, "n"), JoinType.INNER, str("n", "name_id").eq(str("e", "ref_id")))
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "b"), JoinType.INNER, str("b", "name_node_id").eq(str("n", "node_id")))
                .join(RelSpec.scan(ScopeBindings.RESOLUTIONS, "r"), JoinType.LEFT, str("r", "binding_id").eq(str("b", "binding_id")))
                .project(str("e", "expr_id").as("expr_id"), str("n", "ctx").as("ctx"),
                        Exprs.coalesce(str("r", "target_binding_id"), str("b", "binding_id")).as("binding_id"));
    }

    /** The binding each definition, parameter and import alias binds, with the entity's extraction id. */
    private static RelSpec binders() {
        return RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u")
                .join(RelSpec.scan(DefUseEdges.INTRODUCED, "i"), JoinType.INNER, str("i", "entity_id").eq(str("u", "introduced_id")))
                .project(str("u", "binding_id").as("binding_id"), str("i", "entity_id").as("entity_id"));
    }

    private static RelSpec paramSlots() {
        return RelSpec.scan(StructureGraph.PARAM_ROWS, "p")
                .join(RelSpec.scan(BINDERS, "b"), JoinType.INNER, str("b", "entity_id").eq(str("p", "param_id")))
                .project(str("p", "def_id").as("def_id"), i32("p", "position").as("position"), str("p", "name").as("name"),
                        str("p", "kind").as("kind"), str("b", "binding_id").as("binding_id"));
    }

    /**
     * Unconditional copies: a binding's objects to every load of it, a value's to the names it is
     * assigned to and to the parameter it is the default of, operands of {@code if}/{@code or} and
     * the values of {@code *x}, {@code :=} and {@code await} to the expression, returned values
     * (a lambda's body included) to the function's {@code ret}, a definition's binding to the
     * import aliases that reach it.
     */
    private static RelSpec flow() {
        RelSpec loads = RelSpec.scan(NAME_EXPRS, "n").filter(str("n", "ctx").eq("LOAD"))
                .project(copy(val("var"), str("n", "binding_id"), val("expr"), str("n", "expr_id")));
        RelSpec assigned = RelSpec.scan(ASSIGNMENTS, "a")
                .project(copy(val("expr"), str("a", "value_expr_id"), val("tgt"), str("a", "target_expr_id")));
        RelSpec stores = RelSpec.scan(NAME_EXPRS, "n").filter(str("n", "ctx").eq("STORE"))
                .project(copy(val("tgt"), str("n", "expr_id"), val("var"), str("n", "binding_id")));
        RelSpec defaults = RelSpec.scan(PARAM_DEFAULTS, "d")
                .join(RelSpec.scan(BINDERS, "b"), JoinType.INNER, str("b", "entity_id").eq(str("d", "param_id")))
                .project(copy(val("expr"), str("d", "value_expr_id"), val("var"), str("b", "binding_id")));
        RelSpec operands = RelSpec.scan(EXPR_OPERANDS, "o")
                .project(copy(val("expr"), str("o", "operand_expr_id"), val("expr"), str("o", "expr_id")));
        RelSpec wrapped = RelSpec.scan(EXPRS, "e")
                .filter(str("e", "kind").in(List.of("STARRED", "NAMED_EXPR", "AWAIT")).and(str("e", "value_expr_id").isNotNull()))
                .project(copy(val("expr"), str("e", "value_expr_id"), val("expr"), str("e", "expr_id")));
        RelSpec returns = RelSpec.scan(RETURNS, "r")
                .filter(str("r", "kind").in(List.of("RETURN", "LAMBDA")).and(str("r", "def_id").isNotNull())
                        .and(str("r", "value_expr_id").isNotNull()))
                .project(copy(val("expr"), str("r", "value_expr_id"), val("ret"), str("r", "def_id")));
        RelSpec yields = RelSpec.scan(RETURNS, "r")
                .filter(str("r", "kind").eq("YIELD").and(str("r", "def_id").isNotNull()).and(str("r", "value_expr_id").isNotNull()))
                .project(copy(val("expr"), str("r", "value_expr_id"), val("yld"), str("r", "def_id")));
        RelSpec imports = RelSpec.scan(ImportResolution.TARGETS, "t")
                .join(RelSpec.scan(BINDERS, "a"), JoinType.INNER, str("a", "entity_id").eq(str("t", "requester_id")))
                .join(RelSpec.scan(DEFS, "d"), JoinType.INNER, str("d", "node_id").eq(str("t", "target_id")))
                .join(RelSpec.scan(BINDERS, "b"), JoinType.INNER, str("b", "entity_id").eq(str("d", "def_id")))
                .project(copy(val("var"), str("b", "binding_id"), val("var"), str("a", "binding_id")));
        // A call's result is its expression's value; a decorator application's the decorated value one step up;
        // the value after the top decorator (position 0) is what the definition's name is bound to.
        RelSpec callResults = callExprs("e").project(copy(val("res"), str("e", "expr_id"), val("expr"), str("e", "expr_id")));
        RelSpec applied = RelSpec.scan(StructureGraph.DECORATORS, "d")
                .project(copy(val("res"), str("d", "decorator_id"), val(NONE), val("dval"), str("d", "def_id"),
                        Exprs.cast(i32("d", "position"), DataType.STRING)));
        RelSpec named = RelSpec.scan(BINDERS, "b")
                .join(RelSpec.scan(DEFS, "d"), JoinType.INNER, str("d", "def_id").eq(str("b", "entity_id")))
                .project(copy(val("dval"), str("d", "def_id"), val("0"), val("var"), str("b", "binding_id"), val(NONE)));
        // An implicit call's result is its expression's value; with targets take __enter__'s, loop targets __next__'s.
        RelSpec implicitResults = RelSpec.scan(IMPLICIT, "i").filter(str("i", "result_expr_id").ne(NONE))
                .project(copy(val("res"), str("i", "site"), val("expr"), str("i", "result_expr_id")));
        RelSpec protocolTargets = RelSpec.scan(ITERATIONS, "i").filter(str("i", "target_expr_id").isNotNull())
                .project(copy(val("res"), QNames.join(str("i", "iteration_id"),
                                Exprs.when(str("i", "kind").eq("WITH"), StructureGraph.varchar("enter")).otherwise(StructureGraph.varchar("next"))),
                        val("tgt"), str("i", "target_expr_id")));
        return RelSpec.unionAll(loads, assigned, stores, defaults, operands, wrapped, returns, yields, imports, callResults, applied, named,
                implicitResults, protocolTargets);
    }

    /** For each class and each name a class of its MRO binds in its body, the binding of the first such class. */
    private static RelSpec classAttrs() {
        return RelSpec.scan(ClassHierarchy.MRO, "a")
                .join(RelSpec.scan(DEFS, "k"), JoinType.INNER, str("k", "node_id").eq(str("a", "base_id")))
                .join(RelSpec.scan(ScopeBindings.BINDINGS, "b"), JoinType.INNER, str("b", "scope_id").eq(str("k", "def_id")))
                .topPerGroup(List.of(str("a", "class_id"), str("b", "symbol")), 1, SortKey.asc(i32("a", "mro_position")))
                .project(str("a", "class_id").as("class_id"), str("b", "symbol").as("symbol"), str("b", "binding_id").as("binding_id"))
                .as("t")
                .join(RelSpec.scan(DEFS, "c"), JoinType.INNER, str("c", "node_id").eq(str("t", "class_id")))
                .project(str("c", "def_id").as("class_def_id"), str("t", "symbol").as("symbol"), str("t", "binding_id").as("binding_id"));
    }

    private static RelSpec generators() {
        return RelSpec.scan(RETURNS, "r").filter(str("r", "kind").in(List.of("YIELD", "YIELD_FROM")).and(str("r", "def_id").isNotNull()))
                .aggregate(List.of(str("r", "def_id").as("def_id")), List.of());
    }

    /** Names bound by defs decorated with the builtin {@code property} or with {@code <name>.setter} / {@code .getter}. */
    private static RelSpec propertyNames() {
        RelSpec getters = RelSpec.scan(StructureGraph.DECORATORS, "d")
                .join(RelSpec.scan(NAME_EXPRS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("d", "expr_id")))
                .join(RelSpec.scan(ImportResolution.BUILTIN_USES, "u"), JoinType.INNER, str("u", "binding_id").eq(str("n", "binding_id"))
                        .and(str("u", "qualified_name").eq("builtins.property")))
                .project(str("d", "def_id").as("def_id"));
        RelSpec setters = RelSpec.scan(StructureGraph.DECORATORS, "d")
                .join(RelSpec.scan(EXPRS, "x"), JoinType.INNER, str("x", "expr_id").eq(str("d", "expr_id"))
                        .and(str("x", "kind").eq("ATTRIBUTE")).and(str("x", "attr").in(List.of("setter", "getter"))))
                .project(str("d", "def_id").as("def_id"));
        return RelSpec.unionAll(getters, setters).as("p")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "f"), JoinType.INNER, str("f", "def_id").eq(str("p", "def_id")))
                .aggregate(List.of(str("f", "name").as("name")), List.of());
    }

    /**
     * The sites of implicit calls: operators (the left operand's {@code __op__}), comparisons
     * ({@code __eq__}, {@code __lt__}, ... on the left; {@code in} the right's
     * {@code __contains__}), unary operators, subscripts ({@code __getitem__}/{@code __setitem__}/
     * {@code __delitem__}), {@code len}/{@code str}/{@code repr}/{@code bool}/... on their
     * argument, calls of instances ({@code __call__}), reads and stores of attributes named like a
     * property, {@code with} ({@code __enter__}/{@code __exit__}) and iteration ({@code __iter__},
     * then {@code __next__} on its result). Reflected operators ({@code __radd__}) are left out:
     * the monotone fixpoint cannot say "only when the left has no {@code __add__}".
     */
    private static RelSpec implicit() {
        RelSpec binops = RelSpec.scan(OPERATOR_OPERANDS, "l").filter(i32("l", "position").eq(0).and(str("l", "op").in(BINARY.keySet())))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("l", "expr_id")))
                .project(implicitSite(str("e", "expr_id"), "expr", str("l", "operand_expr_id"), dunder(str("l", "op"), BINARY), "operator",
                        str("e", "expr_id"), "e"));
        RelSpec unary = RelSpec.scan(OPERATOR_OPERANDS, "l").filter(i32("l", "position").eq(0).and(str("l", "op").in(UNARY.keySet())))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("l", "expr_id")))
                .project(implicitSite(str("e", "expr_id"), "expr", str("l", "operand_expr_id"), dunder(str("l", "op"), UNARY), "operator",
                        Exprs.when(str("l", "op").eq("Not"), StructureGraph.varchar(NONE)).otherwise(str("e", "expr_id")), "e"));
        RelSpec compared = comparisonPairs()
                .project(implicitSite(str("r", "operator_operand_id"),
                        "expr", Exprs.when(str("r", "op").in(CONTAINS), str("r", "operand_expr_id")).otherwise(str("l", "operand_expr_id")),
                        Exprs.when(str("r", "op").in(CONTAINS), StructureGraph.varchar("__contains__")).otherwise(dunder(str("r", "op"), COMPARISON)),
                        "comparison", str("e", "expr_id"), "e"));
        RelSpec subscripts = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("SUBSCRIPT").and(str("e", "ctx").isNotNull()))
                .project(implicitSite(str("e", "expr_id"), "expr", str("e", "base_expr_id"),
                        Exprs.when(str("e", "ctx").eq("LOAD"), StructureGraph.varchar("__getitem__"))
                                .when(str("e", "ctx").eq("STORE"), StructureGraph.varchar("__setitem__")).otherwise(StructureGraph.varchar("__delitem__")),
                        "subscript", Exprs.when(str("e", "ctx").eq("LOAD"), str("e", "expr_id")).otherwise(StructureGraph.varchar(NONE)), "e"));
        // The builtin's call is the site (it has a PY_CALL node); its result is already the call's value.
        RelSpec builtins = callExprs("e")
                .join(RelSpec.scan(NAME_EXPRS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("e", "base_expr_id")))
                .join(RelSpec.scan(ImportResolution.BUILTIN_USES, "u"), JoinType.INNER, str("u", "binding_id").eq(str("n", "binding_id"))
                        .and(str("u", "qualified_name").in(BUILTIN_DUNDERS.keySet())))
                .join(RelSpec.scan(CALL_ARGS, "a"), JoinType.INNER, str("a", "call_id").eq(str("e", "ref_id")).and(i32("a", "position").eq(0))
                        .and(BuiltinColumns.bool("a", "is_star").not()))
                .project(implicitSite(str("e", "expr_id"), "expr", str("a", "arg_expr_id"), dunder(str("u", "qualified_name"), BUILTIN_DUNDERS),
                        "builtin", StructureGraph.varchar(NONE), "e"));
        RelSpec instanceCalls = callExprs("e").filter(str("e", "base_expr_id").isNotNull())
                .project(implicitSite(str("e", "expr_id"), "expr", str("e", "base_expr_id"), StructureGraph.varchar("__call__"), "call",
                        StructureGraph.varchar(NONE), "e"));
        RelSpec properties = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").in(List.of("LOAD", "STORE"))))
                .join(RelSpec.scan(PROPERTY_NAMES, "p"), JoinType.INNER, str("p", "name").eq(str("e", "attr")))
                .project(implicitSite(str("e", "expr_id"), "expr", str("e", "base_expr_id"), str("e", "attr"), "property",
                        Exprs.when(str("e", "ctx").eq("LOAD"), str("e", "expr_id")).otherwise(StructureGraph.varchar(NONE)), "e"));
        Condition async = BuiltinColumns.bool("i", "is_async");
        RelSpec withs = RelSpec.scan(ITERATIONS, "i").filter(str("i", "kind").eq("WITH"));
        RelSpec enter = withs.project(protocolSite("enter", StructureGraph.varchar("expr"), str("i", "source_expr_id"),
                Exprs.when(async, StructureGraph.varchar("__aenter__")).otherwise(StructureGraph.varchar("__enter__")), "with"));
        RelSpec exit = withs.project(protocolSite("exit", StructureGraph.varchar("expr"), str("i", "source_expr_id"),
                Exprs.when(async, StructureGraph.varchar("__aexit__")).otherwise(StructureGraph.varchar("__exit__")), "with"));
        RelSpec loops = RelSpec.scan(ITERATIONS, "i").filter(str("i", "kind").in(List.of("FOR", "COMPREHENSION")));
        RelSpec iter = loops.project(protocolSite("iter", StructureGraph.varchar("expr"), str("i", "source_expr_id"),
                Exprs.when(async, StructureGraph.varchar("__aiter__")).otherwise(StructureGraph.varchar("__iter__")), "iteration"));
        RelSpec next = loops.project(protocolSite("next", StructureGraph.varchar("res"), QNames.join(str("i", "iteration_id"), val("iter")),
                Exprs.when(async, StructureGraph.varchar("__anext__")).otherwise(StructureGraph.varchar("__next__")), "iteration"));
        // yield from, and builtins that drain an iterable argument, iterate it (a generator's frame is resumed from there).
        RelSpec delegated = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("YIELD_FROM").and(str("e", "value_expr_id").isNotNull()))
                .project(implicitSite(str("e", "expr_id"), "expr", str("e", "value_expr_id"), StructureGraph.varchar("__iter__"), "iteration",
                        StructureGraph.varchar(NONE), "e"));
        RelSpec drained = callExprs("e")
                .join(RelSpec.scan(NAME_EXPRS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("e", "base_expr_id")))
                .join(RelSpec.scan(ImportResolution.BUILTIN_USES, "u"), JoinType.INNER, str("u", "binding_id").eq(str("n", "binding_id"))
                        .and(str("u", "qualified_name").in(DRAINING)))
                .join(RelSpec.scan(CALL_ARGS, "a"), JoinType.INNER, str("a", "call_id").eq(str("e", "ref_id")).and(i32("a", "position").ge(0)))
                .project(implicitSite(str("e", "expr_id"), "expr", str("a", "arg_expr_id"), StructureGraph.varchar("__iter__"), "builtin",
                        StructureGraph.varchar(NONE), "e"));
        return RelSpec.unionAll(binops, unary, compared, subscripts, builtins, instanceCalls, properties, enter, exit, iter, next, delegated,
                drained);
    }

    /** Each comparison operand {@code r} after the first with the one before it {@code l} and the Compare {@code e}. */
    private static RelSpec comparisonPairs() {
        List<String> ops = new ArrayList<>(COMPARISON.keySet());
        ops.addAll(CONTAINS);
        return RelSpec.scan(OPERATOR_OPERANDS, "r").filter(i32("r", "position").gt(0).and(str("r", "op").in(ops)))
                .join(RelSpec.scan(OPERATOR_OPERANDS, "l"), JoinType.INNER, str("l", "expr_id").eq(str("r", "expr_id"))
                        .and(i32("l", "position").eq(Exprs.minus(i32("r", "position"), 1))))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("r", "expr_id")));
    }

    /** The dunder {@code names} gives for {@code key}'s value, in the order of the keys (a deterministic CASE). */
    private static Field<String> dunder(Field<String> key, Map<String, String> names) {
        CaseBuilder<String> when = null;
        for (String k : new TreeMap<>(names).keySet()) {
            when = when == null ? Exprs.when(key.eq(k), StructureGraph.varchar(names.get(k))) : when.when(key.eq(k), StructureGraph.varchar(names.get(k)));
        }
        return when.otherwise(StructureGraph.varchar(NONE));
    }

    private static List<NamedField<?>> implicitSite(Field<String> site, String recvRel, Field<String> recv, Field<String> method, String protocol,
            Field<String> result, String at) {
        return List.of(site.as("site"), StructureGraph.varchar(recvRel).as("recv_rel"), recv.as("recv_s"), method.as("method_name"),
                StructureGraph.varchar(protocol).as("protocol"),
                result.as("result_expr_id"), str(at, "file_id").as("file_id"), str(at, "scope_id").as("scope_id"), str(at, "path").as("path"),
                i64(at, "bstart").as("bstart"), i64(at, "bend").as("bend"));
    }

    /** A with item's or loop's implicit call {@code step} ({@code iteration_id.step}), spanned at the source. */
    private static List<NamedField<?>> protocolSite(String step, Field<String> recvRel, Field<String> recv, Field<String> method, String protocol) {
        return List.of(QNames.join(str("i", "iteration_id"), val(step)).as("site"), recvRel.as("recv_rel"), recv.as("recv_s"),
                method.as("method_name"), StructureGraph.varchar(protocol).as("protocol"), StructureGraph.varchar(NONE).as("result_expr_id"),
                str("i", "file_id").as("file_id"), str("i", "scope_id").as("scope_id"), str("i", "path").as("path"),
                i64("i", "bstart").as("bstart"), i64("i", "bend").as("bend"));
    }

    /**
     * The fields container elements fill: every element but {@code *x}/{@code **m} the any-element
     * field {@code *}; a tuple's or list's element its index, and its index from the end (negative)
     * when no starred element comes before it (after it, for the negative one); a dict entry with
     * a constant key that key (a subscript's constant index is matched as the same text).
     */
    private static RelSpec elementKeys() {
        Condition plain = BuiltinColumns.bool("x", "is_starred").not().and(BuiltinColumns.bool("x", "is_double_star").not());
        Condition sequence = str("x", "container_kind").in(List.of("TUPLE", "LIST"));
        Field<Integer> star = i32("x", "star_index");
        RelSpec any = RelSpec.scan(ELEMENTS, "x").filter(plain)
                .project(elementKey(val("*")));
        RelSpec index = RelSpec.scan(ELEMENTS, "x").filter(plain.and(sequence).and(star.eq(-1).or(i32("x", "index").lt(star))))
                .project(elementKey(Exprs.cast(i32("x", "index"), DataType.STRING)));
        RelSpec fromEnd = RelSpec.scan(ELEMENTS, "x").filter(plain.and(sequence).and(star.eq(-1).or(i32("x", "index").gt(star))))
                .project(elementKey(Exprs.cast(Exprs.minus(i32("x", "index"), i32("x", "element_count")), DataType.STRING)));
        RelSpec keyed = RelSpec.scan(ELEMENTS, "x").filter(plain.and(str("x", "container_kind").eq("DICT")).and(str("x", "key_const_text").isNotNull()))
                .project(elementKey(str("x", "key_const_text")));
        return RelSpec.unionAll(any, index, fromEnd, keyed);
    }

    private static List<NamedField<?>> elementKey(Field<String> key) {
        return List.of(str("x", "container_expr_id").as("container_expr_id"), str("x", "ctx").as("ctx"),
                str("x", "element_expr_id").as("element_expr_id"), key.as("k"));
    }

    private static List<NamedField<?>> copy(Field<String> srcRel, Field<String> src, Field<String> dstRel, Field<String> dst) {
        return copy(srcRel, src, val(NONE), dstRel, dst, val(NONE));
    }

    private static List<NamedField<?>> copy(Field<String> srcRel, Field<String> src, Field<String> srcK, Field<String> dstRel, Field<String> dst,
            Field<String> dstK) {
        return List.of(srcRel.as("src_rel"), src.as("src"), srcK.as("src_k"), dstRel.as("dst_rel"), dst.as("dst"), dstK.as("dst_k"));
    }

    private static RelSpec methods() {
        return RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "l")
                .join(RelSpec.scan(DEFS, "c"), JoinType.INNER, str("c", "node_id").eq(str("l", "class_id")))
                .join(RelSpec.scan(DEFS, "f"), JoinType.INNER, str("f", "node_id").eq(str("l", "function_id")))
                .project(str("c", "def_id").as("class_def_id"), str("l", "method_name").as("method_name"), str("f", "def_id").as("function_def_id"));
    }

    private static RelSpec moduleAttrs() {
        return RelSpec.scan(ImportResolution.MODULE_SYMBOLS, "s")
                .join(RelSpec.scan(ModuleNodes.MODULE_NODES, "m"), JoinType.INNER, str("m", "qualified_name").eq(str("s", "module_name")))
                .project(str("m", "node_id").as("module_node_id"), str("s", "symbol").as("symbol"), str("s", "binding_id").as("binding_id"));
    }

    /**
     * {@code super()} without arguments called in a function whose scope is a class body: the
     * class it names is that class, the receiver the function's first parameter.
     */
    private static RelSpec superCalls() {
        return callExprs("e")
                .join(RelSpec.scan(StructureGraph.CALL_ROWS, "c"), JoinType.INNER,
                        str("c", "node_id").eq(CpgExprs.stableId(str("e", "path"), i64("e", "bstart"), i64("e", "bend"), val("PY_CALL")))
                                .and(i32("c", "positional_count").eq(0)).and(i32("c", "keyword_count").eq(0)))
                .join(RelSpec.scan(NAME_EXPRS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("e", "base_expr_id")))
                .join(RelSpec.scan(ImportResolution.BUILTIN_USES, "u"), JoinType.INNER, str("u", "binding_id").eq(str("n", "binding_id"))
                        .and(str("u", "qualified_name").eq("builtins.super")))
                .join(RelSpec.scan(DEFS, "m"), JoinType.INNER, str("m", "def_id").eq(str("e", "scope_id")))
                .join(RelSpec.scan(DEFS, "k"), JoinType.INNER, str("k", "def_id").eq(str("m", "scope_id")).and(str("k", "def_kind").eq("CLASS")))
                .project(str("e", "expr_id").as("expr_id"), str("m", "def_id").as("method_def_id"), str("k", "def_id").as("class_def_id"));
    }

    /** The first class after {@code k} in {@code c}'s MRO whose body defines the name (its last such def). */
    private static RelSpec superMethods() {
        return RelSpec.scan(ClassHierarchy.MRO, "a")
                .join(RelSpec.scan(ClassHierarchy.MRO, "b"), JoinType.INNER, str("b", "class_id").eq(str("a", "class_id"))
                        .and(i32("b", "mro_position").gt(i32("a", "mro_position"))))
                .join(RelSpec.scan(DEFS, "base"), JoinType.INNER, str("base", "node_id").eq(str("b", "base_id")))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "f"), JoinType.INNER, str("f", "parent_def_id").eq(str("base", "def_id"))
                        .and(str("f", "def_kind").in(List.of("FUNCTION", "ASYNC_FUNCTION"))))
                .topPerGroup(List.of(str("a", "class_id"), str("a", "base_id"), str("f", "name")), 1, SortKey.asc(i32("b", "mro_position")),
                        SortKey.desc(i64("f", "bstart")))
                .project(str("a", "class_id").as("class_id"), str("a", "base_id").as("base_id"), str("f", "name").as("name"),
                        str("f", "def_id").as("def_id"))
                .as("t")
                .join(RelSpec.scan(DEFS, "c"), JoinType.INNER, str("c", "node_id").eq(str("t", "class_id")))
                .join(RelSpec.scan(DEFS, "k"), JoinType.INNER, str("k", "node_id").eq(str("t", "base_id")))
                .project(str("c", "def_id").as("class_def_id"), str("k", "def_id").as("after_def_id"), str("t", "name").as("method_name"),
                        str("t", "def_id").as("function_def_id"));
    }

    // ---- the fixpoint ---------------------------------------------------------------------------

    /**
     * Seed: every function and class bound to its name (its value before decorators), every lambda
     * expression, every import alias of a module bound to that module. The rules: copies along
     * {@value #FLOW}; a call of a function, class or bound method; a class call reaching
     * {@code __init__} by the MRO with the new instance; arguments to parameters by position and
     * keyword, the instance to a bound method's first one; results from the callee's returns;
     * methods read through instances and classes; attributes stored on and loaded from instances;
     * module attributes.
     */
    private static SemiNaiveRel pointsTo() {
        RelSpec defined = RelSpec.scan(BINDERS, "b")
                .join(RelSpec.scan(DEFS, "d"), JoinType.INNER, str("d", "def_id").eq(str("b", "entity_id")))
                .filter(str("d", "def_kind").ne("LAMBDA"))
                .project(row(val("dval"), str("d", "def_id"), str("d", "decorated"), objectKind(str("d", "def_kind")), str("d", "def_id"), val(NONE)));
        RelSpec lambdas = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("LAMBDA").and(str("e", "ref_id").isNotNull()))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), val("F"), str("e", "ref_id"), val(NONE)));
        RelSpec modules = RelSpec.scan(ImportResolution.TARGETS, "t")
                .join(RelSpec.scan(BINDERS, "a"), JoinType.INNER, str("a", "entity_id").eq(str("t", "requester_id")))
                .join(RelSpec.scan(ModuleNodes.MODULE_NODES, "m"), JoinType.INNER, str("m", "node_id").eq(str("t", "target_id")))
                .project(row(val("var"), str("a", "binding_id"), val(NONE), val("M"), str("m", "node_id"), val(NONE)));
        RelSpec displays = RelSpec.scan(EXPRS, "e")
                .filter(str("e", "kind").in(List.of("TUPLE", "LIST", "SET", "DICT", "COMPREHENSION")).and(str("e", "ctx").isNull().or(str("e", "ctx").eq("LOAD"))))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), val("L"), str("e", "expr_id"), val(NONE)));
        RelSpec builtins = RelSpec.scan(ImportResolution.BUILTIN_USES, "u")
                .project(row(val("var"), str("u", "binding_id"), val(NONE), val("E"), str("u", "qualified_name"), val(NONE)));
        RelSpec externals = RelSpec.scan(ImportResolution.TARGETS, "t").filter(str("t", "external_name").isNotNull())
                .join(RelSpec.scan(BINDERS, "a"), JoinType.INNER, str("a", "entity_id").eq(str("t", "requester_id")))
                .project(row(val("var"), str("a", "binding_id"), val(NONE), val("E"), str("t", "external_name"), val(NONE)));
        RelSpec packed = RelSpec.scan(PARAM_SLOTS, "q").filter(str("q", "kind").in(List.of("VAR_POSITIONAL", "VAR_KEYWORD")))
                .project(row(val("var"), str("q", "binding_id"), val(NONE), val("L"), str("q", "binding_id"), val(NONE)));
        RelSpec seed = RelSpec.unionAll(defined, lambdas, modules, displays, builtins, externals, packed);

        List<RelSpec> rules = new ArrayList<>();
        // Copies.
        rules.add(RelSpec.scan(FLOW, "c")
                .join(pts("p"), JoinType.INNER, str("p", "rel").eq(str("c", "src_rel")).and(str("p", "s").eq(str("c", "src")))
                        .and(str("p", "k").eq(str("c", "src_k"))))
                .project(row(str("c", "dst_rel"), str("c", "dst"), str("c", "dst_k"), okind("p"), o1("p"), o2("p"))));
        // A decorator is called with the value below it.
        rules.add(RelSpec.scan(StructureGraph.DECORATORS, "d")
                .join(pts("p", "expr"), JoinType.INNER, str("p", "s").eq(str("d", "expr_id")))
                .filter(okind("p").in(List.of("F", "C", "B")))
                .project(row(val("call"), str("d", "decorator_id"), val(NONE), okind("p"), o1("p"), o2("p"))));
        // Decorators that return their argument: staticmethod, classmethod, property (calls of the
        // function they wrap are still calls of it), functools.wraps(...), lru_cache(...), cache.
        rules.add(RelSpec.scan(StructureGraph.DECORATORS, "d")
                .join(pts("p", "expr"), JoinType.INNER, str("p", "s").eq(str("d", "expr_id")).and(okind("p").eq("E"))
                        .and(o2("p").eq(NONE).and(o1("p").in(IDENTITY_DECORATORS))
                                .or(o2("p").eq("call").and(o1("p").in(IDENTITY_DECORATOR_FACTORIES)))))
                .join(pts("v", "dval"), JoinType.INNER, str("v", "s").eq(str("d", "def_id"))
                        .and(str("v", "k").eq(Exprs.cast(Exprs.plus(i32("d", "position"), 1), DataType.STRING))))
                .project(row(val("dval"), str("d", "def_id"), Exprs.cast(i32("d", "position"), DataType.STRING), okind("v"), o1("v"), o2("v"))));
        // A call of an external factory of identity decorators, and attributes of externals (functools.wraps).
        rules.add(callExprs("e")
                .join(pts("p", "expr"), JoinType.INNER, str("p", "s").eq(str("e", "base_expr_id")).and(okind("p").eq("E"))
                        .and(o1("p").in(IDENTITY_DECORATOR_FACTORIES)).and(o2("p").eq(NONE)))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), val("E"), o1("p"), val("call"))));
        rules.add(attributeLoads("e")
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").eq("E")).and(o2("b").eq(NONE)))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), val("E"), QNames.join(o1("b"), str("e", "attr")), val(NONE))));
        // A call of whatever its callee expression may be that is callable.
        rules.add(callExprs("e")
                .join(pts("p", "expr"), JoinType.INNER, str("p", "s").eq(str("e", "base_expr_id")))
                .filter(okind("p").in(List.of("F", "C", "B")))
                .project(row(val("call"), str("e", "expr_id"), val(NONE), okind("p"), o1("p"), o2("p"))));
        // A class call makes an instance and calls __init__ found by the MRO with it.
        rules.add(pts("c", "call").filter(okind("c").eq("C").and(str("c", "k").eq(NONE)))
                .project(row(val("res"), str("c", "s"), val(NONE), val("I"), o1("c"), val(NONE))));
        rules.add(pts("c", "call").filter(okind("c").eq("C").and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(METHODS, "m"), JoinType.INNER, str("m", "class_def_id").eq(o1("c")).and(str("m", "method_name").eq("__init__")))
                .project(row(val("call"), str("c", "s"), val(NONE), val("B"), str("m", "function_def_id"), o1("c"))));
        // The result of a function or method call is what the callee returns.
        rules.add(pts("c", "call").filter(okind("c").in(List.of("F", "B")).and(str("c", "k").eq(NONE)))
                .join(pts("r", "ret"), JoinType.INNER, str("r", "s").eq(o1("c")))
                .project(row(val("res"), str("c", "s"), val(NONE), okind("r"), o1("r"), o2("r"))));
        // Positional arguments: a bound method's first parameter is the instance, so they shift by one.
        rules.add(positional("F", 0));
        rules.add(positional("B", 1));
        rules.add(pts("c", "call").filter(okind("c").in(List.of("F", "B")).and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(ARGS, "a"), JoinType.INNER, str("a", "site").eq(str("c", "s")).and(str("a", "keyword").isNotNull()))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c")).and(str("q", "name").eq(str("a", "keyword")))
                        .and(str("q", "kind").in(List.of("REGULAR", "KEYWORD_ONLY"))))
                .join(pts("v"), JoinType.INNER, str("v", "rel").eq(str("a", "arg_rel")).and(str("v", "s").eq(str("a", "arg_s")))
                        .and(str("v", "k").eq(str("a", "arg_k"))))
                .project(row(val("var"), str("q", "binding_id"), val(NONE), okind("v"), o1("v"), o2("v"))));
        rules.add(pts("c", "call").filter(okind("c").eq("B").and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c")).and(i32("q", "position").eq(0)))
                .project(row(val("var"), str("q", "binding_id"), val(NONE), val("I"), o2("c"), val(NONE))));
        // Methods through instances (bound) and classes (plain functions).
        rules.add(attributeLoads("e")
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").eq("I")))
                .join(RelSpec.scan(METHODS, "m"), JoinType.INNER, str("m", "class_def_id").eq(o1("b")).and(str("m", "method_name").eq(str("e", "attr"))))
                .join(pts("f", "dval"), JoinType.INNER, str("f", "s").eq(str("m", "function_def_id")).and(str("f", "k").eq("0")).and(okind("f").eq("F")))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), val("B"), o1("f"), o1("b"))));
        rules.add(attributeLoads("e")
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").eq("C")))
                .join(RelSpec.scan(METHODS, "m"), JoinType.INNER, str("m", "class_def_id").eq(o1("b")).and(str("m", "method_name").eq(str("e", "attr"))))
                .join(pts("f", "dval"), JoinType.INNER, str("f", "s").eq(str("m", "function_def_id")).and(str("f", "k").eq("0")))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), okind("f"), o1("f"), o2("f"))));
        // Instance attributes: stores through any reference to an instance, loads of them.
        rules.add(RelSpec.scan(ASSIGNMENTS, "a")
                .join(RelSpec.scan(EXPRS, "t"), JoinType.INNER, str("t", "expr_id").eq(str("a", "target_expr_id")).and(str("t", "kind").eq("ATTRIBUTE")))
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("t", "base_expr_id")).and(okind("b").eq("I")))
                .join(pts("v", "expr"), JoinType.INNER, str("v", "s").eq(str("a", "value_expr_id")))
                .project(row(val("field"), o1("b"), str("t", "attr"), okind("v"), o1("v"), o2("v"))));
        rules.add(attributeLoads("e")
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").eq("I")))
                .join(pts("f", "field"), JoinType.INNER, str("f", "s").eq(o1("b")).and(str("f", "k").eq(str("e", "attr"))))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), okind("f"), o1("f"), o2("f"))));
        // Module attributes: the module's top-level binding of the name.
        rules.add(attributeLoads("e")
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").eq("M")))
                .join(RelSpec.scan(MODULE_ATTRS, "m"), JoinType.INNER, str("m", "module_node_id").eq(o1("b")).and(str("m", "symbol").eq(str("e", "attr"))))
                .join(pts("v", "var"), JoinType.INNER, str("v", "s").eq(str("m", "binding_id")))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), okind("v"), o1("v"), o2("v"))));
        // Containers: elements fill fields of the display's L object; subscripts read them (a
        // non-constant index the any-element field); unpacking targets take them by index; for
        // loops and comprehensions bind their target to any element.
        rules.add(RelSpec.scan(ELEMENT_KEYS, "x").filter(str("x", "ctx").eq("LOAD"))
                .join(pts("v", "expr"), JoinType.INNER, str("v", "s").eq(str("x", "element_expr_id")))
                .project(row(val("field"), str("x", "container_expr_id"), str("x", "k"), okind("v"), o1("v"), o2("v"))));
        rules.add(RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("SUBSCRIPT").and(str("e", "ctx").eq("LOAD")))
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").eq("L")))
                .join(pts("f", "field"), JoinType.INNER, str("f", "s").eq(o1("b")).and(str("f", "k").eq(Exprs.coalesce(str("e", "const_text"), "*"))))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), okind("f"), o1("f"), o2("f"))));
        rules.add(RelSpec.scan(ELEMENT_KEYS, "x").filter(str("x", "ctx").eq("STORE").and(str("x", "k").ne("*")))
                .join(pts("t", "tgt"), JoinType.INNER, str("t", "s").eq(str("x", "container_expr_id")).and(okind("t").eq("L")))
                .join(pts("f", "field"), JoinType.INNER, str("f", "s").eq(o1("t")).and(str("f", "k").eq(str("x", "k"))))
                .project(row(val("tgt"), str("x", "element_expr_id"), val(NONE), okind("f"), o1("f"), o2("f"))));
        rules.add(RelSpec.scan(ITERATIONS, "i").filter(str("i", "kind").in(List.of("FOR", "COMPREHENSION")).and(str("i", "target_expr_id").isNotNull()))
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("i", "source_expr_id")).and(okind("b").eq("L")))
                .join(pts("f", "field"), JoinType.INNER, str("f", "s").eq(o1("b")).and(str("f", "k").eq("*")))
                .project(row(val("tgt"), str("i", "target_expr_id"), val(NONE), okind("f"), o1("f"), o2("f"))));
        // Builtins that call a function they are given (map/filter its first argument with the
        // elements of the second, sorted/min/max their key= with the elements of the first): a call
        // from the builtin's caller, kept apart (k = 'callback') from the call's own arguments.
        rules.add(callbackCall("builtins.map", 0, null));
        rules.add(callbackCall("builtins.filter", 0, null));
        rules.add(callbackCall("functools.reduce", 0, null));
        for (String sorting : List.of("builtins.sorted", "builtins.min", "builtins.max")) {
            rules.add(callbackCall(sorting, -1, "key"));
        }
        rules.add(callbackElements("builtins.map", 1));
        rules.add(callbackElements("builtins.filter", 1));
        for (String sorting : List.of("builtins.sorted", "builtins.min", "builtins.max")) {
            rules.add(callbackElements(sorting, 0));
        }
        // super(): an S(class, receiver's class) object, whose attributes are found after the class in the receiver's MRO.
        rules.add(RelSpec.scan(SUPER_CALLS, "u")
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(str("u", "method_def_id")).and(i32("q", "position").eq(0)))
                .join(pts("r", "var"), JoinType.INNER, str("r", "s").eq(str("q", "binding_id")).and(okind("r").eq("I")))
                .project(row(val("expr"), str("u", "expr_id"), val(NONE), val("S"), str("u", "class_def_id"), o1("r"))));
        rules.add(attributeLoads("e")
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").eq("S")))
                .join(RelSpec.scan(SUPER_METHODS, "m"), JoinType.INNER, str("m", "class_def_id").eq(o2("b")).and(str("m", "after_def_id").eq(o1("b")))
                        .and(str("m", "method_name").eq(str("e", "attr"))))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE), val("B"), str("m", "function_def_id"), o2("b"))));
        // Calling a generator function makes a generator G; whoever iterates it runs the function.
        rules.add(pts("c", "call").filter(okind("c").eq("F").and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(GENERATORS, "g"), JoinType.INNER, str("g", "def_id").eq(o1("c")))
                .project(row(val("res"), str("c", "s"), val(NONE), val("G"), o1("c"), val(NONE))));
        rules.add(RelSpec.scan(IMPLICIT, "i").filter(str("i", "method_name").in(List.of("__iter__", "__aiter__")))
                .join(pts("p"), JoinType.INNER, str("p", "rel").eq(str("i", "recv_rel")).and(str("p", "s").eq(str("i", "recv_s")))
                        .and(str("p", "k").eq(NONE)).and(okind("p").eq("G")))
                .project(row(val("call"), str("i", "site"), val(NONE), val("F"), o1("p"), val(NONE))));
        rules.add(RelSpec.scan(ITERATIONS, "i").filter(str("i", "kind").in(List.of("FOR", "COMPREHENSION")).and(str("i", "target_expr_id").isNotNull()))
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("i", "source_expr_id")).and(okind("b").eq("G")))
                .join(pts("y", "yld"), JoinType.INNER, str("y", "s").eq(o1("b")))
                .project(row(val("tgt"), str("i", "target_expr_id"), val(NONE), okind("y"), o1("y"), o2("y"))));
        // *args takes the positional arguments from its position on (by index and as any element), **kwargs the keywords.
        rules.add(packedArguments("*"));
        rules.add(packedArguments(null));
        rules.add(pts("c", "call").filter(okind("c").in(List.of("F", "B")).and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(ARGS, "a"), JoinType.INNER, str("a", "site").eq(str("c", "s")).and(str("a", "keyword").isNotNull()))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c")).and(str("q", "kind").eq("VAR_KEYWORD")))
                .join(pts("v"), JoinType.INNER, str("v", "rel").eq(str("a", "arg_rel")).and(str("v", "s").eq(str("a", "arg_s")))
                        .and(str("v", "k").eq(str("a", "arg_k"))))
                .project(row(val("field"), str("q", "binding_id"), str("a", "keyword"), okind("v"), o1("v"), o2("v"))));
        // f(*xs): xs's fields by index to the parameters from the star's position on (any element to each); f(**m): m's keys by name.
        rules.add(pts("c", "call").filter(okind("c").in(List.of("F", "B")).and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(STAR_ARGS, "sa"), JoinType.INNER, str("sa", "site").eq(str("c", "s")).and(BuiltinColumns.bool("sa", "is_double_star").not()))
                .join(pts("l", "expr"), JoinType.INNER, str("l", "s").eq(str("sa", "arg_s")).and(okind("l").eq("L")))
                .join(pts("f", "field"), JoinType.INNER, str("f", "s").eq(o1("l")))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c"))
                        .and(str("q", "kind").in(List.of("POSITIONAL_ONLY", "REGULAR")))
                        .and(str("f", "k").eq("*").and(i32("q", "position").ge(Exprs.plus(i32("sa", "position"), receiverShift())))
                                .or(str("f", "k").eq(Exprs.cast(Exprs.minus(i32("q", "position"), Exprs.plus(i32("sa", "position"), receiverShift())),
                                        DataType.STRING)))))
                .project(row(val("var"), str("q", "binding_id"), val(NONE), okind("f"), o1("f"), o2("f"))));
        rules.add(pts("c", "call").filter(okind("c").in(List.of("F", "B")).and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(STAR_ARGS, "sa"), JoinType.INNER, str("sa", "site").eq(str("c", "s")).and(BuiltinColumns.bool("sa", "is_double_star")))
                .join(pts("l", "expr"), JoinType.INNER, str("l", "s").eq(str("sa", "arg_s")).and(okind("l").eq("L")))
                .join(pts("f", "field"), JoinType.INNER, str("f", "s").eq(o1("l")))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c")).and(str("q", "name").eq(str("f", "k")))
                        .and(str("q", "kind").in(List.of("REGULAR", "KEYWORD_ONLY"))))
                .project(row(val("var"), str("q", "binding_id"), val(NONE), okind("f"), o1("f"), o2("f"))));
        // Class attributes (handler = f in the body, any class of the MRO): a function read through an instance is bound to it.
        rules.add(attributeLoads("e")
                .join(pts("b", "expr"), JoinType.INNER, str("b", "s").eq(str("e", "base_expr_id")).and(okind("b").in(List.of("I", "C"))))
                .join(RelSpec.scan(CLASS_ATTRS, "a"), JoinType.INNER, str("a", "class_def_id").eq(o1("b")).and(str("a", "symbol").eq(str("e", "attr"))))
                .join(pts("v", "var"), JoinType.INNER, str("v", "s").eq(str("a", "binding_id")))
                .project(row(val("expr"), str("e", "expr_id"), val(NONE),
                        Exprs.when(okind("b").eq("I").and(okind("v").eq("F")), StructureGraph.varchar("B")).otherwise(okind("v")), o1("v"),
                        Exprs.when(okind("b").eq("I").and(okind("v").eq("F")), o1("b")).otherwise(o2("v")))));
        // Implicit calls: the receiver's instances call the dunder their class finds by the MRO.
        rules.add(RelSpec.scan(IMPLICIT, "i")
                .join(pts("p"), JoinType.INNER, str("p", "rel").eq(str("i", "recv_rel")).and(str("p", "s").eq(str("i", "recv_s")))
                        .and(str("p", "k").eq(NONE)).and(okind("p").eq("I")))
                .join(RelSpec.scan(METHODS, "m"), JoinType.INNER, str("m", "class_def_id").eq(o1("p")).and(str("m", "method_name").eq(str("i", "method_name"))))
                .project(row(val("call"), str("i", "site"), val(NONE), val("B"), str("m", "function_def_id"), o1("p"))));
        // A class call also runs __new__ (found by the MRO in the repository) and, for a dataclass, __post_init__.
        rules.add(pts("c", "call").filter(okind("c").eq("C").and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(METHODS, "m"), JoinType.INNER, str("m", "class_def_id").eq(o1("c")).and(str("m", "method_name").eq("__new__")))
                .project(row(val("call"), str("c", "s"), val(NONE), val("B"), str("m", "function_def_id"), o1("c"))));
        rules.add(pts("c", "call").filter(okind("c").eq("C").and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(StructureGraph.DECORATORS, "d"), JoinType.INNER, str("d", "def_id").eq(o1("c")))
                .join(pts("p", "expr"), JoinType.INNER, str("p", "s").eq(str("d", "expr_id")).and(okind("p").eq("E"))
                        .and(o1("p").eq("dataclasses.dataclass")))
                .join(RelSpec.scan(METHODS, "m"), JoinType.INNER, str("m", "class_def_id").eq(o1("c")).and(str("m", "method_name").eq("__post_init__")))
                .project(row(val("call"), str("c", "s"), val(NONE), val("B"), str("m", "function_def_id"), o1("c"))));
        return SemiNaiveRel.ofRules(POINTS_TO, seed, rules, MAX_ROUNDS);
    }

    /** 1 for a bound method (its receiver fills the first parameter), else 0. */
    private static Field<Integer> receiverShift() {
        return Exprs.when(okind("c").eq("B"), val(1)).otherwise(val(0));
    }

    /** Positional arguments past the {@code *args} parameter's position fill its container: field {@code key}, or (null) the index. */
    private static RelSpec packedArguments(String key) {
        Field<Integer> position = Exprs.plus(i32("a", "position"), receiverShift());
        Field<String> field = key != null ? val(key) : Exprs.cast(Exprs.minus(position, i32("q", "position")), DataType.STRING);
        return pts("c", "call").filter(okind("c").in(List.of("F", "B")).and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(ARGS, "a"), JoinType.INNER, str("a", "site").eq(str("c", "s")).and(i32("a", "position").ge(0)))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c")).and(str("q", "kind").eq("VAR_POSITIONAL"))
                        .and(i32("q", "position").le(position)))
                .join(pts("v"), JoinType.INNER, str("v", "rel").eq(str("a", "arg_rel")).and(str("v", "s").eq(str("a", "arg_s")))
                        .and(str("v", "k").eq(str("a", "arg_k"))))
                .project(row(val("field"), str("q", "binding_id"), field, okind("v"), o1("v"), o2("v")));
    }

    /** The function argument (by position, or the keyword) of a call of {@code builtin}, called from the call's site. */
    private static RelSpec callbackCall(String builtin, int position, String keyword) {
        Condition slot = keyword == null ? i32("a", "position").eq(position) : str("a", "keyword").eq(keyword);
        return callExprs("e")
                .join(pts("p", "expr"), JoinType.INNER, str("p", "s").eq(str("e", "base_expr_id")).and(okind("p").eq("E"))
                        .and(o1("p").eq(builtin)).and(o2("p").eq(NONE)))
                .join(RelSpec.scan(ARGS, "a"), JoinType.INNER, str("a", "site").eq(str("e", "expr_id")).and(slot))
                .join(pts("f"), JoinType.INNER, str("f", "rel").eq(str("a", "arg_rel")).and(str("f", "s").eq(str("a", "arg_s")))
                        .and(str("f", "k").eq(str("a", "arg_k"))).and(okind("f").in(List.of("F", "B", "C"))))
                .project(row(val("call"), str("e", "expr_id"), val(CALLBACK), okind("f"), o1("f"), o2("f")));
    }

    /** The elements of the iterable argument at {@code iterable} flow to the callback's first parameter. */
    private static RelSpec callbackElements(String builtin, int iterable) {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("CALL"))
                .join(pts("p", "expr"), JoinType.INNER, str("p", "s").eq(str("e", "base_expr_id")).and(okind("p").eq("E"))
                        .and(o1("p").eq(builtin)).and(o2("p").eq(NONE)))
                .join(pts("c", "call"), JoinType.INNER, str("c", "s").eq(str("e", "expr_id")).and(str("c", "k").eq(CALLBACK))
                        .and(okind("c").eq("F")))
                .join(RelSpec.scan(ARGS, "a"), JoinType.INNER, str("a", "site").eq(str("e", "expr_id")).and(i32("a", "position").eq(iterable)))
                .join(pts("l", "expr"), JoinType.INNER, str("l", "s").eq(str("a", "arg_s")).and(okind("l").eq("L")))
                .join(pts("v", "field"), JoinType.INNER, str("v", "s").eq(o1("l")).and(str("v", "k").eq("*")))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c")).and(i32("q", "position").eq(0)))
                .project(row(val("var"), str("q", "binding_id"), val(NONE), okind("v"), o1("v"), o2("v")));
    }

    private static RelSpec positional(String kind, int shift) {
        Field<Integer> position = shift == 0 ? i32("a", "position") : Exprs.plus(i32("a", "position"), shift);
        return pts("c", "call").filter(okind("c").eq(kind).and(str("c", "k").eq(NONE)))
                .join(RelSpec.scan(ARGS, "a"), JoinType.INNER, str("a", "site").eq(str("c", "s")).and(i32("a", "position").ge(0)))
                .join(RelSpec.scan(PARAM_SLOTS, "q"), JoinType.INNER, str("q", "def_id").eq(o1("c")).and(i32("q", "position").eq(position))
                        .and(str("q", "kind").in(List.of("POSITIONAL_ONLY", "REGULAR"))))
                .join(pts("v"), JoinType.INNER, str("v", "rel").eq(str("a", "arg_rel")).and(str("v", "s").eq(str("a", "arg_s")))
                        .and(str("v", "k").eq(str("a", "arg_k"))))
                .project(row(val("var"), str("q", "binding_id"), val(NONE), okind("v"), o1("v"), o2("v")));
    }

    /**
     * Plain arguments (no {@code *a}, {@code **m}) of calls, by the call's expression id; a
     * decorator application's one argument, the value below it ({@code dval} one position up).
     */
    private static RelSpec args() {
        RelSpec plain = RelSpec.scan(CALL_ARGS, "ca").filter(BuiltinColumns.bool("ca", "is_star").not().and(BuiltinColumns.bool("ca", "is_double_star").not()))
                .join(RelSpec.scan(EXPRS, "ce"), JoinType.INNER, str("ce", "ref_id").eq(str("ca", "call_id")).and(str("ce", "kind").eq("CALL")))
                .project(str("ce", "expr_id").as("site"), val("expr").as("arg_rel"), str("ca", "arg_expr_id").as("arg_s"), val(NONE).as("arg_k"),
                        i32("ca", "position").as("position"), str("ca", "keyword").as("keyword"));
        RelSpec decorated = RelSpec.scan(StructureGraph.DECORATORS, "d")
                .project(str("d", "decorator_id").as("site"), val("dval").as("arg_rel"), str("d", "def_id").as("arg_s"),
                        Exprs.cast(Exprs.plus(i32("d", "position"), 1), DataType.STRING).as("arg_k"), val(0).as("position"),
                        Exprs.nullOf(DataType.STRING).as("keyword"));
        // An operator's other operand is its dunder's argument.
        RelSpec binary = RelSpec.scan(OPERATOR_OPERANDS, "r").filter(i32("r", "position").eq(1).and(str("r", "op").in(BINARY.keySet())))
                .project(str("r", "expr_id").as("site"), val("expr").as("arg_rel"), str("r", "operand_expr_id").as("arg_s"), val(NONE).as("arg_k"),
                        val(0).as("position"), Exprs.nullOf(DataType.STRING).as("keyword"));
        RelSpec compared = comparisonPairs()
                .project(str("r", "operator_operand_id").as("site"), val("expr").as("arg_rel"),
                        Exprs.when(str("r", "op").in(CONTAINS), str("l", "operand_expr_id")).otherwise(str("r", "operand_expr_id")).as("arg_s"),
                        val(NONE).as("arg_k"), val(0).as("position"), Exprs.nullOf(DataType.STRING).as("keyword"));
        return RelSpec.unionAll(plain, decorated, binary, compared);
    }

    private static RelSpec starArgs() {
        return RelSpec.scan(CALL_ARGS, "ca").filter(BuiltinColumns.bool("ca", "is_star").or(BuiltinColumns.bool("ca", "is_double_star")))
                .join(RelSpec.scan(EXPRS, "ce"), JoinType.INNER, str("ce", "ref_id").eq(str("ca", "call_id")).and(str("ce", "kind").eq("CALL")))
                .project(str("ce", "expr_id").as("site"), str("ca", "arg_expr_id").as("arg_s"), i32("ca", "position").as("position"),
                        BuiltinColumns.bool("ca", "is_double_star").as("is_double_star"));
    }

    /** Calls (their {@code PY_CALL} node) and decorator applications (their {@code PY_DECORATOR} node), in the scope that runs them. */
    private static RelSpec sites() {
        RelSpec calls = callExprs("e")
                .project(str("e", "expr_id").as("site"), CpgExprs.stableId(str("e", "path"), i64("e", "bstart"), i64("e", "bend"), val("PY_CALL")).as("node_id"),
                        str("e", "file_id").as("file_id"), str("e", "scope_id").as("scope_id"), str("e", "path").as("path"),
                        i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"));
        RelSpec decorators = RelSpec.scan(StructureGraph.DECORATORS, "d")
                .project(str("d", "decorator_id").as("site"),
                        CpgExprs.stableId(str("d", "path"), i64("d", "bstart"), i64("d", "bend"), val("PY_DECORATOR")).as("node_id"),
                        str("d", "file_id").as("file_id"), str("d", "scope_id").as("scope_id"), str("d", "path").as("path"),
                        i64("d", "bstart").as("bstart"), i64("d", "bend").as("bend"));
        // Implicit calls at an operator, subscript, attribute, with item or loop: no node of their own (the caller is the source).
        RelSpec implicit = RelSpec.scan(IMPLICIT, "i").filter(str("i", "protocol").in(List.of("builtin", "call")).not())
                .aggregate(List.of(str("i", "site").as("site"), str("i", "file_id").as("file_id"), str("i", "scope_id").as("scope_id"),
                        str("i", "path").as("path"), i64("i", "bstart").as("bstart"), i64("i", "bend").as("bend")), List.of())
                .as("g")
                .project(str("g", "site").as("site"), Exprs.nullOf(DataType.STRING).as("node_id"), str("g", "file_id").as("file_id"),
                        str("g", "scope_id").as("scope_id"), str("g", "path").as("path"), i64("g", "bstart").as("bstart"), i64("g", "bend").as("bend"));
        return RelSpec.unionAll(calls, decorators, implicit);
    }

    private static RelSpec callExprs(String alias) {
        return RelSpec.scan(EXPRS, alias).filter(str(alias, "kind").eq("CALL"));
    }

    private static RelSpec attributeLoads(String alias) {
        return RelSpec.scan(EXPRS, alias).filter(str(alias, "kind").eq("ATTRIBUTE").and(str(alias, "ctx").eq("LOAD")));
    }

    private static RelSpec pts(String alias) {
        return RelSpec.scan(POINTS_TO, alias);
    }

    private static RelSpec pts(String alias, String rel) {
        return RelSpec.scan(POINTS_TO, alias).filter(str(alias, "rel").eq(rel));
    }

    private static Field<String> okind(String alias) {
        return str(alias, "okind");
    }

    private static Field<String> o1(String alias) {
        return str(alias, "o1");
    }

    private static Field<String> o2(String alias) {
        return str(alias, "o2");
    }

    private static Field<String> objectKind(Field<String> defKind) {
        return Exprs.when(defKind.eq("CLASS"), StructureGraph.varchar("C")).otherwise(StructureGraph.varchar("F"));
    }

    private static List<NamedField<?>> row(Field<String> rel, Field<String> s, Field<String> k, Field<String> okind, Field<String> o1,
            Field<String> o2) {
        return List.of(rel.as("rel"), s.as("s"), k.as("k"), okind.as("okind"), o1.as("o1"), o2.as("o2"));
    }

    // ---- edges and the call graph ---------------------------------------------------------------

    /**
     * One row per (call, callee): the call's node (its span is the call expression's), the caller
     * (the function, lambda or class whose code runs it, comprehensions transparent; the module
     * for module-level code), the callee's node, how it was reached, and how many callees the call
     * has.
     */
    private static RelSpec resolved() {
        Field<String> method = Exprs.when(str("i", "protocol").isNotNull(), str("i", "protocol"))
                .when(str("c", "k").eq(CALLBACK), StructureGraph.varchar("callback"))
                .when(okind("c").eq("C"), StructureGraph.varchar("class"))
                .when(okind("c").eq("B"), StructureGraph.varchar("bound_method"))
                .otherwise(StructureGraph.varchar("function"));
        Field<String> callerScope = Exprs.when(str("k", "comp_id").isNotNull(), str("k", "parent_def_id")).otherwise(str("e", "scope_id"));
        RelSpec calls = pts("c", "call")
                .join(RelSpec.scan(SITES, "e"), JoinType.INNER, str("e", "site").eq(str("c", "s")))
                .join(RelSpec.scan(DEFS, "d"), JoinType.INNER, str("d", "def_id").eq(o1("c")))
                .join(RelSpec.scan(ScopeBindings.COMPREHENSIONS, "k"), JoinType.LEFT, str("k", "comp_id").eq(str("e", "scope_id")))
                // An implicit call names its protocol; at a call's own node only the dunder the protocol calls is one.
                .join(RelSpec.scan(IMPLICIT, "i"), JoinType.LEFT, str("i", "site").eq(str("c", "s"))
                        .and(okind("c").eq("B").and(str("i", "method_name").eq(QNames.leaf(str("d", "qualified_name"))))
                                .or(okind("c").eq("F").and(str("i", "method_name").in(List.of("__iter__", "__aiter__"))))))
                // A generator function's call only makes the generator: the edge is where it is iterated.
                .join(RelSpec.scan(GENERATORS, "g"), JoinType.LEFT, str("g", "def_id").eq(o1("c")).and(okind("c").eq("F")))
                .filter(str("g", "def_id").isNull().or(str("i", "protocol").isNotNull()))
                .project(str("e", "site").as("site"), str("e", "node_id").as("site_node_id"),
                        str("e", "file_id").as("file_id"), callerScope.as("caller_scope"), str("d", "node_id").as("callee_id"),
                        str("d", "qualified_name").as("callee_qualified_name"), method.as("resolution_method"),
                        str("e", "path").as("path"), i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"))
                .as("r")
                .join(RelSpec.scan(DEFS, "o"), JoinType.LEFT, str("o", "def_id").eq(str("r", "caller_scope")))
                .join(RelSpec.scan(ModuleNodes.MODULE_NODES, "m"), JoinType.INNER, str("m", "file_id").eq(str("r", "file_id")))
                .aggregate(List.of(str("r", "site").as("site"),
                                Exprs.coalesce(str("r", "site_node_id"), str("o", "node_id"), str("m", "node_id")).as("call_node_id"),
                                Exprs.coalesce(str("o", "node_id"), str("m", "node_id")).as("caller_id"),
                                Exprs.coalesce(str("o", "qualified_name"), str("m", "qualified_name")).as("caller_qualified_name"),
                                str("r", "callee_id").as("callee_id"), str("r", "callee_qualified_name").as("callee_qualified_name"),
                                str("r", "path").as("path"), i64("r", "bstart").as("bstart"), i64("r", "bend").as("bend")),
                        List.of(AggregateCall.min(str("r", "resolution_method"), "resolution_method")));
        return calls;
    }

    /** Each resolved call with its score: {@code 1/n} for a site with {@code n} candidates. */
    private static RelSpec scored() {
        RelSpec counts = RelSpec.scan(RESOLVED, "x").aggregate(List.of(str("x", "site").as("site")), List.of(AggregateCall.count("candidates")));
        return RelSpec.scan(RESOLVED, "r").join(counts.as("n"), JoinType.INNER, str("n", "site").eq(str("r", "site")));
    }

    private static Field<Double> score() {
        return Exprs.div(val(1.0), Exprs.cast(i64("n", "candidates"), DataType.FLOAT64));
    }

    /**
     * {@code CALLS} edges, {@code origin = 'flow'}: a call with one candidate has score and
     * confidence 1; with {@code n} candidates each has {@code 1/n}, and they share an
     * {@code ambiguity_group_id}: the call's node id, or for an implicit call (whose source is
     * its caller's node) the triggering expression's extraction id.
     */
    private static RelSpec callsEdges() {
        return scored()
                .project(val("CALLS").as("edge_kind"), str("r", "call_node_id").as("src_node_id"), str("r", "callee_id").as("dst_node_id"),
                        str("r", "path").as("path"), i64("r", "bstart").as("bstart"), i64("r", "bend").as("bend"),
                        val("flow").as("origin"), str("r", "resolution_method").as("resolution_method"), score().as("confidence"),
                        score().as("score"),
                        Exprs.when(i64("n", "candidates").gt(1L), Exprs.when(str("r", "call_node_id").eq(str("r", "caller_id")), str("r", "site"))
                                .otherwise(str("r", "call_node_id"))).otherwise(Exprs.nullOf(DataType.STRING)).as("ambiguity_group_id"));
    }

    /**
     * Why a call reaches nothing in the repository: {@code external} (its callee is a library's or
     * a builtin's name), {@code dynamic_attribute} (an attribute of values the analysis knows,
     * which none of them has: set with setattr, a library base class, ...), or
     * {@code unknown_receiver} (nothing is known about the callee: a parameter no caller passes,
     * an external call's result, ...).
     */
    private static RelSpec unresolvedProps() {
        RelSpec external = pts("p", "expr").filter(okind("p").eq("E")).aggregate(List.of(str("p", "s").as("s")), List.of());
        RelSpec knownBase = RelSpec.scan(EXPRS, "a").filter(str("a", "kind").eq("ATTRIBUTE"))
                .join(pts("q", "expr"), JoinType.SEMI, str("q", "s").eq(str("a", "base_expr_id")))
                .project(str("a", "expr_id").as("expr_id"));
        Field<String> reason = Exprs.when(str("x", "s").isNotNull(), StructureGraph.varchar("external"))
                .when(str("k", "expr_id").isNotNull(), StructureGraph.varchar("dynamic_attribute"))
                .otherwise(StructureGraph.varchar("unknown_receiver"));
        return callExprs("e")
                .join(RelSpec.scan(RESOLVED, "r"), JoinType.ANTI, str("r", "site").eq(str("e", "expr_id")))
                .join(external.as("x"), JoinType.LEFT, str("x", "s").eq(str("e", "base_expr_id")))
                .join(knownBase.as("k"), JoinType.LEFT, str("k", "expr_id").eq(str("e", "base_expr_id")))
                .project(CpgExprs.stableId(str("e", "path"), i64("e", "bstart"), i64("e", "bend"), val("PY_CALL")).as("entity_id"),
                        val("unresolved_reason").as("prop_key"), val("STRING").as("value_type"), reason.as("value_string"),
                        Exprs.nullOf(DataType.INT64).as("value_int"), Exprs.nullOf(DataType.FLOAT64).as("value_float"),
                        Exprs.nullOf(DataType.BOOLEAN).as("value_bool"));
    }

    private static RelSpec callGraph() {
        return scored().aggregate(List.of(str("r", "caller_id").as("caller_id"), str("r", "caller_qualified_name").as("caller_qualified_name"),
                        str("r", "callee_id").as("callee_id"), str("r", "callee_qualified_name").as("callee_qualified_name")),
                List.of(AggregateCall.count("call_sites"), AggregateCall.max(score(), "confidence")));
    }
}
