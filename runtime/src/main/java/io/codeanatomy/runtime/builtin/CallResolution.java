package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.val;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.bool;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i32;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i64;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.str;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.api.cpg.QNames;
import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.GroupBound;
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
import java.util.Map;

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

    static final String EXPRS_TABLE = "py_exprs_v1";
    static final String ASSIGNMENTS = "py_assignments_v1";
    static final String RETURNS_TABLE = "py_returns_v1";
    static final String CALL_ARGS_TABLE = "py_call_args_v1";
    static final String ELEMENTS_TABLE = "py_container_elements_v1";
    /**
     * The extraction tables most views read, each once per run into memory (a spool): reading
     * them from Delta once per view cost more than the rest of the static facts together.
     */
    static final String EXPRS = "cr_exprs";
    static final String RETURNS = "cr_returns";
    static final String CALL_ARGS = "cr_call_args";
    static final String ELEMENTS = "cr_elements";
    static final String OPERANDS = "py_expr_operands_v1";
    static final String DEFAULTS = "py_param_defaults_v1";
    static final String ITERATIONS = "py_iterations_v1";
    static final String BRANCHES = "py_branches_v1";
    static final String OPERATORS = "py_operator_operands_v1";
    static final String CLASS_KEYWORDS = "py_class_bases_v1";
    static final String ANNOTATIONS = "py_annotations_v1";

    /** Every definition with its node and qualified name: {@code node_id, def_id, def_kind, name, parent_def_id, qualified_name}. */
    public static final String FUNCTIONS = "cr_functions";
    /** Scope to the function, class or module whose code it is: {@code scope_id, owner_id, owner_name} (comprehensions see through). */
    public static final String OWNERS = "cr_owners";
    /** Name expressions to the binding they read or write, followed through {@code RESOLVES_TO}: {@code expr_id, ctx, binding_id}. */
    public static final String NAME_BINDINGS = "cr_name_bindings";
    /** Name loads an {@code isinstance} test narrows: {@code expr_id, binding_id, narrowed} ({@code S}, {@code L} or {@code N}). */
    public static final String NARROWED = "cr_narrowed_loads";
    /** Type expressions by what they name: {@code expr_id, class} (0 builtin scalar, 1 builtin container, 2 another class). */
    public static final String TYPE_NAMES = "cr_type_names";
    /** Regions an {@code isinstance} test narrows: {@code path, scope_id, rstart, rend, binding_id, class}. */
    public static final String NARROWING_REGIONS = "cr_narrowing_regions";
    /** Name loads with the variable they read, the narrowed ones left out. */
    public static final String READ_BINDINGS = "cr_read_bindings";
    /** Classes deriving from a builtin scalar ({@code S}) or container ({@code L}) type: {@code class_id, narrowed}. */
    public static final String BUILTIN_BASED = "cr_builtin_based";
    /** Static flow edges {@code (src, dst)}: dst points to whatever src points to. */
    public static final String FLOW = "cr_flow";
    /** Every static flow edge, those from returned parameters included: {@code src, dst}. */
    public static final String ALL_FLOW = "cr_all_flow";
    /**
     * Named parameters of functions that are not generators, which a function may return as they
     * are (what else assigns them flows to its result on edges of its own): {@code def_node,
     * param_id, kind, position, name, binding_id}.
     */
    public static final String PASSABLE_PARAMS = "cr_passable_params";
    /** Calls whose callee is a name bound to an undecorated function: {@code site, result, def_node}. */
    public static final String STATIC_CALLEES = "cr_static_callees";
    /**
     * Returned parameters with the call they pass through ({@code via_site}: null when the function
     * returns the parameter itself, else a call whose result it returns and which returns that
     * argument): {@code def_node, param_id, kind, position, name, binding_id, via_site}.
     */
    public static final String RETURNING = "cr_returning";
    /**
     * Parameters a function returns as they are ({@code def identity(f): return f}), or through a
     * call of a function that does ({@code def wrap(c): return process(c)}): {@code def_node,
     * param_id, kind, position, name, binding_id}. Each call gets its own arguments back.
     */
    public static final String RETURNED_PARAMS = "cr_returned_params";
    /** A function's own variables (not imports) and the stores and and/or/if-else expressions its body has: {@code def_node, node_id, is_param}. */
    public static final String LOCAL_VARS = "cr_local_vars";
    /** The {@link #LOCAL_VARS} whose value reaches the function's result through such nodes only: {@code def_node, node_id, is_param}. */
    public static final String RETURN_CHAINS = "cr_return_chains";
    /** Calls whose first argument is a string naming a module of the repository: {@code site, module_id}. */
    public static final String MODULES_BY_NAME = "cr_modules_by_name";
    /** Arguments a call gets back from a returned parameter, those its caller passes on as its own result left out: as {@link #ARGS}. */
    public static final String RETURNING_ARGS = "cr_returning_args";
    /** Parameters with their binding: {@code def_node, name, kind, position, binding_id}. */
    public static final String PARAMS = "cr_params";
    /** Call sites (calls and decorator applications): {@code site, callee, result, src_node_id, caller_id, is_decorator, path, bstart, bend}. */
    public static final String SITES = "cr_sites";
    /** Arguments: {@code site, position, keyword, arg}. */
    public static final String ARGS = "cr_args";
    /** Implicit calls of special methods: {@code site, recv, method, arg, result, guard_site, guard_name, scope_id, span}. */
    public static final String IMPLICIT = "cr_implicit";
    /** Functions builtins call: {@code site, fn, iterable, guard_site, guard_kind, guard_name}. */
    public static final String CALLBACKS = "cr_callbacks";
    /** Attribute loads that may read a property: {@code site, result, scope_id, span}. */
    public static final String PROPERTY_LOADS = "cr_property_loads";
    /** Attribute stores that may call a property's setter: {@code site, value, base, attr, scope_id, path, bstart, bend}. */
    public static final String PROPERTY_STORES = "cr_property_stores";
    /** Definitions decorated {@code @name.setter} (with their own name): {@code decorator_id, def_id, name}. */
    public static final String SETTERS = "cr_setters";
    /**
     * Names assigned a call of {@code property} ({@code x = property(fget, fset)}): {@code name, site,
     * has_setter} (a second positional argument or {@code fset=}).
     */
    public static final String PROPERTY_CALLS = "cr_property_calls";
    /**
     * Attribute loads that may call {@code __getattr__}: of names nothing defines or stores (no
     * class body, module or attribute store binds them, nor every object has):
     * {@code site, base, result, scope_id, span}.
     */
    public static final String GETATTR_LOADS = "cr_getattr_loads";
    /** Iteration sources and targets: {@code source, target}. */
    public static final String ITERATED = "cr_iterated";
    /** {@code f(**m)}: {@code site, arg}. */
    public static final String DOUBLE_STARS = "cr_double_stars";
    /** Decorators that are calls: {@code site}. */
    public static final String DECORATOR_CALLS = "cr_decorator_calls";
    /** What star imports bind: {@code binding_id, kind, target_id}. */
    public static final String STAR_IMPORTS = "cr_star_imports";
    /** Generator functions: {@code node_id}. */
    public static final String GENERATORS = "cr_generators";
    /** Classes with the functions of their MRO: {@code class_id, function_id}. */
    public static final String CLASS_METHODS = "cr_class_methods";
    /** Functions not defined in class bodies: {@code node_id}. */
    public static final String FREE_FUNCTIONS = "cr_free_functions";
    /** Classes called through a metaclass's {@code __call__}: {@code class_id, function_id}. */
    public static final String METACLASS_CALLS = "cr_metaclass_calls";
    /** Constant arguments: {@code site, position, key}. */
    public static final String CONSTANT_ARGS = "cr_constant_args";
    /** Calls with positional arguments after the first (what a {@code functools.partial} stores): {@code site, stored}. */
    public static final String STORED_POSITIONALS = "cr_stored_positionals";
    /** Tuple and list displays without stars: {@code container, position, count, element}. */
    public static final String EXACT_DISPLAYS = "cr_exact_displays";
    /** Subscripts: {@code base, key, ptr, is_store}. */
    public static final String SUBSCRIPTS = "cr_subscripts";
    /** Unpacking targets' elements: {@code target, element, key, is_star}. */
    public static final String UNPACKED = "cr_unpacked";
    /** Starred elements of displays: {@code source, container}. */
    public static final String SPREADS = "cr_spreads";
    /** Names bound in class bodies: {@code class_id, attr, ptr}. */
    public static final String CLASS_BODIES = "cr_class_bodies";
    /** {@code super()} calls in methods: {@code site, class_id, self_ptr}. */
    public static final String SUPER_SITES = "cr_super_sites";
    /** Lookup after a class in an MRO: {@code class_id, after_id, attr, ptr}. */
    public static final String SUPER_ATTRS = "cr_super_attrs";
    /** What calling a class calls besides {@code __init__}: {@code class_id, function_id, kind}. */
    public static final String CONSTRUCTION = "cr_construction";
    /**
     * Factories a dataclass's generated {@code __init__} calls: {@code field(default_factory=f)} in
     * the body of a {@code @dataclass} class, for that class and every class whose MRO holds it:
     * {@code class_id, factory} (the factory a variable when it reads one).
     */
    public static final String DEFAULT_FACTORIES = "cr_default_factories";
    /** Attribute loads {@code base, attr, dst} and stores {@code value, base, attr}. */
    public static final String LOADS = "cr_loads";
    public static final String STORES = "cr_stores";
    /**
     * Attribute loads of names some attribute store writes, {@code base, attr, dst}: only these can
     * read a field of an instance or class (method names, read far more often, never are one).
     */
    public static final String FIELD_LOADS = "cr_field_loads";
    /** Class attributes by MRO: {@code class_id, attr, ptr} (the binding in the first class of the MRO that binds it). */
    public static final String CLASS_ATTRS = "cr_class_attrs";
    /** Module attributes: {@code module_id, attr, ptr} (a top-level binding) and submodules {@code module_id, attr, sub_id}. */
    public static final String MODULE_ATTRS = "cr_module_attrs";
    public static final String SUBMODULES = "cr_submodules";
    /** The facts no rule derives. */
    public static final String SEED = "cr_seed";
    /** The fixpoint. */
    public static final String POINTS_TO = "cr_points_to";
    /**
     * {@code PY_EXTERNAL} nodes of the names from outside the repository that calls reach and no
     * import names as such ({@code os.path.join} read from {@code import os}), so calls of
     * libraries are edges, not dropped.
     */
    public static final String CALLED_EXTERNALS = "cr_called_externals";
    /**
     * Callees a call cannot have because it leaves a parameter without a default unfilled (and
     * passes no {@code *} or {@code **} that could fill it): {@code site, id, kind}. CPython raises
     * {@code TypeError} on such a call, so the callee is one only a context-insensitive analysis
     * sees ({@code Apple()} with {@code Apple} bound to {@code dataclass}'s result, which is the
     * class or, for {@code dataclass()}, its {@code wrap(cls)}).
     */
    public static final String IMPOSSIBLE_CALLS = "cr_impossible_calls";
    /** Calls the points-to facts resolve: {@code site, callee_id, callee_name, method, candidates}. */
    public static final String FLOW_RESOLVED = "cr_flow_resolved";
    /** What the fixpoint resolves each site to: {@code site, callee_id, callee_name, method}. */
    public static final String FLOW_CALLEES = "cr_flow_callees";
    /** Methods annotations alone resolve each site to: {@code site, callee_id, callee_name, n}. */
    public static final String ANNOTATION_CALLEES = "cr_annotation_callees";
    /**
     * Pointers flow finds nothing for whose type an annotation states, {@code ptr, class_id}: an
     * annotated parameter's binding, the result of a call of a function with an annotated return.
     */
    public static final String ANNOTATED = "cr_annotated";
    /** Calls of methods on annotated pointers that flow leaves unresolved: same columns as {@value #FLOW_RESOLVED}. */
    public static final String ANNOTATION_RESOLVED = "cr_annotation_resolved";
    /** Every resolved call with its origin ({@code flow} or {@code annotation}): {@code site, callee_id, callee_name, method, candidates, origin}. */
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
    /** The most components an external name gets from attribute reads ({@code a.b.c.d}). */
    static final int MAX_EXTERNAL_DEPTH = 4;
    /** Bound on nested comprehensions. */
    static final int MAX_NESTING = 100;
    /**
     * A method's first parameter is also an instance of each subclass of its class when the class has
     * at most this many: enough for mixins, while a base class of thousands (TestCase) keeps its own.
     */
    static final int MAX_SELF_SUBCLASSES = 8;
    /**
     * The widening of the points-to facts ({@link GroupBound}): a pointer keeps at most so many
     * containers ({@code L}), instances' classes ({@code I}) and external names ({@code E}), per
     * kind of fact. Context-insensitively, a generic helper's parameter ({@code assertEqual}'s
     * {@code first}, {@code copy.deepcopy}'s {@code x}, {@code os.path.join}'s {@code a}) is given
     * what every caller passes, and what is stored through it reaches all of that: on the standard
     * library such pointers held thousands of objects each and the fixpoint did not end. Callables
     * are not bounded: a call needs all of them ({@code assertRaises(exc, f)} calls hundreds).
     */
    static final int MAX_CONTAINERS = 64;
    static final int MAX_INSTANCE_CLASSES = 128;
    static final int MAX_EXTERNALS = 16;
    /**
     * Once the facts number {@link #LARGE_FIXPOINT}, a pointer takes no object of any kind past
     * {@link #MAX_OBJECTS_WHEN_LARGE} (those it holds already stay). On the standard library a set of
     * some 15,000 objects that one abstract instance per class merges (mocks, the copy protocol's memo
     * and dispatch tables, mapping views) reaches a new frontier of pointers every round, each up to
     * the per-kind bounds, and the fixpoint did not end; a repository whose fixpoint stays below the
     * size (the 132-file build's 401,000 facts, every fixture) is resolved exactly as without it.
     * 64, not the 128 of sessions 11 to 35: on the standard library a third fewer facts (9.58 to 6.53
     * million) and half the rows derived, for 2 of 6,680 observed pairs (docs/cpg-calls.md).
     */
    static final long LARGE_FIXPOINT = 3_000_000;
    static final int MAX_OBJECTS_WHEN_LARGE = 64;
    private static final List<GroupBound> WIDENING = List.of(
            GroupBound.of(Map.of("tag", "P", "kind", "L"), List.of("a"), MAX_CONTAINERS),
            GroupBound.of(Map.of("tag", "P", "kind", "I"), List.of("a"), MAX_INSTANCE_CLASSES),
            GroupBound.of(Map.of("tag", "P", "kind", "E"), List.of("a"), MAX_EXTERNALS),
            GroupBound.of(Map.of("tag", "P"), List.of("a"), MAX_OBJECTS_WHEN_LARGE).fromRows(LARGE_FIXPOINT));

    /**
     * Attributes every object, class, function or module has (from {@code dir(object)},
     * {@code dir(type)}, a function's and a module's), so their loads never reach {@code __getattr__}.
     */
    private static final List<String> OBJECT_ATTRS = List.of(
            "__abstractmethods__", "__all__", "__annotations__", "__args__", "__base__", "__bases__", "__basicsize__", "__builtins__", "__cached__",
            "__call__", "__class__", "__closure__", "__code__", "__dataclass_fields__", "__dataclass_params__", "__defaults__", "__delattr__",
            "__dict__", "__dictoffset__", "__dir__", "__doc__", "__eq__", "__file__", "__flags__", "__format__", "__func__", "__ge__", "__get__",
            "__getattribute__", "__getstate__", "__globals__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__instancecheck__",
            "__itemsize__", "__kwdefaults__", "__le__", "__loader__", "__lt__", "__match_args__", "__members__", "__module__", "__mro__", "__name__",
            "__ne__", "__new__", "__objclass__", "__or__", "__orig_bases__", "__origin__", "__package__", "__parameters__", "__path__", "__prepare__",
            "__qualname__", "__reduce__", "__reduce_ex__", "__repr__", "__ror__", "__self__", "__setattr__", "__sizeof__", "__slots__", "__spec__",
            "__str__", "__subclasscheck__", "__subclasses__", "__subclasshook__", "__text_signature__", "__type_params__", "__version__",
            "__weakref__", "__weakrefoffset__", "__wrapped__");
    private static final List<String> CALLABLE = List.of("F", "S", "B", "BC", "BK", "BKP");
    /** Bound methods: the receiver takes the first parameter. */
    private static final List<String> BOUND = List.of("B", "BC", "BK", "BKP");
    private static final List<String> POSITIONAL = List.of("POSITIONAL_ONLY", "REGULAR");
    /**
     * Rich comparisons and {@code in}: the other operand they pass to a method of the repository
     * reaches its parameter without the builtin containers ({@code L} objects) it may point to. A
     * comparison's result is a truth value, so nothing flows back; a class's {@code __eq__(self,
     * other)} receives a list only when compared with one, and what it then calls on it is the
     * list's own methods. Passed whole, every value an assertion helper compares reached the
     * {@code other} of every {@code __eq__} in the standard library (80 methods, 8,000 containers
     * each: docs/callgraph.md).
     */
    private static final List<String> COMPARISONS = List.of("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__contains__");
    private static final List<String> BY_KEYWORD = List.of("REGULAR", "KEYWORD_ONLY");
    /** Builtin types whose instances hold nothing the analysis follows, and those that hold elements ({@link #narrowedLoads()}). */
    private static final List<String> SCALAR_TYPES = List.of("builtins.str", "builtins.bytes", "builtins.bytearray", "builtins.int",
            "builtins.float", "builtins.complex", "builtins.bool");
    private static final List<String> CONTAINER_TYPES = List.of("builtins.list", "builtins.tuple", "builtins.dict", "builtins.set",
            "builtins.frozenset");
    /** Builtin containers whose subclasses' instances are containers too ({@link #pointsTo()}). */
    private static final List<String> SEQUENCE_TYPES = List.of("builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset");
    /** Names of the abstract classes builtin containers are instances of ({@code collections.abc}, {@code typing}). */
    private static final List<String> ABSTRACT_COLLECTIONS = List.of("Container", "Hashable", "Iterable", "Iterator", "Reversible",
            "Sized", "Collection", "Sequence", "MutableSequence", "Set", "MutableSet", "AbstractSet", "Mapping", "MutableMapping",
            "MappingView", "KeysView", "ItemsView", "ValuesView", "ByteString", "List", "Tuple", "Dict", "FrozenSet", "Any", "object",
            "Generic", "Protocol");
    private static final List<String> CONTAINER_METHODS = List.of("append", "add", "insert", "get", "pop", "setdefault", "values", "copy",
            "sort");
    /** Builtins whose result holds what the container they are given holds (iter's: an iterator over it). */
    private static final List<String> COPYING_BUILTINS = List.of("builtins.dict", "builtins.list", "builtins.tuple", "builtins.set",
            "builtins.frozenset", "builtins.sorted", "builtins.reversed", "builtins.iter");
    private static final List<String> UNARY_BUILTINS = List.of("len", "str", "repr", "bool", "hash", "abs", "iter", "next", "format", "bytes",
            "round", "reversed");
    private static final List<String> DRAINING = List.of("list", "tuple", "set", "frozenset", "sum", "sorted", "min", "max", "any", "all",
            "enumerate", "zip", "dict");
    /** The draining builtins that iterate their arguments only as they are iterated themselves. */
    private static final List<String> LAZY_DRAINING = List.of("enumerate", "zip");
    /** Functions that import the module their first argument names and return it. */
    private static final List<String> MODULE_IMPORTERS = List.of("importlib.import_module", "test.support.import_helper.import_fresh_module");
    /** A partial of a function or static method, and of a bound method (its receiver not kept). */
    private static final List<String> PARTIAL_KINDS = List.of("PA", "PAB");
    private static final List<String> WRAPPERS = List.of("builtins.staticmethod", "builtins.classmethod", "builtins.property");

    @Override
    public List<InputRelation> inputs() {
        return List.of(
                SpannedInput.of(EXPRS_TABLE, ColumnContract.required("expr_id", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("node_type", DataType.STRING), ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.optional("ctx", DataType.STRING), ColumnContract.optional("attr", DataType.STRING),
                        ColumnContract.optional("base_expr_id", DataType.STRING), ColumnContract.optional("value_expr_id", DataType.STRING),
                        ColumnContract.optional("ref_id", DataType.STRING), ColumnContract.optional("name", DataType.STRING),
                        ColumnContract.optional("index_expr_id", DataType.STRING), ColumnContract.optional("const_kind", DataType.STRING),
                        ColumnContract.optional("const_text", DataType.STRING)),
                SpannedInput.of(ASSIGNMENTS, ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("target_expr_id", DataType.STRING), ColumnContract.required("value_expr_id", DataType.STRING)),
                SpannedInput.of(RETURNS_TABLE, ColumnContract.required("kind", DataType.STRING), ColumnContract.optional("def_id", DataType.STRING),
                        ColumnContract.optional("value_expr_id", DataType.STRING), ColumnContract.optional("expr_id", DataType.STRING)),
                SpannedInput.of(CALL_ARGS_TABLE, ColumnContract.required("call_id", DataType.STRING), ColumnContract.required("arg_expr_id", DataType.STRING),
                        ColumnContract.required("position", DataType.INT32), ColumnContract.optional("keyword", DataType.STRING),
                        ColumnContract.required("is_star", DataType.BOOLEAN), ColumnContract.required("is_double_star", DataType.BOOLEAN)),
                SpannedInput.of(ELEMENTS_TABLE, ColumnContract.required("container_expr_id", DataType.STRING),
                        ColumnContract.required("element_expr_id", DataType.STRING), ColumnContract.required("index", DataType.INT32),
                        ColumnContract.required("ctx", DataType.STRING), ColumnContract.required("is_starred", DataType.BOOLEAN),
                        ColumnContract.required("star_index", DataType.INT32), ColumnContract.required("element_count", DataType.INT32),
                        ColumnContract.required("container_kind", DataType.STRING), ColumnContract.required("is_double_star", DataType.BOOLEAN),
                        ColumnContract.optional("key_const_kind", DataType.STRING), ColumnContract.optional("key_const_text", DataType.STRING)),
                SpannedInput.of(ANNOTATIONS, ColumnContract.required("kind", DataType.STRING), ColumnContract.required("owner_id", DataType.STRING),
                        ColumnContract.optional("def_id", DataType.STRING), ColumnContract.required("annotation_expr_id", DataType.STRING)),
                SpannedInput.of(OPERATORS, ColumnContract.required("operator_operand_id", DataType.STRING), ColumnContract.required("expr_id", DataType.STRING),
                        ColumnContract.required("operand_expr_id", DataType.STRING), ColumnContract.required("position", DataType.INT32),
                        ColumnContract.optional("op", DataType.STRING)),
                SpannedInput.of(CLASS_KEYWORDS, ColumnContract.required("def_id", DataType.STRING),
                        ColumnContract.optional("keyword", DataType.STRING), ColumnContract.required("expr_id", DataType.STRING)),
                SpannedInput.of(DefinitionNodes.DEFS, ColumnContract.required("def_id", DataType.STRING),
                        ColumnContract.required("qualname", DataType.STRING)),
                SpannedInput.of(StructureGraph.CALLS, ColumnContract.required("call_id", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING)),
                SpannedInput.of(OPERANDS, ColumnContract.required("expr_id", DataType.STRING),
                        ColumnContract.required("operand_expr_id", DataType.STRING)),
                SpannedInput.of(DEFAULTS, ColumnContract.required("param_id", DataType.STRING),
                        ColumnContract.required("value_expr_id", DataType.STRING)),
                SpannedInput.of(ITERATIONS, ColumnContract.required("kind", DataType.STRING), ColumnContract.required("is_async", DataType.BOOLEAN),
                        ColumnContract.optional("target_expr_id", DataType.STRING), ColumnContract.required("source_expr_id", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING)),
                SpannedInput.of(StructureGraph.DECORATORS, ColumnContract.required("decorator_id", DataType.STRING),
                        ColumnContract.required("def_id", DataType.STRING), ColumnContract.required("position", DataType.INT32),
                        ColumnContract.required("scope_id", DataType.STRING), ColumnContract.required("expr_id", DataType.STRING)),
                SpannedInput.of(StructureGraph.COMPREHENSIONS, ColumnContract.required("comp_id", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING)),
                SpannedInput.of(BRANCHES, ColumnContract.required("kind", DataType.STRING), ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.required("test_expr_id", DataType.STRING), ColumnContract.required("body_bstart", DataType.INT64),
                        ColumnContract.required("body_bend", DataType.INT64), ColumnContract.required("orelse_bstart", DataType.INT64),
                        ColumnContract.required("orelse_bend", DataType.INT64)));
    }

    @Override
    public List<ViewDefinition> views() {
        return List.of(
                ViewDefinition.of(EXPRS, ViewKind.PROJECT, copy(EXPRS_TABLE)),
                ViewDefinition.of(RETURNS, ViewKind.PROJECT, copy(RETURNS_TABLE)),
                ViewDefinition.of(CALL_ARGS, ViewKind.PROJECT, copy(CALL_ARGS_TABLE)),
                ViewDefinition.of(ELEMENTS, ViewKind.PROJECT, copy(ELEMENTS_TABLE)),
                ViewDefinition.of(FUNCTIONS, ViewKind.JOIN, functions()),
                ViewDefinition.of(OWNERS, ViewKind.FIXPOINT, owners()),
                ViewDefinition.of(NAME_BINDINGS, ViewKind.JOIN, nameBindings()),
                ViewDefinition.of(TYPE_NAMES, ViewKind.UNION, typeNames()),
                ViewDefinition.of(NARROWING_REGIONS, ViewKind.JOIN, narrowingRegions()),
                ViewDefinition.of(NARROWED, ViewKind.JOIN, narrowedLoads()),
                ViewDefinition.of(READ_BINDINGS, ViewKind.FILTER, readBindings()),
                ViewDefinition.of(BUILTIN_BASED, ViewKind.AGGREGATE, builtinBased()),
                ViewDefinition.of(PARAMS, ViewKind.JOIN, params()),
                ViewDefinition.of(ALL_FLOW, ViewKind.JOIN, readingVariables(flow(), List.of(column("src", DataType.STRING), column("dst", DataType.STRING)), "src")),
                ViewDefinition.of(PASSABLE_PARAMS, ViewKind.JOIN, passableParams()),
                ViewDefinition.of(IMPLICIT, ViewKind.JOIN, readingVariables(implicit(), List.of(column("site", DataType.STRING), column("recv", DataType.STRING), column("method", DataType.STRING), column("arg", DataType.STRING), column("result", DataType.STRING), column("guard_site", DataType.STRING), column("guard_name", DataType.STRING), column("scope_id", DataType.STRING), column("path", DataType.STRING), column("bstart", DataType.INT64), column("bend", DataType.INT64)), "recv", "arg")),
                ViewDefinition.of(CALLBACKS, ViewKind.JOIN, readingVariables(callbacks(), List.of(column("site", DataType.STRING), column("fn", DataType.STRING), column("iterable", DataType.STRING), column("guard_site", DataType.STRING), column("guard_kind", DataType.STRING), column("guard_name", DataType.STRING)), "fn", "iterable")),
                ViewDefinition.of(PROPERTY_CALLS, ViewKind.JOIN, propertyCalls()),
                ViewDefinition.of(PROPERTY_LOADS, ViewKind.JOIN, propertyLoads()),
                ViewDefinition.of(SETTERS, ViewKind.JOIN, setters()),
                ViewDefinition.of(PROPERTY_STORES, ViewKind.JOIN, readingVariables(propertyStores(), List.of(column("site", DataType.STRING),
                        column("value", DataType.STRING), column("base", DataType.STRING), column("attr", DataType.STRING),
                        column("scope_id", DataType.STRING), column("path", DataType.STRING), column("bstart", DataType.INT64),
                        column("bend", DataType.INT64)), "base")),
                ViewDefinition.of(GETATTR_LOADS, ViewKind.JOIN, readingVariables(getattrLoads(), List.of(column("site", DataType.STRING),
                        column("base", DataType.STRING), column("result", DataType.STRING), column("scope_id", DataType.STRING), column("path", DataType.STRING),
                        column("bstart", DataType.INT64), column("bend", DataType.INT64)), "base")),
                ViewDefinition.of(SITES, ViewKind.JOIN, readingVariables(sites(), List.of(column("site", DataType.STRING), column("callee", DataType.STRING), column("result", DataType.STRING), column("src_node_id", DataType.STRING), column("caller_id", DataType.STRING), column("caller_name", DataType.STRING), column("kind", DataType.STRING), column("path", DataType.STRING), column("bstart", DataType.INT64), column("bend", DataType.INT64)), "callee")),
                ViewDefinition.of(ARGS, ViewKind.JOIN, readingVariables(args(), List.of(column("site", DataType.STRING), column("position", DataType.INT32), column("keyword", DataType.STRING), column("arg", DataType.STRING), column("is_star", DataType.BOOLEAN), column("compared", DataType.BOOLEAN)), "arg")),
                ViewDefinition.of(STATIC_CALLEES, ViewKind.JOIN, staticCallees()),
                ViewDefinition.of(LOCAL_VARS, ViewKind.JOIN, localVars()),
                ViewDefinition.of(RETURN_CHAINS, ViewKind.FIXPOINT, returnChains()),
                ViewDefinition.of(RETURNING, ViewKind.FIXPOINT, returning()),
                ViewDefinition.of(RETURNED_PARAMS, ViewKind.AGGREGATE, returnedParams()),
                ViewDefinition.of(RETURNING_ARGS, ViewKind.FILTER, returningArgs()),
                ViewDefinition.of(FLOW, ViewKind.UNION, flowBesidesReturnedParams()),
                ViewDefinition.of(ITERATED, ViewKind.JOIN, readingVariables(iterated(), List.of(column("source", DataType.STRING), column("target", DataType.STRING)), "source")),
                ViewDefinition.of(DOUBLE_STARS, ViewKind.JOIN, readingVariables(doubleStars(), List.of(column("site", DataType.STRING), column("arg", DataType.STRING)), "arg")),
                ViewDefinition.of(DECORATOR_CALLS, ViewKind.JOIN, decoratorCalls()),
                ViewDefinition.of(STAR_IMPORTS, ViewKind.JOIN, starImports()),
                ViewDefinition.of(GENERATORS, ViewKind.AGGREGATE, generators()),
                ViewDefinition.of(CLASS_METHODS, ViewKind.AGGREGATE, classMethods()),
                ViewDefinition.of(FREE_FUNCTIONS, ViewKind.FILTER, freeFunctions()),
                ViewDefinition.of(CONSTANT_ARGS, ViewKind.JOIN, constantArgs()),
                ViewDefinition.of(STORED_POSITIONALS, ViewKind.AGGREGATE, storedPositionals()),
                ViewDefinition.of(EXACT_DISPLAYS, ViewKind.JOIN, readingVariables(exactDisplays(), List.of(column("container", DataType.STRING), column("position", DataType.INT32), column("count", DataType.INT32), column("element", DataType.STRING)), "element")),
                ViewDefinition.of(LOADS, ViewKind.JOIN, readingVariables(loads(), List.of(column("base", DataType.STRING), column("attr", DataType.STRING), column("dst", DataType.STRING)), "base")),
                ViewDefinition.of(STORES, ViewKind.JOIN, readingVariables(stores(), List.of(column("value", DataType.STRING), column("base", DataType.STRING), column("attr", DataType.STRING)), "base")),
                ViewDefinition.of(FIELD_LOADS, ViewKind.JOIN, fieldLoads()),
                ViewDefinition.of(SUBSCRIPTS, ViewKind.JOIN, readingVariables(subscripts(), List.of(column("base", DataType.STRING), column("key", DataType.STRING), column("ptr", DataType.STRING), column("is_store", DataType.BOOLEAN)), "base")),
                ViewDefinition.of(UNPACKED, ViewKind.FILTER, unpacked()),
                ViewDefinition.of(SPREADS, ViewKind.JOIN, readingVariables(spreads(), List.of(column("source", DataType.STRING), column("container", DataType.STRING)), "source")),
                ViewDefinition.of(CLASS_BODIES, ViewKind.JOIN, classBodies()),
                ViewDefinition.of(CLASS_ATTRS, ViewKind.RANK, classAttrs()),
                ViewDefinition.of(SUPER_SITES, ViewKind.JOIN, superSites()),
                ViewDefinition.of(SUPER_ATTRS, ViewKind.RANK, superAttrs()),
                ViewDefinition.of(CONSTRUCTION, ViewKind.UNION, construction()),
                ViewDefinition.of(DEFAULT_FACTORIES, ViewKind.JOIN, readingVariables(defaultFactories(),
                        List.of(column("class_id", DataType.STRING), column("factory", DataType.STRING)), "factory")),
                ViewDefinition.of(METACLASS_CALLS, ViewKind.AGGREGATE, metaclassCalls()),
                ViewDefinition.of(MODULE_ATTRS, ViewKind.JOIN, moduleAttrs()),
                ViewDefinition.of(MODULES_BY_NAME, ViewKind.JOIN, modulesByName()),
                ViewDefinition.of(SUBMODULES, ViewKind.JOIN, submodules()),
                ViewDefinition.of(SEED, ViewKind.UNION, seed()),
                ViewDefinition.of(POINTS_TO, ViewKind.FIXPOINT, pointsTo()),
                ViewDefinition.of(CALLED_EXTERNALS, ViewKind.AGGREGATE, calledExternals()),
                ViewDefinition.of(IMPOSSIBLE_CALLS, ViewKind.AGGREGATE, impossibleCalls()),
                ViewDefinition.of(FLOW_CALLEES, ViewKind.UNION, flowCallees()),
                ViewDefinition.of(FLOW_RESOLVED, ViewKind.JOIN, flowResolved()),
                ViewDefinition.of(ANNOTATED, ViewKind.JOIN, annotated()),
                ViewDefinition.of(ANNOTATION_CALLEES, ViewKind.AGGREGATE, annotationCallees()),
                ViewDefinition.of(ANNOTATION_RESOLVED, ViewKind.JOIN, annotationResolved()),
                ViewDefinition.of(RESOLVED, ViewKind.UNION, resolved()),
                ViewDefinition.of(CALL_EDGES, ViewKind.JOIN, callEdges()),
                ViewDefinition.of(CALL_GRAPH, ViewKind.AGGREGATE, callGraph()),
                ViewDefinition.of(UNRESOLVED_PROPS, ViewKind.JOIN, unresolvedProps()));
    }

    @Override
    public List<String> nodeViews() {
        return List.of(CALLED_EXTERNALS);
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

    /** The columns of {@code table} this part declares, as they are. */
    private RelSpec copy(String table) {
        InputRelation input = inputs().stream().filter(i -> i.name().equals(table)).findFirst().orElseThrow();
        List<NamedField<?>> columns = new ArrayList<>();
        for (ColumnContract column : input.schema().columns()) {
            columns.add(Exprs.col("t", column.name(), column.type()).as(column.name()));
        }
        return RelSpec.scan(table, "t").project(columns);
    }

    private record Column(String name, DataType<?> type) {
    }

    private static Column column(String name, DataType<?> type) {
        return new Column(name, type);
    }

    /**
     * {@code rel} with each of its {@code reads} columns that holds a name expression reading a
     * variable replaced by the variable's binding: the fixpoint reads the variable's objects where
     * the name is used, instead of copying them into every name that reads it (a base class's
     * {@code self}, read a thousand times, may point to instances of hundreds of subclasses).
     */
    private static RelSpec readingVariables(RelSpec rel, List<Column> columns, String... reads) {
        RelSpec out = rel.as("x");
        List<String> read = List.of(reads);
        for (int i = 0; i < reads.length; i++) {
            String alias = "n" + i;
            out = out.join(RelSpec.scan(READ_BINDINGS, alias), JoinType.LEFT, str(alias, "expr_id").eq(str("x", reads[i])));
        }
        List<NamedField<?>> projected = new ArrayList<>();
        for (Column column : columns) {
            int k = read.indexOf(column.name());
            projected.add(k < 0 ? Exprs.col("x", column.name(), column.type()).as(column.name())
                    : Exprs.coalesce(str("n" + k, "binding_id"), str("x", column.name())).as(column.name()));
        }
        return out.project(projected);
    }

    /** Every definition, lambdas included, with its qualified name ({@code module.qualname}). */
    private static RelSpec functions() {
        return RelSpec.scan(StructureGraph.DEF_ROWS, "d")
                .join(RelSpec.scan(DefinitionNodes.DEFS, "q"), JoinType.INNER, str("q", "def_id").eq(str("d", "def_id")))
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("f", "file_id").eq(str("d", "file_id")))
                .project(str("d", "node_id").as("node_id"), str("d", "def_id").as("def_id"), str("d", "def_kind").as("def_kind"),
                        str("d", "name").as("name"), str("d", "parent_def_id").as("parent_def_id"),
                        DefinitionNodes.qualifiedName(str("f", "module_name"), str("q", "qualname")).as("qualified_name"));
    }

    /** Functions, classes and modules own their scopes; a comprehension's owner is its enclosing scope's. */
    private static RelSpec owners() {
        RelSpec defs = RelSpec.scan(FUNCTIONS, "d")
                .project(str("d", "def_id").as("scope_id"), str("d", "node_id").as("owner_id"), str("d", "qualified_name").as("owner_name"));
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

    /** Type expressions by the class they name (see {@link #narrowedLoads()}). */
    private static RelSpec typeNames() {
        // Each type expression's class: 0 a builtin scalar type, 1 a builtin container type, 2 a class
        // no list, tuple, dict or set is an instance of (a class the repository defines, or one an
        // import names, unless it is named like a collections ABC, which builtin containers match).
        RelSpec builtins = RelSpec.scan(NAME_BINDINGS, "n").filter(str("n", "ctx").eq("LOAD"))
                .join(RelSpec.scan(ModuleBindings.BUILTIN_USES, "u"), JoinType.INNER, str("u", "binding_id").eq(str("n", "binding_id")))
                .filter(str("u", "qualified_name").in(SCALAR_TYPES).or(str("u", "qualified_name").in(CONTAINER_TYPES)))
                .project(str("n", "expr_id").as("expr_id"),
                        Exprs.when(str("u", "qualified_name").in(SCALAR_TYPES), val(0)).otherwise(val(1)).as("class"));
        RelSpec importBindings = importBindings();
        RelSpec classNames = RelSpec.scan(NAME_BINDINGS, "n").filter(str("n", "ctx").eq("LOAD"))
                .join(RelSpec.scan(DefUseEdges.DEFINES, "d"), JoinType.INNER, str("d", "src_node_id").eq(str("n", "binding_id")))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "r"), JoinType.INNER, str("r", "node_id").eq(str("d", "dst_node_id"))
                        .and(str("r", "def_kind").eq("CLASS")))
                .filter(str("r", "name").in(ABSTRACT_COLLECTIONS).not())
                .project(str("n", "expr_id").as("expr_id"), val(2).as("class"));
        RelSpec importedNames = RelSpec.scan(NAME_BINDINGS, "n").filter(str("n", "ctx").eq("LOAD"))
                .join(importBindings.as("b"), JoinType.INNER, str("b", "binding_id").eq(str("n", "binding_id")))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("n", "expr_id")))
                .filter(str("e", "name").in(ABSTRACT_COLLECTIONS).not())
                .project(str("n", "expr_id").as("expr_id"), val(2).as("class"));
        RelSpec importedAttributes = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("LOAD"))
                        .and(str("e", "attr").in(ABSTRACT_COLLECTIONS).not()))
                .join(RelSpec.scan(NAME_BINDINGS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("e", "base_expr_id")).and(str("n", "ctx").eq("LOAD")))
                .join(importBindings.as("b"), JoinType.INNER, str("b", "binding_id").eq(str("n", "binding_id")))
                .project(str("e", "expr_id").as("expr_id"), val(2).as("class"));
        return RelSpec.unionAll(builtins, classNames, importedNames, importedAttributes);
    }

    /**
     * The regions an {@code isinstance(var, types)} test narrows: the body of an {@code if} (the
     * {@code else} of an {@code if not}), with the variable and the widest class the types allow.
     */
    private static RelSpec narrowingRegions() {
        RelSpec typeNames = RelSpec.scan(TYPE_NAMES, "t");
        RelSpec tuples = RelSpec.scan(ELEMENTS, "e").filter(str("e", "container_kind").eq("TUPLE").and(str("e", "ctx").eq("LOAD")))
                .join(typeNames.as("t"), JoinType.LEFT, str("t", "expr_id").eq(str("e", "element_expr_id")))
                .aggregate(List.of(str("e", "container_expr_id").as("expr_id"), i32("e", "element_count").as("count")),
                        List.of(AggregateCall.count(str("t", "expr_id"), "known"), AggregateCall.max(i32("t", "class"), "widest"),
                                AggregateCall.max(Exprs.when(i32("t", "class").eq(1), val(1)).otherwise(val(0)), "containers")))
                .as("g")
                // A tuple naming both container types and other classes allows every kind: no narrowing.
                .filter(i64("g", "known").eq(Exprs.cast(i32("g", "count"), DataType.INT64))
                        .and(i32("g", "widest").lt(2).or(i32("g", "containers").eq(0))))
                .project(str("g", "expr_id").as("expr_id"), i32("g", "widest").as("class"));
        RelSpec types = RelSpec.unionAll(typeNames, tuples).as("k");
        RelSpec tests = RelSpec.scan(EXPRS, "c").filter(str("c", "kind").eq("CALL"))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("c", "base_expr_id"))
                        .and(str("f", "kind").eq("NAME")).and(str("f", "name").eq("isinstance")))
                .join(RelSpec.scan(CALL_ARGS, "a"), JoinType.INNER, str("a", "call_id").eq(str("c", "ref_id")).and(i32("a", "position").eq(0))
                        .and(bool("a", "is_star").not()))
                .join(RelSpec.scan(NAME_BINDINGS, "v"), JoinType.INNER, str("v", "expr_id").eq(str("a", "arg_expr_id")).and(str("v", "ctx").eq("LOAD")))
                .join(RelSpec.scan(CALL_ARGS, "b"), JoinType.INNER, str("b", "call_id").eq(str("c", "ref_id")).and(i32("b", "position").eq(1))
                        .and(bool("b", "is_star").not()))
                .join(types, JoinType.INNER, str("k", "expr_id").eq(str("b", "arg_expr_id")))
                .project(str("c", "expr_id").as("call"), str("v", "binding_id").as("binding_id"), i32("k", "class").as("class"))
                .as("t");
        RelSpec negated = RelSpec.scan(OPERATORS, "o").filter(str("o", "op").eq("Not").and(i32("o", "position").eq(0)));
        Field<Long> regionStart = Exprs.when(str("o", "expr_id").isNull(), i64("r", "body_bstart")).otherwise(i64("r", "orelse_bstart"));
        Field<Long> regionEnd = Exprs.when(str("o", "expr_id").isNull(), i64("r", "body_bend")).otherwise(i64("r", "orelse_bend"));
        return RelSpec.scan(BRANCHES, "r")
                .join(negated, JoinType.LEFT, str("o", "expr_id").eq(str("r", "test_expr_id")))
                .join(tests, JoinType.INNER, str("t", "call").eq(Exprs.coalesce(str("o", "operand_expr_id"), str("r", "test_expr_id"))))
                .filter(str("o", "expr_id").isNull().or(i64("r", "orelse_bstart").ge(0L)))
                .project(str("r", "path").as("path"), str("r", "scope_id").as("scope_id"), regionStart.as("rstart"), regionEnd.as("rend"),
                        str("t", "binding_id").as("binding_id"), i32("t", "class").as("class"));
    }

    /**
     * Name loads an {@code isinstance} test narrows: in the part of an {@code if}, {@code while} or
     * conditional expression that runs when {@code isinstance(x, T)} is true (the orelse for
     * {@code not isinstance(x, T)}), a read of {@code x} in the test's own scope, before anything
     * there stores to {@code x} again, is an instance of {@code T}. {@code T} is a name or a tuple
     * of names whose class is known statically; {@code narrowed} is {@code S} when they are builtin
     * scalar types (str, bytes, numbers), {@code L} when some is a builtin container type, {@code N}
     * when some is a class no builtin container is an instance of (nested tests: what both allow).
     * Such a read gets only what its variable points to of the kinds the test allows
     * ({@link #pointsTo()}): flow-insensitive,
     * {@code if isinstance(args, str): args = [args]} would otherwise nest every list {@code args}
     * is ever given inside a list of its own, and {@code os.fspath(p)} return any container any
     * caller passed.
     */
    private static RelSpec narrowedLoads() {
        RelSpec regions = RelSpec.scan(NARROWING_REGIONS, "g");
        // A store takes effect once its assignment's value is computed (`args = [args]` reads the old args).
        RelSpec stores = RelSpec.scan(NAME_BINDINGS, "s").filter(str("s", "ctx").eq("STORE"))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("s", "expr_id")))
                .join(RelSpec.scan(ASSIGNMENTS, "a"), JoinType.LEFT, str("a", "target_expr_id").eq(str("s", "expr_id")))
                .join(RelSpec.scan(EXPRS, "w"), JoinType.LEFT, str("w", "expr_id").eq(str("a", "value_expr_id")))
                .project(str("s", "binding_id").as("binding_id"), str("e", "path").as("path"),
                        Exprs.coalesce(i64("w", "bend"), i64("e", "bstart")).as("at"))
                .as("s");
        RelSpec firstStores = regions.join(stores, JoinType.INNER, str("s", "binding_id").eq(str("g", "binding_id")).and(str("s", "path").eq(str("g", "path")))
                        .and(i64("s", "at").ge(i64("g", "rstart"))).and(i64("s", "at").le(i64("g", "rend"))))
                .aggregate(List.of(str("g", "binding_id").as("binding_id"), i64("g", "rstart").as("rstart")), List.of(AggregateCall.min(i64("s", "at"), "at")))
                .as("f");
        return regions
                .join(RelSpec.scan(EXPRS, "l"), JoinType.INNER, str("l", "path").eq(str("g", "path")).and(str("l", "scope_id").eq(str("g", "scope_id")))
                        .and(str("l", "kind").eq("NAME")).and(str("l", "ctx").eq("LOAD"))
                        .and(i64("l", "bstart").ge(i64("g", "rstart"))).and(i64("l", "bend").le(i64("g", "rend"))))
                .join(RelSpec.scan(NAME_BINDINGS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("l", "expr_id")).and(str("n", "binding_id").eq(str("g", "binding_id"))))
                .join(firstStores, JoinType.LEFT, str("f", "binding_id").eq(str("g", "binding_id")).and(i64("f", "rstart").eq(i64("g", "rstart"))))
                .filter(i64("f", "at").isNull().or(i64("l", "bstart").lt(i64("f", "at"))))
                .aggregate(List.of(str("l", "expr_id").as("expr_id"), str("g", "binding_id").as("binding_id")),
                        List.of(AggregateCall.min(i32("g", "class"), "narrowest"), AggregateCall.max(i32("g", "class"), "widest")))
                .as("z")
                // Nested tests: what both allow (scalars' kinds unless they agree).
                .project(str("z", "expr_id").as("expr_id"), str("z", "binding_id").as("binding_id"),
                        Exprs.when(i32("z", "narrowest").ne(i32("z", "widest")).or(i32("z", "widest").eq(0)), val("S"))
                                .when(i32("z", "widest").eq(1), val("L")).otherwise(val("N")).as("narrowed"));
    }

    private static RelSpec builtinBased() {
        return RelSpec.scan(ClassHierarchy.MRO, "m")
                .filter(str("m", "base_qualified_name").in(SCALAR_TYPES).or(str("m", "base_qualified_name").in(CONTAINER_TYPES)))
                .aggregate(List.of(str("m", "class_id").as("class_id"),
                        Exprs.when(str("m", "base_qualified_name").in(SCALAR_TYPES), val("S")).otherwise(val("L")).as("narrowed")),
                        List.of(AggregateCall.count("n")));
    }

    /** The variables import statements bind. */
    private static RelSpec importBindings() {
        return RelSpec.scan(StructureGraph.IMPORT_ROWS, "i")
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u"), JoinType.INNER, str("u", "introduced_id").eq(str("i", "import_id"))
                        .and(str("u", "ctx").eq("STORE")))
                .project(str("u", "binding_id").as("binding_id"));
    }

    /** Name loads and the variables they read, except the loads {@link #narrowedLoads()} narrows. */
    private static RelSpec readBindings() {
        return RelSpec.scan(NAME_BINDINGS, "n").filter(str("n", "ctx").eq("LOAD"))
                .whereNotExists(RelSpec.scan(NARROWED, "z").filter(str("z", "expr_id").eq(str("n", "expr_id"))))
                .project(str("n", "expr_id").as("expr_id"), str("n", "binding_id").as("binding_id"));
    }

    private static RelSpec params() {
        return RelSpec.scan(StructureGraph.PARAM_ROWS, "p")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("p", "def_id")))
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u"), JoinType.INNER, str("u", "introduced_id").eq(str("p", "param_id")))
                .project(str("d", "node_id").as("def_node"), str("p", "param_id").as("param_id"), str("p", "name").as("name"),
                        str("p", "kind").as("kind"), i32("p", "position").as("position"), str("u", "binding_id").as("binding_id"));
    }

    /**
     * Flow that needs no recursion to find (a name that reads a variable is the variable: see
     * {@link #readingVariables}): a stored name to
     * its variable, an assignment's value to its target, a returned value to its function's
     * result, the operands of {@code a if c else b} and {@code a or b} to the expression, a
     * starred, awaited or {@code :=} value to the expression, a default to its parameter, a
     * definition's value after its decorators to the name it binds, and a displayed element to the
     * fields of its container: by index from the front (before any star) and from the back (after
     * it), by constant key, and {@code *} (any element).
     */
    private static RelSpec flow() {
        RelSpec writes = RelSpec.scan(NAME_BINDINGS, "n").filter(str("n", "ctx").eq("STORE"))
                .project(str("n", "expr_id").as("src"), str("n", "binding_id").as("dst"));
        RelSpec assignments = RelSpec.scan(ASSIGNMENTS, "a").filter(str("a", "kind").ne("AUG_ASSIGN"))
                .project(str("a", "value_expr_id").as("src"), str("a", "target_expr_id").as("dst"));
        RelSpec returns = RelSpec.scan(RETURNS, "r").filter(str("r", "kind").in(List.of("RETURN", "LAMBDA", "YIELD")).and(str("r", "value_expr_id").isNotNull()))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("r", "def_id")))
                .project(str("r", "value_expr_id").as("src"), returnOf(str("d", "node_id")).as("dst"));
        RelSpec operands = RelSpec.scan(OPERANDS, "o").project(str("o", "operand_expr_id").as("src"), str("o", "expr_id").as("dst"));
        RelSpec wrapped = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").in(List.of("AWAIT")).or(str("e", "node_type").eq("NamedExpr"))
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
        RelSpec shown = RelSpec.scan(ELEMENTS, "v").filter(str("v", "ctx").eq("LOAD").and(bool("v", "is_starred").not())
                .and(bool("v", "is_double_star").not()));
        RelSpec any = shown.project(str("v", "element_expr_id").as("src"), container(str("v", "container_expr_id"), val("*")).as("dst"));
        Condition sequence = str("v", "container_kind").in(List.of("TUPLE", "LIST"));
        RelSpec front = shown.filter(sequence.and(i32("v", "star_index").lt(0).or(i32("v", "index").lt(i32("v", "star_index")))))
                .project(str("v", "element_expr_id").as("src"), container(str("v", "container_expr_id"), text(i32("v", "index"))).as("dst"));
        RelSpec back = shown.filter(sequence.and(i32("v", "index").gt(i32("v", "star_index"))))
                .project(str("v", "element_expr_id").as("src"),
                        container(str("v", "container_expr_id"), text(Exprs.minus(i32("v", "index"), i32("v", "element_count")))).as("dst"));
        RelSpec keyed = shown.filter(str("v", "container_kind").eq("DICT").and(str("v", "key_const_text").isNotNull()))
                .project(str("v", "element_expr_id").as("src"), container(str("v", "container_expr_id"), key(str("v", "key_const_text"))).as("dst"));
        return RelSpec.unionAll(writes, assignments, returns, operands, wrapped, defaults, defined, any, front, back, keyed);
    }

    /**
     * Parameters a function may return as they are: named parameters (not {@code *args} or
     * {@code **kwargs}) of functions that are not generators. What else the parameter's binding is
     * given (its default, what the body assigns to it) flows to the function's result on edges of
     * its own ({@link #flowBesidesReturnedParams()}), so a call gets back what it passed plus those:
     * {@code def _process_class(cls): ...; cls = _add_slots(cls); return cls} returns each call's
     * class, not every class any call passed.
     */
    private static RelSpec passableParams() {
        return RelSpec.scan(PARAMS, "q").filter(str("q", "kind").in(List.of("POSITIONAL_ONLY", "REGULAR", "KEYWORD_ONLY")))
                .whereNotExists(RelSpec.scan(GENERATORS, "y").filter(str("y", "node_id").eq(str("q", "def_node"))))
                .project(str("q", "def_node").as("def_node"), str("q", "param_id").as("param_id"), str("q", "kind").as("kind"),
                        i32("q", "position").as("position"), str("q", "name").as("name"), str("q", "binding_id").as("binding_id"));
    }

    /** Calls whose callee is a name some undecorated {@code def} binds (a name bound otherwise too may call more). */
    private static RelSpec staticCallees() {
        return RelSpec.scan(SITES, "s").filter(str("s", "kind").eq("call").and(str("s", "callee").isNotNull()).and(str("s", "result").isNotNull()))
                .join(RelSpec.scan(ALL_FLOW, "f"), JoinType.INNER, str("f", "dst").eq(str("s", "callee")))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, definition(str("d", "node_id")).eq(str("f", "src")))
                .project(str("s", "site").as("site"), str("s", "result").as("result"), str("d", "node_id").as("def_node"));
    }

    /**
     * Returned parameters, found up the calls that pass them on: a passable parameter whose binding
     * flows straight to its function's result, or one passed to a returned parameter of a statically
     * known callee whose call is what the function returns ({@code dataclass(cls)} returns
     * {@code wrap(cls)}, which returns {@code _process_class(cls, ...)}, which returns {@code cls}).
     * A decorator that returns the function it is given, used on 5,000 tests, would otherwise make
     * each of the 5,000 names point to all 5,000 functions through the decorator's one result.
     */
    private static RelSpec returning() {
        List<NamedField<?>> columns = List.of(str("q", "def_node").as("def_node"), str("q", "param_id").as("param_id"), str("q", "kind").as("kind"),
                i32("q", "position").as("position"), str("q", "name").as("name"), str("q", "binding_id").as("binding_id"));
        RelSpec seed = RelSpec.scan(PASSABLE_PARAMS, "q")
                .join(RelSpec.scan(RETURN_CHAINS, "c"), JoinType.INNER, str("c", "node_id").eq(str("q", "binding_id"))
                        .and(str("c", "def_node").eq(str("q", "def_node"))))
                .project(with(columns, Exprs.nullOf(DataType.STRING).as("via_site")));
        RelSpec step = RelSpec.scan(RETURNING, "r")
                .join(RelSpec.scan(STATIC_CALLEES, "c"), JoinType.INNER, str("c", "def_node").eq(str("r", "def_node")))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "site")))
                .filter(fills("g", "r", i32("g", "position")))
                .join(RelSpec.scan(PASSABLE_PARAMS, "q"), JoinType.INNER, str("q", "binding_id").eq(str("g", "arg")))
                .join(RelSpec.scan(ALL_FLOW, "f"), JoinType.INNER, str("f", "src").eq(str("c", "result"))
                        .and(str("f", "dst").eq(returnOf(str("q", "def_node")))))
                .project(with(columns, str("c", "site").as("via_site")));
        return RecursiveRel.fixpoint(RETURNING, seed, step, MAX_NESTING);
    }

    /**
     * Argument {@code arg} (a row of {@link #ARGS}, not starred) fills named parameter {@code param}
     * (a row of {@link #PARAMS}): by position, {@code at} being the argument's position among the
     * parameters (after a bound method's receiver), or by keyword.
     */
    private static Condition fills(String arg, String param, Field<Integer> at) {
        Condition byPosition = i32(arg, "position").ge(0).and(bool(arg, "is_star").not()).and(at.eq(i32(param, "position")))
                .and(str(param, "kind").in(POSITIONAL));
        Condition byKeyword = str(arg, "keyword").eq(str(param, "name")).and(str(param, "kind").in(BY_KEYWORD));
        return byPosition.or(byKeyword);
    }

    private static List<NamedField<?>> with(List<NamedField<?>> columns, NamedField<?> more) {
        List<NamedField<?>> all = new ArrayList<>(columns);
        all.add(more);
        return all;
    }

    private static RelSpec returnedParams() {
        return RelSpec.scan(RETURNING, "r")
                .aggregate(List.of(str("r", "def_node").as("def_node"), str("r", "param_id").as("param_id"), str("r", "kind").as("kind"),
                        i32("r", "position").as("position"), str("r", "name").as("name"), str("r", "binding_id").as("binding_id")),
                        List.of(AggregateCall.count("n")));
    }

    /**
     * Arguments whose call gives them back, except (1) where the caller returns that call's result
     * and the argument is its own returned parameter: its callers get their argument back
     * themselves, so the result would only gather every caller's argument; and (2) where the call's
     * result is only stored back into the variable passed ({@code cls = _add_slots(cls)}): the
     * variable already holds what it would get back, and through a returned parameter of the caller
     * it would otherwise hold every caller's argument.
     */
    private static RelSpec returningArgs() {
        RelSpec outflows = RelSpec.scan(ALL_FLOW, "o").aggregate(List.of(str("o", "src").as("src")), List.of(AggregateCall.count("n")));
        RelSpec storedBack = RelSpec.scan(SITES, "s")
                .join(outflows.as("c"), JoinType.INNER, str("c", "src").eq(str("s", "result")).and(i64("c", "n").eq(1L)))
                .join(RelSpec.scan(ALL_FLOW, "f"), JoinType.INNER, str("f", "src").eq(str("s", "result")))
                .join(RelSpec.scan(NAME_BINDINGS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("f", "dst")).and(str("n", "ctx").eq("STORE")))
                .project(str("s", "site").as("site"), str("n", "binding_id").as("binding_id"));
        return RelSpec.scan(ARGS, "g")
                .whereNotExists(RelSpec.scan(RETURNING, "r").filter(str("r", "via_site").eq(str("g", "site")).and(str("r", "binding_id").eq(str("g", "arg")))))
                .whereNotExists(storedBack.as("b").filter(str("b", "site").eq(str("g", "site")).and(str("b", "binding_id").eq(str("g", "arg")))))
                .project(str("g", "site").as("site"), i32("g", "position").as("position"), str("g", "keyword").as("keyword"),
                        str("g", "arg").as("arg"), bool("g", "is_star").as("is_star"));
    }

    /**
     * A function's variables (parameters included, imports not), for {@link #returnChains()}: what
     * else they are given comes from static flow, or, for parameters, from calls.
     */
    private static RelSpec localVars() {
        RelSpec variables = RelSpec.scan(DefUseEdges.BINDINGS, "b").filter(str("b", "scope").in(List.of("LOCAL", "CELL")))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("b", "scope_id"))
                        .and(str("d", "def_kind").ne("CLASS")))
                .whereNotExists(importBindings().as("i").filter(str("i", "binding_id").eq(str("b", "binding_id"))))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.LEFT, str("q", "binding_id").eq(str("b", "binding_id")))
                .project(str("d", "node_id").as("def_node"), str("b", "binding_id").as("node_id"), str("q", "binding_id").isNotNull().as("is_param"));
        RelSpec expressions = RelSpec.scan(EXPRS, "e")
                .filter(str("e", "kind").eq("NAME").and(str("e", "ctx").eq("STORE")).or(str("e", "kind").in(List.of("BOOL_OP", "IF_EXP"))))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("e", "scope_id"))
                        .and(str("d", "def_kind").ne("CLASS")))
                .project(str("d", "node_id").as("def_node"), str("e", "expr_id").as("node_id"), val(false).as("is_param"));
        return RelSpec.unionAll(variables, expressions);
    }

    /**
     * The variables of a function (and the stores and {@code and}/{@code or}/conditional
     * expressions between them) whose value reaches its result through those only
     * ({@code path = a; ...; return path}), up to its parameters: a parameter found here is
     * returned ({@link #returning()}) even when the function copies it into another variable first,
     * so {@code posixpath.join(a, *p)} gives each call what that call passed, not what every caller
     * of {@code join} passed.
     */
    private static RelSpec returnChains() {
        RelSpec seed = RelSpec.scan(LOCAL_VARS, "l")
                .join(RelSpec.scan(ALL_FLOW, "f"), JoinType.INNER, str("f", "src").eq(str("l", "node_id"))
                        .and(str("f", "dst").eq(returnOf(str("l", "def_node")))))
                .project(str("l", "def_node").as("def_node"), str("l", "node_id").as("node_id"), bool("l", "is_param").as("is_param"));
        RelSpec step = RelSpec.scan(RETURN_CHAINS, "c").filter(bool("c", "is_param").not())
                .join(RelSpec.scan(ALL_FLOW, "f"), JoinType.INNER, str("f", "dst").eq(str("c", "node_id")))
                .join(RelSpec.scan(LOCAL_VARS, "l"), JoinType.INNER, str("l", "node_id").eq(str("f", "src")).and(str("l", "def_node").eq(str("c", "def_node"))))
                .project(str("c", "def_node").as("def_node"), str("l", "node_id").as("node_id"), bool("l", "is_param").as("is_param"));
        return RecursiveRel.fixpoint(RETURN_CHAINS, seed, step, MAX_NESTING);
    }

    /**
     * Static flow, a returned parameter's edge to its result left out; its default (if any) flows to
     * the result instead. In a function with a returned parameter, the variables between it and the
     * result ({@link #returnChains()}) no longer flow to the result; what they are given from
     * outside the function's own variables does, on edges of its own.
     */
    private static RelSpec flowBesidesReturnedParams() {
        RelSpec chained = RelSpec.scan(RETURN_CHAINS, "c").filter(bool("c", "is_param").not())
                .whereExists(RelSpec.scan(RETURNED_PARAMS, "q").filter(str("q", "def_node").eq(str("c", "def_node"))));
        RelSpec kept = RelSpec.scan(ALL_FLOW, "f")
                .whereNotExists(RelSpec.scan(RETURNED_PARAMS, "q").filter(str("q", "binding_id").eq(str("f", "src"))
                        .and(returnOf(str("q", "def_node")).eq(str("f", "dst")))))
                .whereNotExists(chained.as("k").filter(str("k", "node_id").eq(str("f", "src")).and(returnOf(str("k", "def_node")).eq(str("f", "dst")))))
                .project(str("f", "src").as("src"), str("f", "dst").as("dst"));
        RelSpec outside = chained.as("k")
                .join(RelSpec.scan(ALL_FLOW, "f"), JoinType.INNER, str("f", "dst").eq(str("k", "node_id")))
                .whereNotExists(RelSpec.scan(LOCAL_VARS, "l").filter(str("l", "node_id").eq(str("f", "src")).and(str("l", "def_node").eq(str("k", "def_node")))))
                .project(str("f", "src").as("src"), returnOf(str("k", "def_node")).as("dst"));
        RelSpec defaults = RelSpec.scan(RETURNED_PARAMS, "q")
                .join(RelSpec.scan(ALL_FLOW, "f"), JoinType.INNER, str("f", "dst").eq(str("q", "binding_id")))
                .project(str("f", "src").as("src"), returnOf(str("q", "def_node")).as("dst"));
        return RelSpec.unionAll(kept, defaults, outside);
    }

    /**
     * The special methods the language calls on the values of expressions: operators and
     * comparisons ({@code a + b} calls {@code __add__} on {@code a}; {@code x in c}
     * {@code __contains__} on {@code c}), subscripts, iteration ({@code __iter__}, then
     * {@code __next__} on what it returns), {@code with} ({@code __enter__}, {@code __exit__}), and
     * the builtins that call one on their argument ({@code len} {@code __len__}, ...), guarded by
     * the callee being that builtin. Columns: {@code site, recv, method, arg, result, guard_site,
     * guard_name, scope_id, path, bstart, bend}.
     */
    private static RelSpec implicit() {
        Field<String> op = str("o", "op");
        Field<String> binary = Exprs.when(op.eq("Add"), val("__add__")).when(op.eq("Sub"), val("__sub__")).when(op.eq("Mult"), val("__mul__"))
                .when(op.eq("Div"), val("__truediv__")).when(op.eq("FloorDiv"), val("__floordiv__")).when(op.eq("Mod"), val("__mod__"))
                .when(op.eq("Pow"), val("__pow__")).when(op.eq("MatMult"), val("__matmul__")).when(op.eq("BitAnd"), val("__and__"))
                .when(op.eq("BitOr"), val("__or__")).when(op.eq("BitXor"), val("__xor__")).when(op.eq("LShift"), val("__lshift__"))
                .when(op.eq("RShift"), val("__rshift__")).when(op.eq("USub"), val("__neg__")).when(op.eq("UAdd"), val("__pos__"))
                .when(op.eq("Invert"), val("__invert__")).otherwise(Exprs.nullOf(DataType.STRING));
        RelSpec operators = RelSpec.scan(OPERATORS, "o").filter(i32("o", "position").eq(0))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("o", "expr_id")).and(str("e", "node_type").ne("Compare")))
                .join(RelSpec.scan(OPERATORS, "r"), JoinType.LEFT, str("r", "expr_id").eq(str("o", "expr_id")).and(i32("r", "position").eq(1)))
                .project(implicitSite(binary, str("e", "expr_id"), str("o", "operand_expr_id"), str("r", "operand_expr_id"), str("e", "expr_id")));
        Field<String> cmp = str("r", "op");
        Field<String> compared = Exprs.when(cmp.eq("Eq"), val("__eq__")).when(cmp.eq("NotEq"), val("__ne__")).when(cmp.eq("Lt"), val("__lt__"))
                .when(cmp.eq("LtE"), val("__le__")).when(cmp.eq("Gt"), val("__gt__")).when(cmp.eq("GtE"), val("__ge__"))
                .when(cmp.in(List.of("In", "NotIn")), val("__contains__")).otherwise(Exprs.nullOf(DataType.STRING));
        Condition contains = cmp.in(List.of("In", "NotIn"));
        RelSpec comparisons = RelSpec.scan(OPERATORS, "r").filter(i32("r", "position").ge(1))
                .join(RelSpec.scan(OPERATORS, "o"), JoinType.INNER, str("o", "expr_id").eq(str("r", "expr_id"))
                        .and(i32("o", "position").eq(Exprs.minus(i32("r", "position"), 1))))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("r", "expr_id")))
                .project(implicitSite(compared, str("r", "operator_operand_id"),
                        Exprs.when(contains, str("r", "operand_expr_id")).otherwise(str("o", "operand_expr_id")),
                        Exprs.when(contains, str("o", "operand_expr_id")).otherwise(str("r", "operand_expr_id")), str("e", "expr_id")));
        Field<String> itemMethod = Exprs.when(str("e", "ctx").eq("STORE"), val("__setitem__")).when(str("e", "ctx").eq("DEL"), val("__delitem__"))
                .otherwise(val("__getitem__"));
        RelSpec items = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("SUBSCRIPT"))
                .project(implicitSite(itemMethod, str("e", "expr_id"), str("e", "base_expr_id"), str("e", "index_expr_id"), str("e", "expr_id")));
        RelSpec sources = RelSpec.scan(ITERATIONS, "i")
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("i", "source_expr_id")));
        Condition loop = str("i", "kind").ne("WITH");
        Field<String> iter = Exprs.when(bool("i", "is_async"), val("__aiter__")).otherwise(val("__iter__"));
        Field<String> next = Exprs.when(bool("i", "is_async"), val("__anext__")).otherwise(val("__next__"));
        Field<String> enter = Exprs.when(bool("i", "is_async"), val("__aenter__")).otherwise(val("__enter__"));
        Field<String> exit = Exprs.when(bool("i", "is_async"), val("__aexit__")).otherwise(val("__exit__"));
        Field<String> iterator = iteratorOf(str("e", "expr_id"));
        Field<String> none = Exprs.nullOf(DataType.STRING);
        RelSpec iterations = RelSpec.unionAll(
                sources.filter(loop).project(implicitSite(iter, str("e", "expr_id"), str("e", "expr_id"), none, iterator)),
                sources.filter(loop).project(implicitSite(next, str("e", "expr_id"), iterator, none, str("i", "target_expr_id"))),
                sources.filter(loop.not()).project(implicitSite(enter, str("e", "expr_id"), str("e", "expr_id"), none, str("i", "target_expr_id"))),
                sources.filter(loop.not()).project(implicitSite(exit, str("e", "expr_id"), str("e", "expr_id"), none, none)));
        // len(x) and friends: the call's first argument (each of zip's), when the callee is the builtin. The
        // site is named after the argument: a loop over the call (for a, b in zip(x, y)) is a site of its own.
        Field<String> builtin = str("f", "name");
        Field<String> dunder = Exprs.when(builtin.eq("len"), val("__len__")).when(builtin.eq("str"), val("__str__"))
                .when(builtin.eq("repr"), val("__repr__")).when(builtin.eq("bool"), val("__bool__")).when(builtin.eq("hash"), val("__hash__"))
                .when(builtin.eq("abs"), val("__abs__")).when(builtin.eq("iter"), val("__iter__")).when(builtin.eq("next"), val("__next__"))
                .when(builtin.eq("format"), val("__format__")).when(builtin.eq("bytes"), val("__bytes__"))
                .when(builtin.eq("round"), val("__round__")).when(builtin.eq("reversed"), val("__reversed__"))
                .when(builtin.in(DRAINING), val("__iter__"))
                .otherwise(Exprs.nullOf(DataType.STRING));
        // A draining builtin's result is a new container, not what it iterates. enumerate and zip iterate
        // their arguments as they are iterated: what the arguments' __iter__ return is the iterator a loop
        // over the call asks __next__ of (the loop's own __iter__ site's result), so a loop over
        // enumerate(xs) reaches the elements of xs, as a loop over xs does. The others drain their
        // argument at once: __next__ on what its __iter__ returns (iter.<argument>), from the call.
        Condition draining = builtin.in(DRAINING).and(builtin.in(LAZY_DRAINING).not());
        Field<String> drainedIterator = iteratorOf(str("a", "arg_expr_id"));
        Field<String> builtinResult = Exprs.when(builtin.in(LAZY_DRAINING), iteratorOf(str("e", "expr_id")))
                .when(draining, drainedIterator).otherwise(str("e", "expr_id"));
        RelSpec builtinArgs = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("CALL"))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("e", "base_expr_id")).and(str("f", "kind").eq("NAME"))
                        .and(str("f", "name").in(UNARY_BUILTINS).or(str("f", "name").in(DRAINING))))
                .join(RelSpec.scan(CALL_ARGS, "a"), JoinType.INNER, str("a", "call_id").eq(str("e", "ref_id"))
                        .and(i32("a", "position").eq(0).or(builtin.eq("zip").and(i32("a", "position").gt(0)).and(bool("a", "is_star").not()))));
        RelSpec builtins = RelSpec.unionAll(
                builtinArgs.project(guardedBy(builtin, implicitSite(dunder, str("a", "arg_expr_id"), str("a", "arg_expr_id"), none, builtinResult))),
                builtinArgs.filter(draining)
                        .project(guardedBy(builtin, implicitSite(val("__next__"), str("a", "arg_expr_id"), drainedIterator, none, none))));
        // sorted, min and max without key= compare the elements of their iterable.
        RelSpec ordered = RelSpec.scan(CALLBACKS, "c").filter(str("c", "fn").isNull())
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("c", "guard_site")))
                .project(QNames.join(val("__lt__"), str("c", "site")).as("site"), elementOf(str("c", "site")).as("recv"), val("__lt__").as("method"),
                        elementOf(str("c", "site")).as("arg"), none.as("result"), str("c", "guard_site").as("guard_site"),
                        str("c", "guard_name").as("guard_name"), str("e", "scope_id").as("scope_id"), str("e", "path").as("path"),
                        i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"));
        RelSpec delegates = RelSpec.scan(RETURNS, "r").filter(str("r", "kind").eq("YIELD_FROM").and(str("r", "value_expr_id").isNotNull()))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("r", "value_expr_id")))
                .project(implicitSite(val("__iter__"), str("e", "expr_id"), str("e", "expr_id"), none, none));
        return RelSpec.unionAll(operators, comparisons, items, iterations, builtins, ordered, delegates).as("s").filter(str("s", "method").isNotNull());
    }

    /** {@code site} guarded by the callee of the call {@code e} being the builtin named {@code builtin}. */
    private static List<NamedField<?>> guardedBy(Field<String> builtin, List<NamedField<?>> site) {
        List<NamedField<?>> guarded = new ArrayList<>(site);
        guarded.set(5, str("e", "expr_id").as("guard_site"));
        guarded.set(6, QNames.join(val("builtins"), builtin).as("guard_name"));
        return guarded;
    }

    /** One implicit call: its site is the method's name joined to {@code at}, its caller the owner of the expression's scope. */
    private static List<NamedField<?>> implicitSite(Field<String> method, Field<String> at, Field<String> recv, Field<String> arg, Field<String> result) {
        return List.of(QNames.join(method, at).as("site"), recv.as("recv"), method.as("method"), arg.as("arg"), result.as("result"),
                Exprs.nullOf(DataType.STRING).as("guard_site"), Exprs.nullOf(DataType.STRING).as("guard_name"),
                str("e", "scope_id").as("scope_id"), str("e", "path").as("path"), i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"));
    }

    /**
     * Functions a builtin calls: {@code map}, {@code filter} and {@code functools.reduce} their
     * first argument, {@code sorted}, {@code min}, {@code max} and {@code list.sort} their
     * {@code key=}, from the call of the builtin, each with the elements of the iterable it is given
     * ({@code el.<call>}). Columns: {@code site, fn, iterable, guard_site, guard_kind, guard_name, call_id}.
     */
    private static RelSpec callbacks() {
        RelSpec calls = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("CALL"))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("e", "base_expr_id")));
        Field<String> name = Exprs.coalesce(str("f", "name"), str("f", "attr"));
        RelSpec positional = calls.filter(name.in(List.of("map", "filter", "reduce")))
                .join(RelSpec.scan(CALL_ARGS, "a"), JoinType.INNER, str("a", "call_id").eq(str("e", "ref_id")).and(i32("a", "position").eq(0)))
                .join(RelSpec.scan(CALL_ARGS, "b"), JoinType.LEFT, str("b", "call_id").eq(str("e", "ref_id")).and(i32("b", "position").eq(1)))
                .project(callback(Exprs.when(name.eq("reduce"), val("functools.reduce")).otherwise(QNames.join(val("builtins"), name)),
                        val("E"), str("b", "arg_expr_id")));
        RelSpec keyed = calls.filter(name.in(List.of("sorted", "min", "max", "sort")))
                .join(RelSpec.scan(CALL_ARGS, "a"), JoinType.INNER, str("a", "call_id").eq(str("e", "ref_id")).and(str("a", "keyword").eq("key")))
                .join(RelSpec.scan(CALL_ARGS, "b"), JoinType.LEFT, str("b", "call_id").eq(str("e", "ref_id")).and(i32("b", "position").eq(0)))
                .project(callback(Exprs.when(name.eq("sort"), val("sort")).otherwise(QNames.join(val("builtins"), name)),
                        Exprs.when(name.eq("sort"), val("LB")).otherwise(val("E")),
                        Exprs.when(name.eq("sort"), str("f", "base_expr_id")).otherwise(str("b", "arg_expr_id"))));
        RelSpec compared = calls.filter(name.in(List.of("sorted", "min", "max")).and(str("f", "kind").eq("NAME")))
                .whereNotExists(RelSpec.scan(CALL_ARGS, "k").filter(str("k", "call_id").eq(str("e", "ref_id")).and(str("k", "keyword").eq("key"))))
                .join(RelSpec.scan(CALL_ARGS, "b"), JoinType.INNER, str("b", "call_id").eq(str("e", "ref_id")).and(i32("b", "position").eq(0)))
                .project(QNames.join(val("cb"), str("e", "expr_id")).as("site"), Exprs.nullOf(DataType.STRING).as("fn"),
                        str("b", "arg_expr_id").as("iterable"), str("e", "expr_id").as("guard_site"), val("E").as("guard_kind"),
                        QNames.join(val("builtins"), name).as("guard_name"));
        return RelSpec.unionAll(positional, keyed, compared);
    }

    private static List<NamedField<?>> callback(Field<String> guardName, Field<String> guardKind, Field<String> iterable) {
        return List.of(QNames.join(val("cb"), str("e", "expr_id")).as("site"), str("a", "arg_expr_id").as("fn"), iterable.as("iterable"),
                str("e", "expr_id").as("guard_site"), guardKind.as("guard_kind"), guardName.as("guard_name"));
    }

    /** Assignments of a call of the name {@code property} to a name, and whether the call passes a setter. */
    private static RelSpec propertyCalls() {
        RelSpec setterArgs = RelSpec.scan(CALL_ARGS, "g").filter(i32("g", "position").eq(1).or(str("g", "keyword").eq("fset")))
                .aggregate(List.of(str("g", "call_id").as("call_id")), List.of(AggregateCall.count("n")));
        return RelSpec.scan(ASSIGNMENTS, "a")
                .join(RelSpec.scan(EXPRS, "t"), JoinType.INNER, str("t", "expr_id").eq(str("a", "target_expr_id")).and(str("t", "kind").eq("NAME")))
                .join(RelSpec.scan(EXPRS, "v"), JoinType.INNER, str("v", "expr_id").eq(str("a", "value_expr_id")).and(str("v", "kind").eq("CALL")))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("v", "base_expr_id"))
                        .and(str("f", "kind").eq("NAME")).and(str("f", "name").eq("property")))
                .join(setterArgs.as("s"), JoinType.LEFT, str("s", "call_id").eq(str("v", "ref_id")))
                .project(str("t", "name").as("name"), str("v", "expr_id").as("site"), str("s", "call_id").isNotNull().as("has_setter"));
    }

    /**
     * Attribute loads of a name some {@code @property} defines or a call of {@code property} is
     * assigned to: each may call its getter ({@code prop.<load>}).
     */
    private static RelSpec propertyLoads() {
        RelSpec decorated = RelSpec.scan(StructureGraph.DECORATORS, "t").filter(str("t", "dotted_name").eq("property"))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("t", "def_id")))
                .project(str("d", "name").as("name"));
        RelSpec names = RelSpec.unionDistinct(decorated, RelSpec.scan(PROPERTY_CALLS, "c").project(str("c", "name").as("name")));
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("LOAD")))
                .join(names.as("p"), JoinType.INNER, str("p", "name").eq(str("e", "attr")))
                .project(QNames.join(val("prop"), str("e", "expr_id")).as("site"), str("e", "expr_id").as("result"),
                        str("e", "scope_id").as("scope_id"), str("e", "path").as("path"), i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"));
    }

    /** Definitions decorated {@code @name.setter}, {@code name} their own: a property's setter. */
    private static RelSpec setters() {
        return RelSpec.scan(StructureGraph.DECORATORS, "t")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("t", "def_id")))
                .filter(str("t", "dotted_name").eq(QNames.join(str("d", "name"), val("setter"))))
                .project(str("t", "decorator_id").as("decorator_id"), str("d", "def_id").as("def_id"), str("d", "name").as("name"));
    }

    /**
     * Attribute stores of a name some {@code @name.setter} defines, or a call of {@code property}
     * with a setter is assigned to: each may call that setter ({@code pset.<target>}), which is
     * given the stored value (the target's pointer).
     */
    private static RelSpec propertyStores() {
        RelSpec names = RelSpec.unionDistinct(RelSpec.scan(SETTERS, "t").project(str("t", "name").as("name")),
                RelSpec.scan(PROPERTY_CALLS, "c").filter(bool("c", "has_setter")).project(str("c", "name").as("name")));
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("STORE")))
                .join(names.as("p"), JoinType.INNER, str("p", "name").eq(str("e", "attr")))
                .project(QNames.join(val("pset"), str("e", "expr_id")).as("site"), str("e", "expr_id").as("value"),
                        str("e", "base_expr_id").as("base"), str("e", "attr").as("attr"), str("e", "scope_id").as("scope_id"),
                        str("e", "path").as("path"), i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"));
    }

    /**
     * Attribute loads of names no class body, module or attribute store binds: only
     * {@code __getattr__} can answer them ({@code getattr.<load>}). Names something defines are left
     * out even where the receiver's class lacks them, which keeps the sites few (a load of
     * {@code run} on a class with {@code __getattr__} and no {@code run} is missed when another class
     * defines {@code run}).
     */
    private static RelSpec getattrLoads() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("LOAD"))
                        .and(str("e", "attr").in(OBJECT_ATTRS).not()))
                .whereNotExists(RelSpec.scan(EXPRS, "w").filter(str("w", "kind").eq("ATTRIBUTE").and(str("w", "ctx").eq("STORE"))
                        .and(str("w", "attr").eq(str("e", "attr")))))
                .whereNotExists(RelSpec.scan(CLASS_BODIES, "b").filter(str("b", "attr").eq(str("e", "attr"))))
                .whereNotExists(RelSpec.scan(ModuleBindings.MODULE_SYMBOLS, "m").filter(str("m", "symbol").eq(str("e", "attr"))))
                .project(QNames.join(val("getattr"), str("e", "expr_id")).as("site"), str("e", "base_expr_id").as("base"), str("e", "expr_id").as("result"),
                        str("e", "scope_id").as("scope_id"), str("e", "path").as("path"), i64("e", "bstart").as("bstart"), i64("e", "bend").as("bend"));
    }

    /**
     * Every site: calls (their node the {@code PY_CALL}), decorator applications (the
     * {@code PY_DECORATOR}), callbacks (the builtin's call), implicit calls and property reads (from
     * the caller, at the expression), and class statements calling {@code __init_subclass__} (the
     * class). Columns: {@code site, callee, result, src_node_id, caller_id, caller_name, kind, path, bstart, bend}.
     */
    private static RelSpec sites() {
        Field<String> none = Exprs.nullOf(DataType.STRING);
        RelSpec calls = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("CALL"))
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(site(str("e", "expr_id"), str("e", "base_expr_id"), str("e", "expr_id"), callNode("e"), "call", "e"));
        RelSpec decorators = RelSpec.scan(StructureGraph.DECORATORS, "e")
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(site(str("e", "decorator_id"), str("e", "expr_id"), decorated(str("e", "decorator_id")),
                        CpgExprs.stableId(str("e", "path"), i64("e", "bstart"), i64("e", "bend"), val("PY_DECORATOR")), "decorator", "e"));
        RelSpec callbacks = RelSpec.scan(CALLBACKS, "c")
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("c", "guard_site")))
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(site(str("c", "site"), none, QNames.join(val("cbres"), str("c", "site")), callNode("e"), "callback", "e"));
        RelSpec implicit = RelSpec.scan(IMPLICIT, "e")
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(site(str("e", "site"), none, str("e", "result"), str("o", "owner_id"), "implicit", "e"));
        RelSpec properties = RelSpec.scan(PROPERTY_LOADS, "e")
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(site(str("e", "site"), none, str("e", "result"), str("o", "owner_id"), "property", "e"));
        RelSpec setters = RelSpec.scan(PROPERTY_STORES, "e")
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(site(str("e", "site"), none, none, str("o", "owner_id"), "property", "e"));
        RelSpec classes = RelSpec.scan(StructureGraph.DEF_ROWS, "e").filter(str("e", "def_kind").eq("CLASS"))
                .join(RelSpec.scan(FUNCTIONS, "c"), JoinType.INNER, str("c", "node_id").eq(str("e", "node_id")))
                .join(RelSpec.scan(DefinitionNodes.DEFS, "q"), JoinType.INNER, str("q", "def_id").eq(str("e", "def_id")))
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("q", "scope_id")))
                .project(site(QNames.join(val("cls"), str("e", "node_id")), none, none, str("e", "node_id"), "class", "e"));
        RelSpec getattrs = RelSpec.scan(GETATTR_LOADS, "e")
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .project(site(str("e", "site"), none, str("e", "result"), str("o", "owner_id"), "implicit", "e"));
        return RelSpec.unionAll(calls, decorators, callbacks, implicit, properties, setters, getattrs, classes);
    }

    private static List<NamedField<?>> site(Field<String> site, Field<String> callee, Field<String> result, Field<String> node, String kind,
            String span) {
        return List.of(site.as("site"), callee.as("callee"), result.as("result"), node.as("src_node_id"), str("o", "owner_id").as("caller_id"),
                str("o", "owner_name").as("caller_name"), val(kind).as("kind"), str(span, "path").as("path"), i64(span, "bstart").as("bstart"), i64(span, "bend").as("bend"));
    }

    private static Field<String> callNode(String alias) {
        return CpgExprs.stableId(str(alias, "path"), i64(alias, "bstart"), i64(alias, "bend"), val("PY_CALL"));
    }

    /**
     * Arguments by site: a call's (starred ones left out), a decorator's one (what the decorator
     * below it returns, or the definition), an implicit call's operand, a callback's element of
     * the iterable (two for {@code reduce}). Columns: {@code site, position, keyword, arg}.
     */
    private static RelSpec args() {
        Field<String> noKeyword = Exprs.nullOf(DataType.STRING);
        // A starred argument passes its elements (its iteration target, star.<arg>) to every parameter from its position on.
        RelSpec calls = RelSpec.scan(CALL_ARGS, "a").filter(bool("a", "is_double_star").not())
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "ref_id").eq(str("a", "call_id")).and(str("e", "kind").eq("CALL")))
                .project(str("e", "expr_id").as("site"), i32("a", "position").as("position"), str("a", "keyword").as("keyword"),
                        Exprs.when(bool("a", "is_star"), starred(str("a", "arg_expr_id"))).otherwise(str("a", "arg_expr_id")).as("arg"),
                        bool("a", "is_star").as("is_star"), val(false).as("compared"));
        RelSpec decorators = RelSpec.scan(StructureGraph.DECORATORS, "t")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("t", "def_id")))
                .join(RelSpec.scan(StructureGraph.DECORATORS, "b"), JoinType.LEFT, str("b", "def_id").eq(str("t", "def_id"))
                        .and(i32("b", "position").eq(Exprs.plus(i32("t", "position"), 1))))
                .project(str("t", "decorator_id").as("site"), val(0).as("position"), noKeyword.as("keyword"),
                        Exprs.coalesce(decorated(str("b", "decorator_id")), definition(str("d", "node_id"))).as("arg"), val(false).as("is_star"),
                        val(false).as("compared"));
        RelSpec implicit = RelSpec.scan(IMPLICIT, "i").filter(str("i", "arg").isNotNull())
                .project(str("i", "site").as("site"), val(0).as("position"), noKeyword.as("keyword"), str("i", "arg").as("arg"), val(false).as("is_star"),
                        str("i", "method").in(COMPARISONS).as("compared"));
        RelSpec callbacks = RelSpec.scan(CALLBACKS, "c").filter(str("c", "fn").isNotNull())
                .project(str("c", "site").as("site"), val(0).as("position"), noKeyword.as("keyword"), elementOf(str("c", "site")).as("arg"),
                        val(false).as("is_star"), val(false).as("compared"));
        RelSpec reduced = RelSpec.scan(CALLBACKS, "c").filter(str("c", "guard_name").eq("functools.reduce"))
                .project(str("c", "site").as("site"), val(1).as("position"), noKeyword.as("keyword"), elementOf(str("c", "site")).as("arg"),
                        val(false).as("is_star"), val(false).as("compared"));
        RelSpec stored = RelSpec.scan(PROPERTY_STORES, "p")
                .project(str("p", "site").as("site"), val(0).as("position"), noKeyword.as("keyword"), str("p", "value").as("arg"),
                        val(false).as("is_star"), val(false).as("compared"));
        return RelSpec.unionAll(calls, decorators, implicit, callbacks, reduced, stored);
    }

    /** What is iterated into what: {@code for} and comprehension targets, and the elements a callback is given. */
    private static RelSpec iterated() {
        RelSpec loopRows = RelSpec.scan(ITERATIONS, "i").filter(str("i", "kind").ne("WITH").and(str("i", "target_expr_id").isNotNull()));
        RelSpec loops = loopRows.project(str("i", "source_expr_id").as("source"), str("i", "target_expr_id").as("target"));
        // A loop over an object whose __iter__ returns an iterator over a container (return iter(self._items))
        // iterates that container: the loop's iterator (iter.<source>) holds it.
        RelSpec iterators = loopRows.project(iteratorOf(str("i", "source_expr_id")).as("source"), str("i", "target_expr_id").as("target"));
        RelSpec callbacks = RelSpec.scan(CALLBACKS, "c").filter(str("c", "iterable").isNotNull())
                .project(str("c", "iterable").as("source"), elementOf(str("c", "site")).as("target"));
        RelSpec delegated = RelSpec.scan(RETURNS, "r").filter(str("r", "kind").eq("YIELD_FROM").and(str("r", "value_expr_id").isNotNull()))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("r", "def_id")))
                .project(str("r", "value_expr_id").as("source"), returnOf(str("d", "node_id")).as("target"));
        RelSpec starArgs = RelSpec.scan(CALL_ARGS, "a").filter(bool("a", "is_star"))
                .project(str("a", "arg_expr_id").as("source"), starred(str("a", "arg_expr_id")).as("target"));
        // for i, x in enumerate(xs) iterates xs into x; for a, b in zip(as, bs) as into a and bs into b (targets
        // unpacked by position; a target that is not a display is left out).
        Field<String> wrapper = str("f", "name");
        RelSpec paired = RelSpec.scan(ITERATIONS, "i").filter(str("i", "kind").ne("WITH").and(str("i", "target_expr_id").isNotNull()))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("i", "source_expr_id")).and(str("e", "kind").eq("CALL")))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("e", "base_expr_id")).and(str("f", "kind").eq("NAME"))
                        .and(wrapper.in(LAZY_DRAINING)))
                .join(RelSpec.scan(CALL_ARGS, "a"), JoinType.INNER, str("a", "call_id").eq(str("e", "ref_id")).and(bool("a", "is_star").not())
                        .and(i32("a", "position").eq(0).or(wrapper.eq("zip").and(i32("a", "position").gt(0)))))
                .join(RelSpec.scan(ELEMENTS, "t"), JoinType.INNER, str("t", "container_expr_id").eq(str("i", "target_expr_id"))
                        .and(bool("t", "is_starred").not())
                        .and(i32("t", "index").eq(Exprs.when(wrapper.eq("enumerate"), val(1)).otherwise(i32("a", "position")))))
                .project(str("a", "arg_expr_id").as("source"), str("t", "element_expr_id").as("target"));
        return RelSpec.unionAll(loops, iterators, callbacks, delegated, starArgs, paired);
    }

    /** {@code f(**m)}: {@code site, arg}. */
    private static RelSpec doubleStars() {
        return RelSpec.scan(CALL_ARGS, "a").filter(bool("a", "is_double_star"))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "ref_id").eq(str("a", "call_id")).and(str("e", "kind").eq("CALL")))
                .project(str("e", "expr_id").as("site"), str("a", "arg_expr_id").as("arg"));
    }

    /** Decorators that are calls ({@code @functools.wraps(f)}): the call's site. */
    private static RelSpec decoratorCalls() {
        return RelSpec.scan(StructureGraph.DECORATORS, "t")
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "expr_id").eq(str("t", "expr_id")).and(str("e", "kind").eq("CALL")))
                .project(str("e", "expr_id").as("site"));
    }

    /**
     * Names a {@code from m import *} provides to the importing file's module-level and global
     * names that nothing else binds: {@code binding_id, kind, target_id}.
     */
    private static RelSpec starImports() {
        return RelSpec.scan(StructureGraph.IMPORT_ROWS, "i").filter(bool("i", "is_star"))
                .join(RelSpec.scan(ImportResolution.TARGETS, "t"), JoinType.INNER, str("t", "requester_id").eq(str("i", "import_id")))
                .join(RelSpec.scan(FUNCTIONS, "n"), JoinType.INNER, str("n", "node_id").eq(str("t", "target_id")))
                .join(RelSpec.scan(DefUseEdges.BINDINGS, "b"), JoinType.INNER, str("b", "file_id").eq(str("i", "file_id"))
                        .and(str("b", "symbol").eq(str("n", "name"))).and(str("b", "scope").eq("GLOBAL_IMPLICIT")
                                .or(str("b", "scope_id").eq(str("i", "file_id")).and(bool("b", "is_assigned").not()).and(bool("b", "is_imported").not()))))
                .project(str("b", "binding_id").as("binding_id"), Exprs.when(str("n", "def_kind").eq("CLASS"), val("C")).otherwise(val("F")).as("kind"),
                        str("n", "node_id").as("target_id"));
    }

    private static RelSpec loads() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("LOAD")))
                .project(str("e", "base_expr_id").as("base"), str("e", "attr").as("attr"), str("e", "expr_id").as("dst"));
    }

    private static RelSpec fieldLoads() {
        RelSpec stored = RelSpec.scan(STORES, "s").aggregate(List.of(str("s", "attr").as("attr")), List.of(AggregateCall.count("stores")));
        return RelSpec.scan(LOADS, "l").join(stored.as("t"), JoinType.INNER, str("t", "attr").eq(str("l", "attr")))
                .project(str("l", "base").as("base"), str("l", "attr").as("attr"), str("l", "dst").as("dst"));
    }

    /** An attribute target is a pointer like any other (its value flows into it); a store reads it. */
    private static RelSpec stores() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("ATTRIBUTE").and(str("e", "ctx").eq("STORE")))
                .project(str("e", "expr_id").as("value"), str("e", "base_expr_id").as("base"), str("e", "attr").as("attr"));
    }

    /**
     * Subscripts with the container field they read or write: a constant index or key names one
     * ({@code 0}, {@code -1}, {@code k:name}; an int index may be a list's position or a dict's
     * key), any other index {@code *} when read and {@code +} (added later) when written.
     * Columns: {@code base, key, ptr, is_store}.
     */
    private static RelSpec subscripts() {
        RelSpec subscripts = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("SUBSCRIPT").and(str("e", "ctx").in(List.of("LOAD", "STORE"))));
        Condition store = str("e", "ctx").eq("STORE");
        Condition constant = str("e", "const_text").isNotNull().and(str("e", "const_kind").in(List.of("INT", "STR")));
        Field<String> other = Exprs.when(store, val("+")).otherwise(val("*"));
        return RelSpec.unionAll(
                subscripts.filter(constant.not()).project(subscript(other)),
                subscripts.filter(constant).project(subscript(key(str("e", "const_text")))),
                subscripts.filter(constant.and(str("e", "const_kind").eq("INT"))).project(subscript(str("e", "const_text"))));
    }

    private static List<NamedField<?>> subscript(Field<String> key) {
        return List.of(str("e", "base_expr_id").as("base"), key.as("key"), str("e", "expr_id").as("ptr"), str("e", "ctx").eq("STORE").as("is_store"));
    }

    /**
     * The elements of unpacking targets ({@code a, *b, c = v}): before the star by index, after it
     * by index from the end, the starred one a new list of the rest ({@code key = '*'}).
     * Columns: {@code target, element, key, is_star}.
     */
    private static RelSpec unpacked() {
        Field<String> key = Exprs.when(bool("v", "is_starred"), val("*"))
                .when(i32("v", "star_index").ge(0).and(i32("v", "index").gt(i32("v", "star_index"))),
                        text(Exprs.minus(i32("v", "index"), i32("v", "element_count"))))
                .otherwise(text(i32("v", "index")));
        return RelSpec.scan(ELEMENTS, "v").filter(str("v", "ctx").eq("STORE"))
                .project(str("v", "container_expr_id").as("target"), str("v", "element_expr_id").as("element"), key.as("key"),
                        bool("v", "is_starred").as("is_star"), i32("v", "index").as("position"), i32("v", "element_count").as("count"));
    }

    /**
     * Classes called through their metaclass's {@code __call__}: a class of the MRO (or the class)
     * names {@code metaclass=M} with a name that binds a class of the repository defining
     * {@code __call__}. Columns: {@code class_id, function_id}.
     */
    private static RelSpec metaclassCalls() {
        return RelSpec.scan(CLASS_KEYWORDS, "k").filter(str("k", "keyword").eq("metaclass"))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "a"), JoinType.INNER, str("a", "def_id").eq(str("k", "def_id")))
                .join(mroOrSelf().as("m"), JoinType.INNER, str("m", "base_id").eq(str("a", "node_id")))
                .join(RelSpec.scan(NAME_BINDINGS, "n"), JoinType.INNER, str("n", "expr_id").eq(str("k", "expr_id")))
                .join(RelSpec.scan(DefUseEdges.DEFINES, "d"), JoinType.INNER, str("d", "src_node_id").eq(str("n", "binding_id")))
                .join(RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "l"), JoinType.INNER, str("l", "class_id").eq(str("d", "dst_node_id"))
                        .and(str("l", "method_name").eq("__call__")))
                .aggregate(List.of(str("m", "class_id").as("class_id"), str("l", "function_id").as("function_id")), List.of(AggregateCall.count("n")));
    }

    /** Each class with every function its MRO's classes define: {@code class_id, function_id}. */
    private static RelSpec classMethods() {
        return mroOrSelf().as("m")
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "c"), JoinType.INNER, str("c", "node_id").eq(str("m", "base_id")))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "f"), JoinType.INNER, str("f", "parent_def_id").eq(str("c", "def_id"))
                        .and(str("f", "def_kind").in(List.of("FUNCTION", "ASYNC_FUNCTION"))))
                .aggregate(List.of(str("m", "class_id").as("class_id"), str("f", "node_id").as("function_id")), List.of(AggregateCall.count("n")));
    }

    /** Functions and lambdas not defined in a class body (a method may still be made of them: {@code cls.m = f}): {@code node_id}. */
    private static RelSpec freeFunctions() {
        return RelSpec.scan(FUNCTIONS, "f").filter(str("f", "def_kind").ne("CLASS"))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "p"), JoinType.LEFT, str("p", "def_id").eq(str("f", "parent_def_id")))
                .filter(str("p", "def_kind").isNull().or(str("p", "def_kind").ne("CLASS")))
                .project(str("f", "node_id").as("node_id"));
    }

    /** Generator functions: the {@code node_id} of each function with a {@code yield}. */
    private static RelSpec generators() {
        return RelSpec.scan(RETURNS, "r").filter(str("r", "kind").in(List.of("YIELD", "YIELD_FROM")))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("r", "def_id")))
                .aggregate(List.of(str("d", "node_id").as("node_id")), List.of(AggregateCall.count("yields")));
    }

    /** Arguments that are str or int constants, as the field they name: {@code site, position, key}. */
    private static RelSpec constantArgs() {
        return RelSpec.scan(CALL_ARGS, "a").filter(i32("a", "position").ge(0))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "ref_id").eq(str("a", "call_id")).and(str("e", "kind").eq("CALL")))
                .join(RelSpec.scan(EXPRS, "v"), JoinType.INNER, str("v", "expr_id").eq(str("a", "arg_expr_id"))
                        .and(str("v", "const_kind").in(List.of("STR", "INT"))).and(str("v", "const_text").isNotNull()).and(str("v", "kind").ne("SUBSCRIPT")))
                .project(str("e", "expr_id").as("site"), i32("a", "position").as("position"), key(str("v", "const_text")).as("key"));
    }

    private static RelSpec storedPositionals() {
        return RelSpec.scan(CALL_ARGS, "a").filter(i32("a", "position").ge(1).and(bool("a", "is_star").not()))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "ref_id").eq(str("a", "call_id")).and(str("e", "kind").eq("CALL")))
                .aggregate(List.of(str("e", "expr_id").as("site")), List.of(AggregateCall.count("n")))
                .as("k")
                .project(str("k", "site").as("site"), Exprs.cast(i64("k", "n"), DataType.INT32).as("stored"));
    }

    /** Tuple and list displays without starred elements: {@code container, position, count, element}. */
    private static RelSpec exactDisplays() {
        return RelSpec.scan(ELEMENTS, "v").filter(str("v", "ctx").eq("LOAD").and(str("v", "container_kind").in(List.of("TUPLE", "LIST")))
                        .and(i32("v", "star_index").lt(0)))
                .project(str("v", "container_expr_id").as("container"), i32("v", "index").as("position"), i32("v", "element_count").as("count"),
                        str("v", "element_expr_id").as("element"));
    }

    /** {@code *x} in a display and {@code **m} in a dict display: the elements of {@code x} become elements of the display. */
    private static RelSpec spreads() {
        return RelSpec.scan(ELEMENTS, "v").filter(str("v", "ctx").eq("LOAD").and(bool("v", "is_starred").or(bool("v", "is_double_star"))))
                .project(str("v", "element_expr_id").as("source"), str("v", "container_expr_id").as("container"));
    }

    /** Names bound in class bodies: {@code class_id, attr, ptr}. */
    private static RelSpec classBodies() {
        return RelSpec.scan(StructureGraph.DEF_ROWS, "c").filter(str("c", "def_kind").eq("CLASS"))
                .join(RelSpec.scan(DefUseEdges.BINDINGS, "b"), JoinType.INNER, str("b", "scope_id").eq(str("c", "def_id")).and(bool("b", "is_assigned")))
                .project(str("c", "node_id").as("class_id"), str("b", "symbol").as("attr"), str("b", "binding_id").as("ptr"));
    }

    /** Each class's MRO, or the class alone when its MRO is unknown: {@code class_id, mro_position, base_id}. */
    private static RelSpec mroOrSelf() {
        RelSpec own = RelSpec.scan(StructureGraph.DEF_ROWS, "c").filter(str("c", "def_kind").eq("CLASS"))
                .project(str("c", "node_id").as("class_id"), val(0).as("mro_position"), str("c", "node_id").as("base_id"));
        RelSpec mro = RelSpec.scan(ClassHierarchy.MRO, "m")
                .project(str("m", "class_id").as("class_id"), i32("m", "mro_position").as("mro_position"), str("m", "base_id").as("base_id"));
        return RelSpec.unionDistinct(own, mro);
    }

    /** For each class and name bound in the body of a class of its MRO, the binding of the first such class. */
    private static RelSpec classAttrs() {
        return mroOrSelf().as("m")
                .join(RelSpec.scan(CLASS_BODIES, "b"), JoinType.INNER, str("b", "class_id").eq(str("m", "base_id")))
                .topPerGroup(List.of(str("m", "class_id"), str("b", "attr")), 1, SortKey.asc(i32("m", "mro_position")))
                .project(str("m", "class_id").as("class_id"), str("b", "attr").as("attr"), str("b", "ptr").as("ptr"));
    }

    /** {@code super()} without arguments in a method: the class it is defined in and the method's first parameter. */
    private static RelSpec superSites() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("CALL"))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("e", "base_expr_id")).and(str("f", "name").eq("super")))
                .join(RelSpec.scan(FUNCTIONS, "m"), JoinType.INNER, str("m", "def_id").eq(str("e", "scope_id")))
                .join(RelSpec.scan(FUNCTIONS, "k"), JoinType.INNER, str("k", "def_id").eq(str("m", "parent_def_id")).and(str("k", "def_kind").eq("CLASS")))
                .join(RelSpec.scan(PARAMS, "p"), JoinType.INNER, str("p", "def_node").eq(str("m", "node_id")).and(i32("p", "position").eq(0)))
                .project(str("e", "expr_id").as("site"), str("k", "node_id").as("class_id"), str("p", "binding_id").as("self_ptr"));
    }

    /** Attribute lookup from {@code super(k, x)} for x an instance of {@code c}: the first class after {@code k} in the MRO of {@code c}. */
    private static RelSpec superAttrs() {
        return RelSpec.scan(ClassHierarchy.MRO, "k")
                .join(RelSpec.scan(ClassHierarchy.MRO, "m"), JoinType.INNER, str("m", "class_id").eq(str("k", "class_id"))
                        .and(i32("m", "mro_position").gt(i32("k", "mro_position"))))
                .join(RelSpec.scan(CLASS_BODIES, "b"), JoinType.INNER, str("b", "class_id").eq(str("m", "base_id")))
                .topPerGroup(List.of(str("k", "class_id"), str("k", "base_id"), str("b", "attr")), 1, SortKey.asc(i32("m", "mro_position")))
                .project(str("k", "class_id").as("class_id"), str("k", "base_id").as("after_id"), str("b", "attr").as("attr"), str("b", "ptr").as("ptr"));
    }

    /**
     * What calling a class calls besides making the instance, by MRO: {@code __init__} and
     * {@code __call__} of instances are looked up by the rules; here {@code __new__} (bound to the
     * class) and a dataclass's {@code __post_init__} (bound to the instance). Columns:
     * {@code class_id, function_id, kind}.
     */
    private static RelSpec construction() {
        RelSpec news = RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "m").filter(str("m", "method_name").eq("__new__"))
                .project(str("m", "class_id").as("class_id"), str("m", "function_id").as("function_id"), val("BK").as("kind"));
        RelSpec postInit = RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "m").filter(str("m", "method_name").eq("__post_init__"))
                .join(dataclasses("c"), JoinType.INNER, str("c", "node_id").eq(str("m", "class_id")))
                .project(str("m", "class_id").as("class_id"), str("m", "function_id").as("function_id"), val("BC").as("kind"));
        return RelSpec.unionAll(news, postInit);
    }

    /** Classes decorated {@code @dataclass} (or {@code @dataclasses.dataclass}), as {@link #FUNCTIONS} rows under {@code alias}. */
    private static RelSpec dataclasses(String alias) {
        return RelSpec.scan(FUNCTIONS, alias)
                .whereExists(RelSpec.scan(StructureGraph.DECORATORS, "t").filter(str("t", "def_id").eq(str(alias, "def_id"))
                        .and(str("t", "dotted_name").in(List.of("dataclass", "dataclasses.dataclass")))));
    }

    /** {@code field(default_factory=f)} (or {@code dataclasses.field}) in a dataclass's body, for each class whose MRO holds it. */
    private static RelSpec defaultFactories() {
        return RelSpec.scan(CALL_ARGS, "a").filter(str("a", "keyword").eq("default_factory"))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "ref_id").eq(str("a", "call_id")).and(str("e", "kind").eq("CALL")))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("e", "base_expr_id"))
                        .and(str("f", "name").eq("field").or(str("f", "attr").eq("field"))))
                .join(RelSpec.scan(OWNERS, "o"), JoinType.INNER, str("o", "scope_id").eq(str("e", "scope_id")))
                .join(dataclasses("c"), JoinType.INNER, str("c", "node_id").eq(str("o", "owner_id")))
                .join(RelSpec.scan(ClassHierarchy.MRO, "m"), JoinType.INNER, str("m", "base_id").eq(str("c", "node_id")))
                .project(str("m", "class_id").as("class_id"), str("a", "arg_expr_id").as("factory"));
    }

    private static RelSpec moduleAttrs() {
        return RelSpec.scan(ModuleBindings.MODULE_SYMBOLS, "s").filter(bool("s", "bound"))
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.INNER, str("m", "module_name").eq(str("s", "module_name")))
                .project(str("m", "node_id").as("module_id"), str("s", "symbol").as("attr"), str("s", "binding_id").as("ptr"));
    }

    /** The names calls are made by: {@code f} of {@code f(...)} and of {@code x.f(...)}. */
    private static RelSpec calledNames() {
        return RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("CALL"))
                .join(RelSpec.scan(EXPRS, "f"), JoinType.INNER, str("f", "expr_id").eq(str("e", "base_expr_id")))
                .filter(Exprs.coalesce(str("f", "name"), str("f", "attr")).isNotNull())
                .aggregate(List.of(Exprs.coalesce(str("f", "name"), str("f", "attr")).as("name")), List.of(AggregateCall.count("n")));
    }

    private static RelSpec modulesByName() {
        return RelSpec.scan(CALL_ARGS, "a").filter(i32("a", "position").eq(0).and(bool("a", "is_star").not()))
                .join(RelSpec.scan(EXPRS, "e"), JoinType.INNER, str("e", "ref_id").eq(str("a", "call_id")).and(str("e", "kind").eq("CALL")))
                .join(RelSpec.scan(EXPRS, "v"), JoinType.INNER, str("v", "expr_id").eq(str("a", "arg_expr_id"))
                        .and(str("v", "kind").eq("CONST")).and(str("v", "const_kind").eq("STR")))
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.INNER, str("m", "module_name").eq(str("v", "const_text")))
                .project(str("e", "expr_id").as("site"), str("m", "node_id").as("module_id"));
    }

    private static RelSpec submodules() {
        return RelSpec.scan(ImportResolution.MODULES, "s")
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.INNER, str("m", "module_name").eq(QNames.parent(str("s", "module_name"))))
                .project(str("m", "node_id").as("module_id"), QNames.leaf(str("s", "module_name")).as("attr"), str("s", "node_id").as("sub_id"));
    }

    /**
     * Definitions before their decorators, lambdas, displays (each its own container object),
     * starred unpacking targets (a new list each), modules, what imports and builtins bind (an
     * import alias points to the module, function or class it imports, to an external name, or
     * takes the value of the module-level variable it names: an {@code X} fact), and the
     * {@code __init_subclass__} each class statement calls.
     */
    private static RelSpec seed() {
        Field<String> defKind = Exprs.when(str("d", "def_kind").eq("CLASS"), val("C")).otherwise(val("F"));
        RelSpec definitions = RelSpec.scan(StructureGraph.DEF_ROWS, "d").filter(str("d", "def_kind").ne("LAMBDA"))
                .project(fact("P", definition(str("d", "node_id")), defKind, str("d", "node_id")));
        RelSpec lambdas = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").eq("LAMBDA"))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("e", "ref_id")))
                .project(fact("P", str("e", "expr_id"), val("F"), str("d", "node_id")));
        RelSpec displays = RelSpec.scan(EXPRS, "e").filter(str("e", "kind").in(List.of("TUPLE", "LIST", "SET", "DICT", "COMPREHENSION"))
                        .and(str("e", "ctx").isNull().or(str("e", "ctx").eq("LOAD"))))
                .project(fact("P", str("e", "expr_id"), val("L"), str("e", "expr_id")));
        RelSpec rests = RelSpec.scan(UNPACKED, "u").filter(bool("u", "is_star"))
                .project(fact("P", str("u", "element"), val("L"), str("u", "element")));
        RelSpec builtins = RelSpec.scan(ModuleBindings.BUILTIN_USES, "b")
                .project(fact("P", str("b", "binding_id"), val("E"), str("b", "qualified_name")));
        RelSpec aliases = RelSpec.scan(StructureGraph.IMPORT_ROWS, "i")
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u"), JoinType.INNER, str("u", "introduced_id").eq(str("i", "import_id"))
                        .and(str("u", "ctx").eq("STORE")))
                .join(RelSpec.scan(ImportResolution.TARGETS, "t"), JoinType.INNER, str("t", "requester_id").eq(str("i", "import_id")))
                .join(RelSpec.scan(FUNCTIONS, "n"), JoinType.LEFT, str("n", "node_id").eq(str("t", "target_id")))
                .join(RelSpec.scan(ImportResolution.MODULES, "m"), JoinType.LEFT, str("m", "node_id").eq(str("t", "target_id")))
                .project(str("u", "binding_id").as("binding_id"), bool("i", "is_from").as("is_from"), str("i", "asname").as("asname"),
                        str("i", "module").as("module"), str("i", "name").as("bound_name"), str("t", "target_id").as("target_id"),
                        str("t", "external_name").as("external_name"), str("n", "def_kind").as("def_kind"),
                        str("m", "module_name").as("module_name"))
                .as("x");
        // `import a.b.c` binds `a`: its first component, a module of the repository or an external name.
        Condition plainDotted = bool("x", "is_from").not().and(str("x", "asname").isNull()).and(str("x", "module").ne(str("x", "bound_name")));
        Field<String> aliasKind = Exprs.when(str("x", "external_name").isNotNull(), val("E"))
                .when(str("x", "module_name").isNotNull(), val("M"))
                .when(str("x", "def_kind").eq("CLASS"), val("C"))
                .when(str("x", "def_kind").isNotNull(), val("F"))
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
        // A class statement calls the first __init_subclass__ after the class in its MRO, with the class.
        RelSpec initSubclass = RelSpec.scan(SUPER_ATTRS, "s").filter(str("s", "attr").eq("__init_subclass__").and(str("s", "after_id").eq(str("s", "class_id"))))
                .join(RelSpec.scan(DefUseEdges.DEFINES, "b"), JoinType.INNER, str("b", "src_node_id").eq(str("s", "ptr")))
                .project(fact("C", QNames.join(val("cls"), str("s", "class_id")), val("BK"), str("b", "dst_node_id"), str("s", "class_id")));
        RelSpec variadic = RelSpec.scan(PARAMS, "q").filter(str("q", "kind").in(List.of("VAR_POSITIONAL", "VAR_KEYWORD")))
                .project(fact("P", str("q", "binding_id"), val("L"), str("q", "param_id")));
        RelSpec starred = RelSpec.scan(STAR_IMPORTS, "s").project(fact("P", str("s", "binding_id"), str("s", "kind"), str("s", "target_id")));
        // A method's first parameter is an instance of its class (a classmethod's, the class) even where no
        // code of the repository makes one: test methods, callbacks a framework calls by name.
        RelSpec selves = RelSpec.scan(PARAMS, "q").filter(i32("q", "position").eq(0).and(str("q", "kind").in(POSITIONAL)))
                .join(RelSpec.scan(FUNCTIONS, "f"), JoinType.INNER, str("f", "node_id").eq(str("q", "def_node")).and(str("f", "def_kind").ne("CLASS")))
                .join(RelSpec.scan(FUNCTIONS, "c"), JoinType.INNER, str("c", "def_id").eq(str("f", "parent_def_id")).and(str("c", "def_kind").eq("CLASS")))
                .join(RelSpec.scan(StructureGraph.DECORATORS, "t"), JoinType.LEFT, str("t", "def_id").eq(str("f", "def_id"))
                        .and(str("t", "dotted_name").in(List.of("staticmethod", "classmethod"))))
                .filter(str("t", "dotted_name").isNull().or(str("t", "dotted_name").eq("classmethod")).and(str("f", "name").ne("__new__")));
        Field<String> selfKind = Exprs.when(str("t", "dotted_name").isNull(), val("I")).otherwise(val("C"));
        // ... or of a subclass no code of the repository constructs (no call names it), for a class with
        // few subclasses: a mixin's methods run on the test classes that mix it in, which unittest makes.
        RelSpec fewSubclasses = RelSpec.scan(ClassHierarchy.MRO, "m").filter(str("m", "class_id").ne(str("m", "base_id")))
                .aggregate(List.of(str("m", "base_id").as("class_id")), List.of(AggregateCall.count("n")))
                .as("k")
                .filter(i64("k", "n").le((long) MAX_SELF_SUBCLASSES));
        RelSpec subclassSelves = selves.join(fewSubclasses, JoinType.INNER, str("k", "class_id").eq(str("c", "node_id")))
                .join(RelSpec.scan(ClassHierarchy.MRO, "s"), JoinType.INNER, str("s", "base_id").eq(str("c", "node_id"))
                        .and(str("s", "class_id").ne(str("s", "base_id"))))
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "u"), JoinType.INNER, str("u", "node_id").eq(str("s", "class_id")))
                .whereNotExists(calledNames().as("w").filter(str("w", "name").eq(str("u", "name"))))
                .project(fact("P", str("q", "binding_id"), selfKind, str("s", "class_id")));
        RelSpec ownSelves = selves.project(fact("P", str("q", "binding_id"), selfKind, str("c", "node_id")));
        return RelSpec.unionAll(definitions, lambdas, displays, rests, variadic, builtins, aliasObjects, tops, starred, ownSelves, subclassSelves,
                initSubclass);
    }

    // ---- the fixpoint ---------------------------------------------------------------------------

    private static RelSpec pointsTo() {
        List<RelSpec> rules = new ArrayList<>();
        // Static and derived flow.
        rules.add(RelSpec.scan(FLOW, "f").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("f", "src")))
                .project(fact("P", str("f", "dst"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        rules.add(facts("X", "x").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("x", "a")))
                .project(fact("P", str("x", "id"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        // A read an isinstance test narrows gets what its variable points to, of the kinds the test allows.
        // Instances pass a builtin type's test only when their class derives from such a type (class Name(str)).
        rules.add(RelSpec.scan(NARROWED, "n").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("n", "binding_id")))
                .join(RelSpec.scan(BUILTIN_BASED, "x"), JoinType.LEFT, str("x", "class_id").eq(str("p", "id")).and(str("p", "kind").eq("I"))
                        .and(str("x", "narrowed").eq(str("n", "narrowed"))))
                .filter(str("p", "kind").eq("E").or(str("x", "class_id").isNotNull())
                        .or(str("n", "narrowed").eq("L").and(str("p", "kind").eq("L")))
                        .or(str("n", "narrowed").eq("N").and(str("p", "kind").ne("L"))))
                .project(fact("P", str("n", "expr_id"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        // An instance of a class deriving from list, tuple or set is also a container (class TokenList(list)):
        // what append stores and a subscript or a for loop reads are its elements, one container per class.
        // Not dict subclasses: Counter's one container per class gave the standard library 2,615 pairs none observed.
        RelSpec sequenceClasses = RelSpec.scan(ClassHierarchy.MRO, "m").filter(str("m", "base_qualified_name").in(SEQUENCE_TYPES))
                .aggregate(List.of(str("m", "class_id").as("class_id")), List.of(AggregateCall.count("n")));
        rules.add(facts("P", "p").filter(str("p", "kind").eq("I"))
                .join(sequenceClasses.as("x"), JoinType.INNER, str("x", "class_id").eq(str("p", "id")))
                .project(fact("P", str("p", "a"), val("L"), str("p", "id"))));
        callRules(rules);
        attributeRules(rules);
        containerRules(rules);
        implicitRules(rules);
        return SemiNaiveRel.ofRules(POINTS_TO, RelSpec.scan(SEED), rules, MAX_ROUNDS).bounded(WIDENING);
    }

    /** What each site calls, arguments to parameters, returns to results, classes to instances and their constructors. */
    private static void callRules(List<RelSpec> rules) {
        rules.add(RelSpec.scan(SITES, "s").filter(str("s", "callee").isNotNull())
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("s", "callee")))
                .project(fact("C", str("s", "site"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        // Positional arguments (a bound method's receiver takes the first parameter), then keywords.
        Field<Integer> shift = Exprs.when(str("c", "kind").in(BOUND), val(1)).otherwise(val(0));
        Field<Integer> at = Exprs.plus(i32("g", "position"), shift);
        Condition matched = bool("g", "is_star").not().and(i32("q", "position").eq(at)).or(bool("g", "is_star").and(i32("q", "position").ge(at)));
        RelSpec positional = callable("c").join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").ge(0)))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(str("q", "kind").in(POSITIONAL)))
                .filter(matched);
        rules.add(positional.filter(bool("g", "compared").not()).project(fact("X", str("g", "arg"), val(""), str("q", "binding_id"))));
        // A comparison's other operand reaches the method's parameter without builtin containers (see COMPARISONS).
        rules.add(positional.filter(bool("g", "compared"))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").ne("L")))
                .project(fact("P", str("q", "binding_id"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        // Positional arguments past the named parameters fill *args, keywords **kwargs; f(**m) gives m's keys to parameters by name.
        rules.add(callable("c").join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").ge(0)))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(str("q", "kind").eq("VAR_POSITIONAL")))
                .filter(i32("q", "position").le(at).or(bool("g", "is_star")))
                .project(fact("X", str("g", "arg"), val(""), container(str("q", "param_id"), val("*")))));
        rules.add(callable("c").join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(str("g", "keyword").isNotNull()))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(str("q", "kind").eq("VAR_KEYWORD")))
                .project(fact("X", str("g", "arg"), val(""), container(str("q", "param_id"), key(str("g", "keyword"))))));
        RelSpec spread = callable("c").join(RelSpec.scan(DOUBLE_STARS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").eq("L")));
        rules.add(spread.join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(str("q", "kind").in(BY_KEYWORD)))
                .project(fact("X", container(str("p", "id"), key(str("q", "name"))), val(""), str("q", "binding_id"))));
        rules.add(spread.join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(str("q", "kind").eq("VAR_KEYWORD")))
                .project(fact("P", str("q", "binding_id"), val("L"), str("p", "id"))));
        rules.add(callable("c").join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(str("g", "keyword").isNotNull()))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id"))
                        .and(str("q", "name").eq(str("g", "keyword"))).and(str("q", "kind").in(BY_KEYWORD)))
                .project(fact("X", str("g", "arg"), val(""), str("q", "binding_id"))));
        // A returned parameter gives the call its argument (a bound method's receiver when it is the first).
        RelSpec returning = callable("c").join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()));
        rules.add(returning.join(RelSpec.scan(RETURNING_ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").ge(0)))
                .join(RelSpec.scan(RETURNED_PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(str("q", "kind").in(POSITIONAL)))
                .filter(matched)
                .project(fact("X", str("g", "arg"), val(""), str("s", "result"))));
        rules.add(returning.join(RelSpec.scan(RETURNING_ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(str("g", "keyword").isNotNull()))
                .join(RelSpec.scan(RETURNED_PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id"))
                        .and(str("q", "name").eq(str("g", "keyword"))).and(str("q", "kind").in(BY_KEYWORD)))
                .project(fact("X", str("g", "arg"), val(""), str("s", "result"))));
        RelSpec returnsReceiver = returning.filter(str("c", "kind").in(BOUND))
                .join(RelSpec.scan(RETURNED_PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(i32("q", "position").eq(0)));
        rules.add(returnsReceiver.filter(str("c", "kind").eq("B")).project(fact("X", str("c", "recv"), val(""), str("s", "result"))));
        rules.add(returnsReceiver.filter(str("c", "kind").in(List.of("BC", "BK")))
                .project(fact("P", str("s", "result"), Exprs.when(str("c", "kind").eq("BC"), val("I")).otherwise(val("C")), str("c", "recv"))));
        rules.add(returnsReceiver.filter(str("c", "kind").eq("BKP"))
                .join(facts("P", "r"), JoinType.INNER, str("r", "a").eq(str("c", "recv")).and(str("r", "kind").eq("I")))
                .project(fact("P", str("s", "result"), val("C"), str("r", "id"))));
        // The receiver: an instance (BC) or class (BK) the fact names, or (B) the instances the receiver
        // expression points to whose class finds the function in its MRO, or (BKP) their classes.
        Field<String> self = Exprs.when(str("q", "kind").eq("VAR_POSITIONAL"), container(str("q", "param_id"), val("*"))).otherwise(str("q", "binding_id"));
        rules.add(facts("C", "c").filter(str("c", "kind").in(List.of("BC", "BK")))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(i32("q", "position").eq(0)))
                .project(fact("P", self, Exprs.when(str("c", "kind").eq("BC"), val("I")).otherwise(val("C")), str("c", "recv"))));
        RelSpec receivers = facts("C", "c").filter(str("c", "kind").in(List.of("B", "BKP")))
                .join(facts("P", "r"), JoinType.INNER, str("r", "a").eq(str("c", "recv")).and(str("r", "kind").eq("I")))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")).and(i32("q", "position").eq(0)));
        rules.add(receivers.filter(str("c", "kind").eq("B"))
                .join(RelSpec.scan(CLASS_METHODS, "m"), JoinType.INNER, str("m", "class_id").eq(str("r", "id")).and(str("m", "function_id").eq(str("c", "id"))))
                .project(fact("P", self, val("I"), str("r", "id"))));
        rules.add(receivers.filter(str("c", "kind").eq("B"))
                .join(RelSpec.scan(FREE_FUNCTIONS, "m"), JoinType.INNER, str("m", "node_id").eq(str("c", "id")))
                .project(fact("P", self, val("I"), str("r", "id"))));
        rules.add(receivers.filter(str("c", "kind").eq("BKP")).project(fact("P", self, val("C"), str("r", "id"))));
        // A function's result is what it returns; a generator function's is the generator, which yields when iterated.
        RelSpec results = callable("c").join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()))
                .join(RelSpec.scan(GENERATORS, "y"), JoinType.LEFT, str("y", "node_id").eq(str("c", "id")));
        rules.add(results.filter(str("y", "node_id").isNull()).project(fact("X", returnOf(str("c", "id")), val(""), str("s", "result"))));
        rules.add(results.filter(str("y", "node_id").isNotNull()).project(fact("P", str("s", "result"), val("G"), str("c", "id"))));
        // A class makes an instance and calls __init__ by MRO bound to it, __new__ bound to the class, a dataclass's __post_init__.
        // A class whose metaclass defines __call__ calls that instead; its super().__call__ constructs (CT).
        RelSpec classCalls = facts("C", "c").filter(str("c", "kind").in(List.of("C", "CT")))
                .join(RelSpec.scan(METACLASS_CALLS, "mc"), JoinType.LEFT, str("mc", "class_id").eq(str("c", "id")).and(str("c", "kind").eq("C")))
                .filter(str("mc", "class_id").isNull());
        rules.add(facts("C", "c").filter(str("c", "kind").eq("C"))
                .join(RelSpec.scan(METACLASS_CALLS, "mc"), JoinType.INNER, str("mc", "class_id").eq(str("c", "id")))
                .project(fact("C", str("c", "a"), val("BK"), str("mc", "function_id"), str("c", "id"))));
        rules.add(classCalls.join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()))
                .project(fact("P", str("s", "result"), val("I"), str("c", "id"))));
        rules.add(classCalls.join(RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "m"), JoinType.INNER, str("m", "class_id").eq(str("c", "id"))
                        .and(str("m", "method_name").eq("__init__")))
                .project(fact("C", str("c", "a"), val("BC"), str("m", "function_id"), str("c", "id"))));
        rules.add(classCalls.join(RelSpec.scan(CONSTRUCTION, "m"), JoinType.INNER, str("m", "class_id").eq(str("c", "id")))
                .project(fact("C", str("c", "a"), str("m", "kind"), str("m", "function_id"), str("c", "id"))));
        // A dataclass's generated __init__ calls each field's default_factory (with no arguments).
        rules.add(classCalls.join(RelSpec.scan(DEFAULT_FACTORIES, "d"), JoinType.INNER, str("d", "class_id").eq(str("c", "id")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("d", "factory")))
                .project(fact("C", str("c", "a"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
        // An instance called calls its class's __call__.
        rules.add(facts("C", "c").filter(str("c", "kind").eq("I"))
                .join(RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "m"), JoinType.INNER, str("m", "class_id").eq(str("c", "id"))
                        .and(str("m", "method_name").eq("__call__")))
                .project(fact("C", str("c", "a"), val("BC"), str("m", "function_id"), str("c", "id"))));
        // staticmethod, classmethod and property wrap their argument; other external decorators return it.
        Field<String> wrapped = Exprs.when(str("c", "id").eq(WRAPPERS.get(0)), val("S"))
                .when(str("c", "id").eq(WRAPPERS.get(1)), val("K")).otherwise(val("PR"));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").in(WRAPPERS)))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").eq(0)))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").eq("F")))
                .project(fact("P", str("s", "result"), wrapped, str("p", "id"))));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("ED").or(str("c", "kind").eq("E").and(str("c", "id").in(WRAPPERS).not())))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "kind").eq("decorator")))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")))
                .project(fact("X", str("g", "arg"), val(""), str("s", "result"))));
        // A decorator factory from outside the repository (@functools.wraps(f), @lru_cache(...)) makes an external decorator.
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E"))
                .join(RelSpec.scan(DECORATOR_CALLS, "d"), JoinType.INNER, str("d", "site").eq(str("c", "a")))
                .project(fact("P", str("c", "a"), val("ED"), CpgFunctions.TEXT_CONCAT.call(str("c", "id"), val("()")))));
        // functools.partial(f, *stored, **stored) makes PA(f) (PAB(f) for a bound method, whose receiver
        // is not kept), named by its call (recv): calling it calls f with the stored positional arguments
        // before the call's own and the stored keywords beside its own. The stored arguments reach f's
        // parameters where the partial is made; what a call passes, where it is called.
        // Only the external functools.partial: where functools.py is code of the repository (the standard
        // library) its own class partial runs, and the shared closure of a wrapper that @wraps decorates
        // (contextmanager's helper) would call every function it wraps with the arguments of every other.
        RelSpec partials = facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").eq("functools.partial")))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").eq(0)))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").in(CALLABLE)));
        rules.add(partials.join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .project(fact("P", str("s", "result"), Exprs.when(str("p", "kind").in(BOUND), val("PAB")).otherwise(val("PA")),
                        str("p", "id"), str("c", "a"))));
        // A stored argument at position i fills parameter i - 1 (i of a bound method, after its receiver).
        Field<Integer> storedAt = Exprs.plus(i32("h", "position"), Exprs.when(str("p", "kind").in(BOUND), val(0)).otherwise(val(-1)));
        rules.add(partials.join(RelSpec.scan(ARGS, "h"), JoinType.INNER, str("h", "site").eq(str("c", "a")).and(i32("h", "position").ne(0)))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("p", "id")))
                .filter(fills("h", "q", storedAt))
                .project(fact("X", str("h", "arg"), val(""), str("q", "binding_id"))));
        RelSpec partialCalls = facts("C", "c").filter(str("c", "kind").in(PARTIAL_KINDS));
        Field<Integer> receiver = Exprs.when(str("c", "kind").eq("PAB"), val(1)).otherwise(val(0));
        RelSpec partialResults = partialCalls
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()));
        rules.add(partialResults.project(fact("X", returnOf(str("c", "id")), val(""), str("s", "result"))));
        Field<Integer> calledAt = Exprs.plus(Exprs.plus(i32("g", "position"), Exprs.coalesce(i32("k", "stored"), 0)), receiver);
        RelSpec passed = partialCalls
                .join(RelSpec.scan(STORED_POSITIONALS, "k"), JoinType.LEFT, str("k", "site").eq(str("c", "recv")))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")));
        rules.add(passed.join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")))
                .filter(fills("g", "q", calledAt))
                .project(fact("X", str("g", "arg"), val(""), str("q", "binding_id"))));
        // A returned parameter gives the partial's call the argument that fills it, stored or passed.
        rules.add(passed.join(RelSpec.scan(RETURNED_PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")))
                .filter(fills("g", "q", calledAt))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()))
                .project(fact("X", str("g", "arg"), val(""), str("s", "result"))));
        rules.add(partialResults.join(RelSpec.scan(ARGS, "h"), JoinType.INNER, str("h", "site").eq(str("c", "recv")).and(i32("h", "position").ne(0)))
                .join(RelSpec.scan(RETURNED_PARAMS, "q"), JoinType.INNER, str("q", "def_node").eq(str("c", "id")))
                .filter(fills("h", "q", Exprs.plus(Exprs.plus(i32("h", "position"), val(-1)), receiver)))
                .project(fact("X", str("h", "arg"), val(""), str("s", "result"))));
        // importlib.import_module("pkg.mod") (and test.support's import_fresh_module) returns the module it names.
        rules.add(facts("C", "c").filter(str("c", "kind").in(List.of("E", "F")))
                .join(RelSpec.scan(MODULES_BY_NAME, "n"), JoinType.INNER, str("n", "site").eq(str("c", "a")))
                .join(RelSpec.scan(FUNCTIONS, "f"), JoinType.LEFT, str("f", "node_id").eq(str("c", "id")).and(str("c", "kind").eq("F")))
                .filter(Exprs.coalesce(str("f", "qualified_name"), str("c", "id")).in(MODULE_IMPORTERS))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()))
                .project(fact("P", str("s", "result"), val("M"), str("n", "module_id"))));
        // Builtins a function is passed to call it (guarded by the callee being that builtin or list.sort).
        rules.add(RelSpec.scan(CALLBACKS, "b").filter(str("b", "fn").isNotNull())
                .join(facts("C", "g"), JoinType.INNER, str("g", "a").eq(str("b", "guard_site")).and(str("g", "kind").eq(str("b", "guard_kind")))
                        .and(Exprs.when(str("g", "kind").eq("LB"), str("g", "recv")).otherwise(str("g", "id")).eq(str("b", "guard_name"))))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("b", "fn")))
                .project(fact("C", str("b", "site"), str("p", "kind"), str("p", "id"), str("p", "recv"))));
    }

    /**
     * Attribute loads (fields of instances and classes, class attributes by MRO, module attributes
     * and submodules, external names, super()), stores, and property getters called on reads.
     */
    private static void attributeRules(List<RelSpec> rules) {
        rules.add(attributeBases(FIELD_LOADS, "l").filter(str("p", "kind").in(List.of("I", "C")))
                .project(fact("X", field(str("p", "kind"), str("p", "id"), str("l", "attr")), val(""), str("l", "dst"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").in(List.of("I", "C")))
                .join(RelSpec.scan(CLASS_ATTRS, "k"), JoinType.INNER, str("k", "class_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("Y", str("k", "ptr"), str("p", "kind"), str("l", "dst"),
                        Exprs.when(str("p", "kind").eq("I"), str("l", "base")).otherwise(str("p", "id")))));
        rules.add(attributeBases(FIELD_LOADS, "l").filter(str("p", "kind").eq("I"))
                .project(fact("Y", field(val("C"), str("p", "id"), str("l", "attr")), val("I"), str("l", "dst"), str("l", "base"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("SU"))
                .join(RelSpec.scan(SUPER_ATTRS, "k"), JoinType.INNER, str("k", "class_id").eq(str("p", "recv"))
                        .and(str("k", "after_id").eq(str("p", "id"))).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("Y", str("k", "ptr"), val("IC"), str("l", "dst"), str("p", "recv"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("M"))
                .join(RelSpec.scan(MODULE_ATTRS, "k"), JoinType.INNER, str("k", "module_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("X", str("k", "ptr"), val(""), str("l", "dst"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("M"))
                .join(RelSpec.scan(SUBMODULES, "k"), JoinType.INNER, str("k", "module_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("P", str("l", "dst"), val("M"), str("k", "sub_id"))));
        // External names grow by the attributes read (os + .path + .join), to a bounded depth: a loop
        // such as `node = node.parent` over an external value would otherwise name without end.
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("E").and(QNames.depth(str("p", "id")).lt(MAX_EXTERNAL_DEPTH)))
                .project(fact("P", str("l", "dst"), val("E"), QNames.join(str("p", "id"), str("l", "attr")))));
        // A class attribute read through an instance binds functions to it (B: the receiver expression's
        // instances, so one fact per function, not per class of receiver; BC: one instance class, for
        // super()), through the class classmethods to the class.
        Field<String> boundKind = Exprs.when(str("y", "kind").eq("I").and(str("p", "kind").eq("F")), val("B"))
                .when(str("y", "kind").eq("IC").and(str("p", "kind").eq("F")), val("BC"))
                .when(str("y", "kind").eq("I").and(str("p", "kind").eq("K")), val("BKP"))
                .when(str("p", "kind").eq("K"), val("BK"))
                .when(str("p", "kind").eq("S"), val("F"))
                .otherwise(str("p", "kind"));
        Field<String> boundRecv = Exprs.when(str("p", "kind").eq("K").or(str("y", "kind").in(List.of("I", "IC")).and(str("p", "kind").eq("F"))),
                str("y", "recv")).otherwise(str("p", "recv"));
        // A property read through an instance is its getter's result (the rule below), not the property.
        rules.add(facts("Y", "y").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("y", "a"))
                        .and(str("y", "kind").in(List.of("I", "IC")).and(str("p", "kind").in(List.of("PR", "PS"))).not()))
                .project(fact("P", str("y", "id"), boundKind, str("p", "id"), boundRecv)));
        // Reading a property through an instance calls its getter.
        rules.add(facts("Y", "y").filter(str("y", "kind").in(List.of("I", "IC")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("y", "a")).and(str("p", "kind").eq("PR")))
                .project(fact("C", QNames.join(val("prop"), str("y", "id")), Exprs.when(str("y", "kind").eq("I"), val("B")).otherwise(val("BC")),
                        str("p", "id"), str("y", "recv"))));
        // property(fget, fset) (or fset=) makes a property with that setter too.
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").eq(WRAPPERS.get(2))))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a"))
                        .and(i32("g", "position").eq(1).or(str("g", "keyword").eq("fset"))))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").eq("F")))
                .project(fact("P", str("s", "result"), val("PS"), str("p", "id"))));
        // @name.setter makes a property with that setter (PS); storing to it through an instance calls the setter.
        rules.add(RelSpec.scan(SETTERS, "t")
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("t", "decorator_id")).and(i32("g", "position").eq(0)))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").eq("F")))
                .project(fact("P", decorated(str("t", "decorator_id")), val("PS"), str("p", "id"))));
        rules.add(attributeBases(PROPERTY_STORES, "l").filter(str("p", "kind").eq("I"))
                .join(RelSpec.scan(CLASS_ATTRS, "k"), JoinType.INNER, str("k", "class_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .join(facts("P", "q"), JoinType.INNER, str("q", "a").eq(str("k", "ptr")).and(str("q", "kind").eq("PS")))
                .project(fact("C", str("l", "site"), val("B"), str("q", "id"), str("l", "base"))));
        // super() in a method of class k, called on an instance of c.
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").eq("builtins.super")))
                .join(RelSpec.scan(SUPER_SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("s", "self_ptr")).and(str("p", "kind").eq("I")))
                .project(fact("P", str("s", "site"), val("SU"), str("s", "class_id"), str("p", "id"))));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").eq("builtins.super")))
                .join(RelSpec.scan(SUPER_SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("s", "self_ptr")).and(str("p", "kind").eq("C")))
                .project(fact("P", str("s", "site"), val("SC"), str("s", "class_id"), str("p", "id"))));
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("SC").and(str("l", "attr").eq("__call__")))
                .project(fact("P", str("l", "dst"), val("CT"), str("p", "recv"))));
        rules.add(attributeBases(STORES, "l").filter(str("p", "kind").in(List.of("I", "C")))
                .project(fact("X", str("l", "value"), val(""), field(str("p", "kind"), str("p", "id"), str("l", "attr")))));
        rules.add(attributeBases(STORES, "l").filter(str("p", "kind").eq("M"))
                .join(RelSpec.scan(MODULE_ATTRS, "k"), JoinType.INNER, str("k", "module_id").eq(str("p", "id")).and(str("k", "attr").eq(str("l", "attr"))))
                .project(fact("X", str("l", "value"), val(""), str("k", "ptr"))));
    }

    /**
     * Containers ({@code L} objects: displays, comprehensions, starred targets): subscripts read
     * and write their fields, iteration and unpacking read them, spreads copy them; the builtin
     * methods {@code append}, {@code add}, {@code get}, {@code pop}, {@code setdefault},
     * {@code values}, {@code copy}; {@code dict(x)}, {@code list(x)} and the like return their
     * argument's container.
     */
    private static void containerRules(List<RelSpec> rules) {
        RelSpec subscripted = RelSpec.scan(SUBSCRIPTS, "u").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("u", "base"))
                .and(str("p", "kind").eq("L")));
        for (String key : List.of("key", "added")) {
            Field<String> name = key.equals("key") ? str("u", "key") : val("+");
            rules.add(subscripted.filter(bool("u", "is_store").not())
                    .project(fact("X", container(str("p", "id"), name), val(""), str("u", "ptr"))));
            rules.add(subscripted.filter(bool("u", "is_store"))
                    .project(fact("X", str("u", "ptr"), val(""), container(str("p", "id"), name))));
        }
        for (String key : List.of("*", "+")) {
            rules.add(RelSpec.scan(ITERATED, "i").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("i", "source")).and(str("p", "kind").eq("L")))
                    .project(fact("X", container(str("p", "id"), val(key)), val(""), str("i", "target"))));
            rules.add(RelSpec.scan(SPREADS, "s").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("s", "source")).and(str("p", "kind").eq("L")))
                    .project(fact("X", container(str("p", "id"), val(key)), val(""), container(str("s", "container"), val("*")))));
            // A starred target takes the middle of a display whose elements are known, else any element.
            rules.add(RelSpec.scan(UNPACKED, "u").filter(bool("u", "is_star"))
                    .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("u", "target")).and(str("p", "kind").eq("L")))
                    .join(RelSpec.scan(EXACT_DISPLAYS, "d"), JoinType.LEFT, str("d", "container").eq(str("p", "id")).and(i32("d", "position").eq(0)))
                    .filter(str("d", "container").isNull().or(val(key).eq("+")))
                    .project(fact("X", container(str("p", "id"), val(key)), val(""), container(str("u", "element"), val("*")))));
        }
        rules.add(RelSpec.scan(UNPACKED, "u").filter(bool("u", "is_star"))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("u", "target")).and(str("p", "kind").eq("L")))
                .join(RelSpec.scan(EXACT_DISPLAYS, "d"), JoinType.INNER, str("d", "container").eq(str("p", "id"))
                        .and(i32("d", "position").ge(i32("u", "position")))
                        .and(i32("d", "position").lt(Exprs.minus(i32("d", "count"), Exprs.minus(Exprs.minus(i32("u", "count"), i32("u", "position")), 1)))))
                .project(fact("X", str("d", "element"), val(""), container(str("u", "element"), val("*")))));
        RelSpec unpacked = RelSpec.scan(UNPACKED, "u").filter(bool("u", "is_star").not())
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("u", "target")).and(str("p", "kind").eq("L")));
        rules.add(unpacked.project(fact("X", container(str("p", "id"), str("u", "key")), val(""), str("u", "element"))));
        rules.add(unpacked.project(fact("X", container(str("p", "id"), val("+")), val(""), str("u", "element"))));
        // Builtin methods of containers, read as attributes, are LB objects: the container and the method's name.
        rules.add(attributeBases(LOADS, "l").filter(str("p", "kind").eq("L").and(str("l", "attr").in(CONTAINER_METHODS)))
                .project(fact("P", str("l", "dst"), val("LB"), str("p", "id"), str("l", "attr"))));
        RelSpec methodCalls = facts("C", "c").filter(str("c", "kind").eq("LB"))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()));
        rules.add(methodCalls.filter(str("c", "recv").in(List.of("get", "pop", "setdefault")))
                .join(RelSpec.scan(CONSTANT_ARGS, "k"), JoinType.LEFT, str("k", "site").eq(str("c", "a")).and(i32("k", "position").eq(0)))
                .project(fact("X", container(str("c", "id"), Exprs.coalesce(str("k", "key"), val("*"))), val(""), str("s", "result"))));
        rules.add(methodCalls.filter(str("c", "recv").in(List.of("get", "pop", "setdefault")))
                .project(fact("X", container(str("c", "id"), val("+")), val(""), str("s", "result"))));
        rules.add(methodCalls.filter(str("c", "recv").in(List.of("values", "copy")))
                .project(fact("P", str("s", "result"), val("L"), str("c", "id"))));
        Condition stored = str("c", "recv").in(List.of("append", "add")).and(i32("g", "position").eq(0))
                .or(str("c", "recv").in(List.of("insert", "setdefault")).and(i32("g", "position").eq(1)));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("LB"))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")))
                .filter(stored)
                .project(fact("X", str("g", "arg"), val(""), container(str("c", "id"), val("+")))));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("LB").and(str("c", "recv").eq("get")))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").eq(1)))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .project(fact("X", str("g", "arg"), val(""), str("s", "result"))));
        rules.add(facts("C", "c").filter(str("c", "kind").eq("E").and(str("c", "id").in(COPYING_BUILTINS)))
                .join(RelSpec.scan(ARGS, "g"), JoinType.INNER, str("g", "site").eq(str("c", "a")).and(i32("g", "position").eq(0)))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").eq("L")))
                .project(fact("P", str("s", "result"), val("L"), str("p", "id"))));
    }

    /** The special methods the language calls on instances: operators, subscripts, iteration, with, and the builtins' dunders. */
    private static void implicitRules(List<RelSpec> rules) {
        // Iterating a generator resumes it: a call from the iterating code; its elements are its yields.
        RelSpec onGenerators = RelSpec.scan(IMPLICIT, "i")
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("i", "recv")).and(str("p", "kind").eq("G")));
        // A generator in a with statement is a @contextlib.contextmanager's (an external decorator gives its
        // function): __enter__ runs it to its yield, __exit__ on from there, and `as` takes what it yields.
        rules.add(onGenerators.filter(str("i", "method").in(List.of("__iter__", "__aiter__", "__next__", "__anext__",
                        "__enter__", "__aenter__", "__exit__", "__aexit__")))
                .project(fact("C", str("i", "site"), val("GI"), str("p", "id"))));
        rules.add(onGenerators.filter(str("i", "method").in(List.of("__enter__", "__aenter__")).and(str("i", "result").isNotNull()))
                .project(fact("X", returnOf(str("p", "id")), val(""), str("i", "result"))));
        rules.add(onGenerators.filter(str("i", "method").in(List.of("__iter__", "__aiter__")).and(str("i", "result").isNotNull()))
                .project(fact("P", str("i", "result"), val("G"), str("p", "id"))));
        rules.add(onGenerators.filter(str("i", "method").in(List.of("__next__", "__anext__")).and(str("i", "result").isNotNull()))
                .project(fact("X", returnOf(str("p", "id")), val(""), str("i", "result"))));
        rules.add(RelSpec.scan(ITERATED, "i").join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("i", "source")).and(str("p", "kind").eq("G")))
                .project(fact("X", returnOf(str("p", "id")), val(""), str("i", "target"))));
        RelSpec onInstances = RelSpec.scan(IMPLICIT, "i")
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("i", "recv")).and(str("p", "kind").eq("I")))
                .join(RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "m"), JoinType.INNER, str("m", "class_id").eq(str("p", "id"))
                        .and(str("m", "method_name").eq(str("i", "method"))));
        // An attribute nothing defines, read on an instance whose class has __getattr__, calls it.
        rules.add(attributeBases(GETATTR_LOADS, "l").filter(str("p", "kind").eq("I"))
                .join(RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "m"), JoinType.INNER, str("m", "class_id").eq(str("p", "id"))
                        .and(str("m", "method_name").eq("__getattr__")))
                .project(fact("C", str("l", "site"), val("BC"), str("m", "function_id"), str("p", "id"))));
        rules.add(onInstances.filter(str("i", "guard_site").isNull())
                .project(fact("C", str("i", "site"), val("BC"), str("m", "function_id"), str("p", "id"))));
        rules.add(onInstances.filter(str("i", "guard_site").isNotNull())
                .join(facts("C", "g"), JoinType.INNER, str("g", "a").eq(str("i", "guard_site")).and(str("g", "kind").eq("E"))
                        .and(str("g", "id").eq(str("i", "guard_name"))))
                .project(fact("C", str("i", "site"), val("BC"), str("m", "function_id"), str("p", "id"))));
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

    private static Field<String> starred(Field<String> arg) {
        return QNames.join(val("star"), arg);
    }

    /** The iterator {@code __iter__} gave for the iterable {@code expr}: what a loop or a builtin asks {@code __next__} of. */
    private static Field<String> iteratorOf(Field<String> expr) {
        return QNames.join(val("iter"), expr);
    }

    private static Field<String> elementOf(Field<String> callback) {
        return QNames.join(val("el"), callback);
    }

    /** A field of an instance ({@code I}), class ({@code C}) or container ({@code L}) object. */
    private static Field<String> field(Field<String> kind, Field<String> object, Field<String> attr) {
        return QNames.join(QNames.join(kind, object), attr);
    }

    private static Field<String> container(Field<String> object, Field<String> key) {
        return field(val("L"), object, key);
    }

    /** A constant key of a dict: {@code k:} and its text. */
    private static Field<String> key(Field<String> text) {
        return CpgFunctions.TEXT_CONCAT.call(val("k:"), text);
    }

    private static Field<String> text(Field<Integer> number) {
        return Exprs.cast(number, DataType.STRING);
    }

    // ---- edges, graph, props --------------------------------------------------------------------

    /**
     * Each site's callees that are nodes: functions (bound or not), classes, and external names
     * that have a node; {@code candidates} counts them, an {@code __init__} a class call reaches
     * not counted apart from its class.
     */
    /**
     * Function and method callees of plain calls that leave one of their parameters without a
     * default unfilled: no positional argument at its position (a bound method's receiver fills
     * the first) and no keyword naming it, where the call passes no {@code *} or {@code **}.
     */
    private static RelSpec impossibleCalls() {
        Field<Integer> shift = Exprs.when(str("c", "kind").in(BOUND), val(1)).otherwise(val(0));
        return facts("C", "c").filter(str("c", "kind").in(List.of("F", "S", "B", "BC", "BK")))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "kind").eq("call")))
                .whereNotExists(RelSpec.scan(ARGS, "a").filter(str("a", "site").eq(str("c", "a")).and(bool("a", "is_star"))))
                .whereNotExists(RelSpec.scan(DOUBLE_STARS, "d").filter(str("d", "site").eq(str("c", "a"))))
                .join(RelSpec.scan(PARAMS, "m"), JoinType.INNER, str("m", "def_node").eq(str("c", "id"))
                        .and(str("m", "kind").in(List.of("POSITIONAL_ONLY", "REGULAR", "KEYWORD_ONLY"))))
                .filter(str("c", "kind").in(BOUND).and(str("m", "kind").in(POSITIONAL)).and(i32("m", "position").eq(0)).not())
                .whereNotExists(RelSpec.scan(DEFAULTS, "e").filter(str("e", "param_id").eq(str("m", "param_id"))))
                .whereNotExists(RelSpec.scan(ARGS, "g").filter(str("g", "site").eq(str("c", "a")).and(fills("g", "m", Exprs.plus(i32("g", "position"), shift)))))
                .aggregate(List.of(str("c", "a").as("site"), str("c", "id").as("id"), str("c", "kind").as("kind")), List.of(AggregateCall.count("n")));
    }

    private static RelSpec flowCallees() {
        Field<String> method = Exprs.when(str("c", "kind").eq("GI"), val("generator"))
                .when(str("s", "kind").ne("call"), str("s", "kind"))
                .when(str("c", "kind").eq("C"), val("instantiation"))
                .when(str("c", "kind").eq("BC").and(str("n", "name").in(List.of("__init__", "__post_init__"))), val("constructor"))
                .when(str("c", "kind").eq("BK").and(str("n", "name").eq("__new__")), val("constructor"))
                .when(str("c", "kind").in(BOUND), val("bound_method"))
                .when(str("c", "kind").eq("E"), val("external"))
                .otherwise(val("function"));
        // Calling a generator function runs none of it: the code that iterates the generator calls it.
        RelSpec callees = facts("C", "c").filter(str("c", "kind").in(List.of("F", "S", "B", "BC", "BK", "BKP", "C", "E", "PA", "PAB", "GI")))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")))
                .whereNotExists(RelSpec.scan(IMPOSSIBLE_CALLS, "x").filter(str("x", "site").eq(str("c", "a"))
                        .and(str("x", "id").eq(str("c", "id"))).and(str("x", "kind").eq(str("c", "kind")))))
                .join(RelSpec.scan(GENERATORS, "y"), JoinType.LEFT, str("y", "node_id").eq(str("c", "id")))
                .filter(str("y", "node_id").isNull().or(str("c", "kind").eq("GI")).or(str("s", "kind").eq("implicit")))
                .join(RelSpec.scan(FUNCTIONS, "n"), JoinType.LEFT, str("n", "node_id").eq(str("c", "id")))
                .filter(str("n", "node_id").isNotNull().or(str("c", "kind").eq("E")))
                .project(str("c", "a").as("site"), method.as("method"),
                        Exprs.coalesce(str("n", "node_id"), ImportResolution.externalId(str("c", "id"))).as("callee_id"),
                        Exprs.coalesce(str("n", "qualified_name"), str("c", "id")).as("callee_name"))
                .as("r")
                .aggregate(List.of(str("r", "site").as("site"), str("r", "callee_id").as("callee_id"), str("r", "callee_name").as("callee_name")),
                        List.of(AggregateCall.min(str("r", "method"), "method")));
        // A generator passed to a call nothing in the repository answers ("".join(lines())) is iterated by the caller.
        RelSpec drained = RelSpec.scan(ARGS, "g")
                .join(facts("P", "p"), JoinType.INNER, str("p", "a").eq(str("g", "arg")).and(str("p", "kind").eq("G")))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("g", "site")).and(str("s", "kind").eq("call")))
                .whereNotExists(facts("C", "k").filter(str("k", "a").eq(str("g", "site")).and(str("k", "kind").in(List.of("F", "S", "B", "BC", "BK", "BKP", "C", "PA", "PAB")))))
                .join(RelSpec.scan(FUNCTIONS, "n"), JoinType.INNER, str("n", "node_id").eq(str("p", "id")))
                .project(str("g", "site").as("site"), val("generator").as("method"), str("n", "node_id").as("callee_id"),
                        str("n", "qualified_name").as("callee_name"));
        callees = RelSpec.unionAll(callees.as("r").project(str("r", "site").as("site"), str("r", "callee_id").as("callee_id"),
                        str("r", "callee_name").as("callee_name"), str("r", "method").as("method")),
                drained.as("d").project(str("d", "site").as("site"), str("d", "callee_id").as("callee_id"),
                        str("d", "callee_name").as("callee_name"), str("d", "method").as("method")));
        return callees;
    }

    /** What the fixpoint resolves each site to, with the number of candidates (constructors not counted). */
    private static RelSpec flowResolved() {
        RelSpec counts = RelSpec.scan(FLOW_CALLEES, "k").filter(str("k", "method").ne("constructor"))
                .aggregate(List.of(str("k", "site").as("site")), List.of(AggregateCall.count("candidates")));
        return RelSpec.scan(FLOW_CALLEES, "r").join(counts.as("n"), JoinType.LEFT, str("n", "site").eq(str("r", "site")))
                .project(str("r", "site").as("site"), str("r", "callee_id").as("callee_id"), str("r", "callee_name").as("callee_name"),
                        str("r", "method").as("method"), Exprs.coalesce(i64("n", "candidates"), 1L).as("candidates"));
    }

    /**
     * Annotated pointers: a parameter's binding, and the result of each call of a function whose
     * return is annotated, with the class the annotation's expression names (a name or attribute the
     * points-to facts resolve to a class), when flow gives the pointer no object at all.
     */
    private static RelSpec annotated() {
        RelSpec named = RelSpec.scan(ANNOTATIONS, "n")
                .join(RelSpec.scan(NAME_BINDINGS, "b"), JoinType.LEFT, str("b", "expr_id").eq(str("n", "annotation_expr_id")).and(str("b", "ctx").eq("LOAD")))
                .project(str("n", "kind").as("kind"), str("n", "owner_id").as("owner_id"), str("n", "def_id").as("def_id"),
                        Exprs.coalesce(str("b", "binding_id"), str("n", "annotation_expr_id")).as("value"))
                .as("a")
                .join(facts("P", "k"), JoinType.INNER, str("k", "a").eq(str("a", "value")).and(str("k", "kind").eq("C")));
        RelSpec params = named.filter(str("a", "kind").eq("PARAM"))
                .join(RelSpec.scan(PARAMS, "q"), JoinType.INNER, str("q", "param_id").eq(str("a", "owner_id")))
                .project(str("q", "binding_id").as("ptr"), str("k", "id").as("class_id"));
        RelSpec returns = named.filter(str("a", "kind").eq("RETURN"))
                .join(RelSpec.scan(FUNCTIONS, "f"), JoinType.INNER, str("f", "def_id").eq(str("a", "def_id")))
                .join(callable("c"), JoinType.INNER, str("c", "id").eq(str("f", "node_id")))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("c", "a")).and(str("s", "result").isNotNull()))
                .project(str("s", "result").as("ptr"), str("k", "id").as("class_id"));
        return RelSpec.unionAll(params, returns).as("t")
                .whereNotExists(facts("P", "x").filter(str("x", "a").eq(str("t", "ptr"))))
                .aggregate(List.of(str("t", "ptr").as("ptr"), str("t", "class_id").as("class_id")), List.of(AggregateCall.count("n")));
    }

    /**
     * Methods called on annotated pointers ({@code shape.draw()} for {@code shape: Shape}) at calls
     * flow resolves to nothing: the method each class that is the annotation's or derives from it
     * finds by its MRO, since the value may be an instance of any of them.
     */
    private static RelSpec annotationCallees() {
        RelSpec callees = RelSpec.scan(ANNOTATED, "t")
                .join(RelSpec.scan(LOADS, "l"), JoinType.INNER, str("l", "base").eq(str("t", "ptr")))
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "callee").eq(str("l", "dst")).and(str("s", "kind").eq("call")))
                .whereNotExists(RelSpec.scan(FLOW_RESOLVED, "r").filter(str("r", "site").eq(str("s", "site"))))
                .join(mroOrSelf().as("m"), JoinType.INNER, str("m", "base_id").eq(str("t", "class_id")))
                .join(RelSpec.scan(ClassHierarchy.METHOD_LOOKUP, "k"), JoinType.INNER, str("k", "class_id").eq(str("m", "class_id"))
                        .and(str("k", "method_name").eq(str("l", "attr"))))
                .join(RelSpec.scan(FUNCTIONS, "f"), JoinType.INNER, str("f", "node_id").eq(str("k", "function_id")))
                .aggregate(List.of(str("s", "site").as("site"), str("f", "node_id").as("callee_id"), str("f", "qualified_name").as("callee_name")),
                        List.of(AggregateCall.count("n")));
        return callees;
    }

    /** Methods annotations alone resolve each site to, with the number of candidates. */
    private static RelSpec annotationResolved() {
        RelSpec counts = RelSpec.scan(ANNOTATION_CALLEES, "c").aggregate(List.of(str("c", "site").as("site")), List.of(AggregateCall.count("candidates")));
        return RelSpec.scan(ANNOTATION_CALLEES, "r").join(counts.as("n"), JoinType.INNER, str("n", "site").eq(str("r", "site")))
                .project(str("r", "site").as("site"), str("r", "callee_id").as("callee_id"), str("r", "callee_name").as("callee_name"),
                        val("bound_method").as("method"), i64("n", "candidates").as("candidates"));
    }

    private static RelSpec calledExternals() {
        return facts("C", "c").filter(str("c", "kind").eq("E"))
                .whereNotExists(RelSpec.scan(ImportResolution.EXTERNAL_NODES, "x").filter(str("x", "qualified_name").eq(str("c", "id"))))
                .aggregate(List.of(str("c", "id").as("qualified_name")), List.of(AggregateCall.count("sites")))
                .as("e")
                .project(ImportResolution.externalNode(str("e", "qualified_name")));
    }

    /** The calls flow resolves and those only annotations resolve, each with its origin. */
    private static RelSpec resolved() {
        return RelSpec.unionAll(resolvedBy(FLOW_RESOLVED, "flow"), resolvedBy(ANNOTATION_RESOLVED, "annotation"));
    }

    private static RelSpec resolvedBy(String view, String origin) {
        return RelSpec.scan(view, "r").project(str("r", "site").as("site"), str("r", "callee_id").as("callee_id"),
                str("r", "callee_name").as("callee_name"), str("r", "method").as("method"), i64("r", "candidates").as("candidates"),
                val(origin).as("origin"));
    }

    /**
     * {@code CALLS} from the site's node to each callee; confidence 1 for a site with one
     * candidate, else shared equally, the candidates of a site in one ambiguity group. One edge per
     * node, callee and span: of the sites there, the one with the fewest candidates.
     */
    private static RelSpec callEdges() {
        Field<Double> confidence = Exprs.div(val(1.0), Exprs.cast(i64("r", "candidates"), DataType.FLOAT64));
        return RelSpec.scan(RESOLVED, "r")
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("r", "site")))
                // Sites at one span that reach one callee from one node are one edge: a loop over an object
                // whose __iter__ is a generator function calls it (__iter__) and runs it (__next__) there.
                .topPerGroup(List.of(str("s", "src_node_id"), str("r", "callee_id"), str("s", "path"), i64("s", "bstart"), i64("s", "bend")), 1,
                        SortKey.asc(i64("r", "candidates")), SortKey.asc(str("r", "site")), SortKey.asc(str("r", "origin")))
                .project(val("CALLS").as("edge_kind"), str("s", "src_node_id").as("src_node_id"), str("r", "callee_id").as("dst_node_id"),
                        str("s", "path").as("path"), i64("s", "bstart").as("bstart"), i64("s", "bend").as("bend"),
                        str("r", "origin").as("origin"), str("r", "method").as("resolution_method"), confidence.as("confidence"),
                        confidence.as("score"),
                        Exprs.when(i64("r", "candidates").gt(1L), str("s", "site")).otherwise(Exprs.nullOf(DataType.STRING)).as("ambiguity_group_id"));
    }

    private static RelSpec callGraph() {
        return RelSpec.scan(RESOLVED, "r")
                .join(RelSpec.scan(SITES, "s"), JoinType.INNER, str("s", "site").eq(str("r", "site")).and(str("s", "caller_name").isNotNull()))
                .filter(str("r", "callee_name").isNotNull())
                // As for edges, sites at one span reaching one callee are one call.
                .topPerGroup(List.of(str("s", "caller_id"), str("r", "callee_id"), str("s", "path"), i64("s", "bstart"), i64("s", "bend")), 1,
                        SortKey.asc(i64("r", "candidates")), SortKey.asc(str("r", "site")), SortKey.asc(str("r", "origin")))
                .aggregate(List.of(str("s", "caller_id").as("caller_id"), str("s", "caller_name").as("caller_qualified_name"),
                                str("r", "callee_id").as("callee_id"), str("r", "callee_name").as("callee_qualified_name")),
                        // One row per (span, callee) is left, so this counts the spans that call the callee.
                        List.of(AggregateCall.count("call_sites"),
                                AggregateCall.max(Exprs.div(val(1.0), Exprs.cast(i64("r", "candidates"), DataType.FLOAT64)), "confidence")));
    }

    /**
     * Calls nothing resolves: {@code external} when the callee is a method of a builtin container
     * or what an external decorator factory returns (values with no node), else {@code unknown_callee}.
     */
    private static RelSpec unresolvedProps() {
        RelSpec external = facts("C", "e").filter(str("e", "kind").in(List.of("LB", "ED")));
        return RelSpec.scan(SITES, "s").filter(str("s", "kind").eq("call"))
                .whereNotExists(RelSpec.scan(RESOLVED, "r").filter(str("r", "site").eq(str("s", "site"))))
                .project(str("s", "site").as("site"), str("s", "src_node_id").as("src_node_id")).as("u")
                .join(external.aggregate(List.of(str("e", "a").as("site")), List.of(AggregateCall.count("n"))).as("x"), JoinType.LEFT,
                        str("x", "site").eq(str("u", "site")))
                .project(str("u", "src_node_id").as("entity_id"), val("unresolved_reason").as("prop_key"), val("STRING").as("value_type"),
                        Exprs.when(str("x", "site").isNotNull(), val("external")).otherwise(val("unknown_callee")).as("value_string"));
    }
}
