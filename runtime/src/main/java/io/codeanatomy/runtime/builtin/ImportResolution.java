package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;
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
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.List;

/**
 * Modules and imports resolved in the plan (docs/cpg-schema.md, "Imports"): an {@code IMPORTS}
 * edge from each import alias to the module, package, class, function or module-level variable
 * it names inside the repository, found by the import system's rules over the module names the
 * extractor derived ({@code py_files_v1.module_name}, {@code is_package}), and a
 * {@code PY_EXTERNAL} node per name from outside it ({@code os.path}, {@code requests.get}, and
 * {@code builtins.print} for the builtins a binding of CPython's symbol table falls through to).
 *
 * <p>A name is looked up in a module the way {@code from m import x} does: the module's own
 * top-level binding of {@code x} first (a {@code def} or {@code class} is the target, a variable
 * its {@code PY_BINDING}, an import alias is followed to what it imports: re-exports), else the
 * submodule {@code m.x}, else the public names of what {@code m} star-imports. That lookup is one
 * recursive view, {@value #LOOKUPS}, whose rows are either a pending lookup (module, name) or a
 * found target, so chains of any length are followed and circular imports end when no new row
 * appears. The same lookup resolves the names of class bases ({@value #BASE_REQUESTS}), which
 * {@link ClassHierarchy} turns into {@code INHERITS} edges.
 */
public final class ImportResolution implements CpgPart {
    /** Modules of the repository: {@code module_name, file_id, node_id} (a name may belong to several files). */
    public static final String MODULES = "imp_modules";
    /** Every dotted name of interest with each of its prefixes ({@code a.b.c}: {@code a.b.c}, {@code a.b}, {@code a}). */
    public static final String PREFIXES = "imp_prefixes";
    /** The first components of the repository's module names. */
    public static final String TOPS = "imp_repo_tops";
    /** Each import alias with the absolute module it reads ({@code abs_base}) and whether that is in the repository. */
    public static final String ALIASES = "imp_aliases";
    /** Class bases as lookups: a name of the class's module, or a dotted name through the module an import binds. */
    public static final String BASE_REQUESTS = "imp_base_requests";
    /** The extraction table of class bases: the positional bases and keywords of each class statement. */
    public static final String CLASS_BASES = "py_class_bases_v1";
    /** Per (module, symbol): how many definers, and the alias when it is the only one. */
    public static final String DEFINER_COUNTS = "imp_definer_counts";
    /** Star imports per importing module. */
    public static final String STAR_IMPORTS = "imp_star_imports";
    /** The recursive lookup: pending (module, symbol) lookups and found targets per alias. */
    public static final String LOOKUPS = "imp_lookups";
    /** One row per (alias, target): {@code requester_id, target_id, external_name, via}. */
    public static final String TARGETS = "imp_targets";
    public static final String EXTERNAL_NODES = "imp_external_nodes";
    public static final String IMPORTS_EDGES = "imp_imports_edges";
    public static final String BUILTIN_EDGES = "imp_builtin_edges";
    public static final String RESOLUTION_PROPS = "imp_resolution_props";

    /** The external name of the class every MRO ends with. */
    public static final String OBJECT = "builtins.object";

    /** Re-export and star chains are short; the bound only guards against a bug, cycles end by saturation. */
    static final int MAX_IMPORT_HOPS = 1000;

    /** How an alias reached its target: directly, through another alias (re-export), through a star import. */
    private static final int DIRECT = 0;
    private static final int RE_EXPORT = 1;
    private static final int STAR = 2;

    /**
     * CPython 3.11's {@code dir(builtins)}, less {@code False}, {@code None} and {@code True}
     * (keywords, never names) and the module dunders {@code __doc__}, {@code __loader__},
     * {@code __name__}, {@code __package__}, {@code __spec__} (every module has its own, which a
     * global lookup finds first).
     */
    public static final List<String> BUILTINS = List.of("ArithmeticError", "AssertionError", "AttributeError", "BaseException",
            "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning",
            "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup", "FileExistsError",
            "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
            "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
            "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplemented", "NotImplementedError",
            "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
            "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration",
            "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError",
            "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
            "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "__build_class__", "__debug__",
            "__import__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
            "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod",
            "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash",
            "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
            "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr",
            "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
            "zip");

    @Override
    public List<InputRelation> inputs() {
        return List.of(new InputRelation(DefinitionNodes.FILES, SchemaContract.of(1,
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("size", DataType.INT64),
                ColumnContract.required("status", DataType.STRING),
                ColumnContract.optional("module_name", DataType.STRING),
                ColumnContract.required("is_package", DataType.BOOLEAN))),
                classBasesInput());
    }

    /** The columns of {@value #CLASS_BASES} that base resolution and the class hierarchy read. */
    static InputRelation classBasesInput() {
        return SpannedInput.of(CLASS_BASES,
                ColumnContract.required("class_base_id", DataType.STRING),
                ColumnContract.required("def_id", DataType.STRING),
                ColumnContract.required("position", DataType.INT32),
                ColumnContract.optional("keyword", DataType.STRING),
                ColumnContract.required("is_starred", DataType.BOOLEAN),
                ColumnContract.optional("dotted_name", DataType.STRING),
                ColumnContract.required("scope_id", DataType.STRING));
    }

    @Override
    public List<ViewDefinition> views() {
        return List.of(
                ViewDefinition.of(MODULES, ViewKind.FILTER, modules()),
                ViewDefinition.of(PREFIXES, ViewKind.FIXPOINT, prefixes()),
                ViewDefinition.of(TOPS, ViewKind.AGGREGATE, tops()),
                ViewDefinition.of(ALIASES, ViewKind.JOIN, aliases()),
                ViewDefinition.of(DEFINER_COUNTS, ViewKind.AGGREGATE, definerCounts()),
                ViewDefinition.of(STAR_IMPORTS, ViewKind.FILTER, starImports()),
                ViewDefinition.of(BASE_REQUESTS, ViewKind.UNION, baseRequests()),
                ViewDefinition.of(LOOKUPS, ViewKind.FIXPOINT, lookups()),
                ViewDefinition.of(TARGETS, ViewKind.AGGREGATE, targets()),
                ViewDefinition.of(EXTERNAL_NODES, ViewKind.AGGREGATE, externalNodes()),
                ViewDefinition.of(IMPORTS_EDGES, ViewKind.JOIN, importsEdges()),
                ViewDefinition.of(BUILTIN_EDGES, ViewKind.PROJECT, builtinEdges()),
                ViewDefinition.of(RESOLUTION_PROPS, ViewKind.PROJECT, resolutionProps()));
    }

    @Override
    public List<String> nodeViews() {
        return List.of(EXTERNAL_NODES);
    }

    @Override
    public List<String> edgeViews() {
        return List.of(IMPORTS_EDGES, BUILTIN_EDGES);
    }

    @Override
    public List<String> propViews() {
        return List.of(RESOLUTION_PROPS);
    }

    /** The node id of an external name: the stable id of the name itself, so one node per name. */
    public static Field<String> externalId(Field<String> qualifiedName) {
        return CpgExprs.stableId(qualifiedName, val(0L), val(0L), val("PY_EXTERNAL"));
    }

    // ---- modules and names ----------------------------------------------------------------------

    private static RelSpec modules() {
        Field<String> path = str("f", "path");
        return RelSpec.scan(DefinitionNodes.FILES, "f")
                .filter(str("f", "status").eq("OK").and(str("f", "module_name").isNotNull()))
                .project(str("f", "module_name").as("module_name"), str("f", "file_id").as("file_id"),
                        CpgExprs.stableId(path, val(0L), col("f", "size", DataType.INT64), val("PY_MODULE")).as("node_id"));
    }

    /**
     * (name, prefix) for the repository's module names, the modules absolute imports name and the
     * dotted names of class bases,
     * each name with itself and every shorter prefix: gives the first component of a name (its
     * prefix of depth 1) and the package a relative import climbs to (the prefix of the depth
     * the level leaves), without string functions beyond {@code qualified_name_parent}.
     */
    private static RelSpec prefixes() {
        RelSpec names = RelSpec.unionDistinct(
                RelSpec.scan(MODULES, "m").project(str("m", "module_name").as("name")),
                RelSpec.scan(StructureGraph.IMPORT_ROWS, "i")
                        .filter(i32("i", "level").eq(0).and(str("i", "module").isNotNull()))
                        .project(str("i", "module").as("name")),
                RelSpec.scan(CLASS_BASES, "c").filter(str("c", "dotted_name").isNotNull())
                        .project(str("c", "dotted_name").as("name")));
        RelSpec seed = names.as("n").project(str("n", "name").as("name"), str("n", "name").as("prefix"));
        RelSpec step = RelSpec.scan(PREFIXES, "p")
                .filter(QNames.parent(str("p", "prefix")).isNotNull())
                .project(str("p", "name").as("name"), QNames.parent(str("p", "prefix")).as("prefix"));
        return RecursiveRel.fixpoint(PREFIXES, seed, step, ScopeBindings.MAX_SCOPE_DEPTH);
    }

    private static RelSpec tops() {
        return RelSpec.scan(PREFIXES, "p")
                .join(RelSpec.scan(MODULES, "m"), JoinType.INNER, str("p", "name").eq(str("m", "module_name")))
                .filter(QNames.depth(str("p", "prefix")).eq(1))
                .aggregate(List.of(str("p", "prefix").as("top")), List.of(AggregateCall.count("modules")));
    }

    /**
     * Each alias with the absolute name of the module it reads. A relative import of level
     * {@code k} starts from the importing module's package (the module itself for an
     * {@code __init__.py}, else its parent) and climbs {@code k - 1} packages; past the top there
     * is no base (CPython raises "attempted relative import beyond top-level package"). A relative
     * import is always in the repository; an absolute one when its first component is the first
     * component of a repository module. {@code bound_module} is the module the alias's bound name
     * refers to: {@code import a.b.c} binds {@code a}, {@code import a.b.c as x} binds
     * {@code a.b.c}.
     */
    private static RelSpec aliases() {
        Field<String> importer = str("f", "module_name");
        Field<Integer> level = i32("i", "level");
        Field<Integer> packageDepth = Exprs.when(bool("f", "is_package"), QNames.depth(importer))
                .otherwise(Exprs.minus(QNames.depth(importer), 1));
        Condition relativePackage = str("r", "name").eq(importer).and(level.gt(0))
                .and(QNames.depth(str("r", "prefix")).eq(Exprs.plus(Exprs.minus(packageDepth, level), 1)));
        Condition absoluteHead = str("h", "name").eq(str("i", "module")).and(level.eq(0))
                .and(QNames.depth(str("h", "prefix")).eq(1));
        Field<String> module = str("i", "module");
        Field<String> absBase = Exprs.when(level.eq(0), module)
                .when(str("r", "prefix").isNull(), Exprs.nullOf(DataType.STRING))
                .when(module.isNull(), str("r", "prefix"))
                .otherwise(QNames.join(str("r", "prefix"), module));
        Field<String> head = str("h", "prefix");
        Field<String> boundModule = Exprs.when(bool("i", "is_from").not().and(str("i", "asname").isNull()), head).otherwise(absBase);
        return RelSpec.scan(StructureGraph.IMPORT_ROWS, "i")
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("i", "file_id").eq(str("f", "file_id")))
                .join(RelSpec.scan(PREFIXES, "r"), JoinType.LEFT, relativePackage)
                .join(RelSpec.scan(PREFIXES, "h"), JoinType.LEFT, absoluteHead)
                .join(RelSpec.scan(TOPS, "t"), JoinType.LEFT, str("t", "top").eq(head))
                .project(str("i", "import_id").as("import_id"), str("i", "node_id").as("node_id"), str("i", "path").as("path"),
                        i64("i", "bstart").as("bstart"), i64("i", "bend").as("bend"), importer.as("importer"), level.as("level"),
                        bool("i", "is_from").as("is_from"), bool("i", "is_star").as("is_star"),
                        str("i", "imported_name").as("imported_name"), str("i", "asname").as("asname"), absBase.as("abs_base"), boundModule.as("bound_module"),
                        level.gt(0).or(str("t", "top").isNotNull()).as("in_repo"));
    }

    // ---- what a module's top-level names are bound to --------------------------------------------

    private static RelSpec definerCounts() {
        return RelSpec.scan(ModuleBindings.DEFINERS, "d").aggregate(
                List.of(str("d", "module_name").as("module_name"), str("d", "symbol").as("symbol")),
                List.of(AggregateCall.count("definers"), AggregateCall.min(str("d", "alias_id"), "only_alias")));
    }

    private static RelSpec starImports() {
        return RelSpec.scan(ALIASES, "b").filter(bool("b", "is_star").and(str("b", "abs_base").isNotNull()).and(str("b", "importer").isNotNull()))
                .project(str("b", "importer").as("module_name"), str("b", "abs_base").as("abs_base"), bool("b", "in_repo").as("in_repo"));
    }

    // ---- the lookup fixpoint --------------------------------------------------------------------

    /**
     * Rows {@code (requester_id, module, symbol, skip_alias, in_repo, via, target_id, external_name)}:
     * a pending lookup has both targets null ({@code symbol} null: the module itself; {@code *}:
     * everything a star import brings), a found row one of them. {@code skip_alias} is the alias
     * whose own binding the lookup must not count (an {@code __init__.py} doing
     * {@code from . import mod} binds {@code mod} by that very alias, and means the submodule).
     * The seed is one lookup per alias and per class base ({@value #BASE_REQUESTS}); each round
     * expands the pending lookups of the previous one.
     */
    private static RelSpec lookups() {
        Field<String> symbol = Exprs.when(bool("b", "is_from"), str("b", "imported_name")).otherwise(Exprs.nullOf(DataType.STRING));
        RelSpec seed = RelSpec.unionAll(RelSpec.scan(ALIASES, "b").filter(str("b", "abs_base").isNotNull())
                .project(lookupRow(str("b", "import_id"), str("b", "abs_base"), symbol, str("b", "import_id"), bool("b", "in_repo"),
                        Exprs.when(bool("b", "is_star"), val(STAR)).otherwise(val(DIRECT)), null, null)),
                RelSpec.scan(BASE_REQUESTS));

        Field<String> module = str("r", "module");
        Field<String> name = str("r", "symbol");
        Condition pendingName = pending().and(name.isNotNull()).and(name.ne("*"));
        Condition definedHere = str("d", "module_name").eq(module).and(str("d", "symbol").eq(name));
        Field<Integer> reExport = Exprs.when(i32("r", "via").eq(DIRECT), val(RE_EXPORT)).otherwise(i32("r", "via"));

        // A definition or variable binds the name: found.
        RelSpec defined = scanPending(pendingName)
                .join(RelSpec.scan(ModuleBindings.DEFINERS, "d"), JoinType.INNER, definedHere.and(str("d", "target_id").isNotNull()))
                .project(lookupRow(str("r", "requester_id"), null, null, null, bool("r", "in_repo"), i32("r", "via"), str("d", "target_id"), null));
        // An import alias binds it: look up what that alias imports.
        Condition otherAlias = str("d", "alias_id").isNotNull()
                .and(str("r", "skip_alias").isNull().or(str("d", "alias_id").ne(str("r", "skip_alias"))));
        Field<String> aliasSymbol = Exprs.when(bool("a", "is_from"), str("a", "imported_name")).otherwise(Exprs.nullOf(DataType.STRING));
        RelSpec reExported = scanPending(pendingName)
                .join(RelSpec.scan(ModuleBindings.DEFINERS, "d"), JoinType.INNER, definedHere.and(otherAlias))
                .join(RelSpec.scan(ALIASES, "a"), JoinType.INNER, str("a", "import_id").eq(str("d", "alias_id")).and(str("a", "bound_module").isNotNull()))
                .project(lookupRow(str("r", "requester_id"), str("a", "bound_module"), aliasSymbol, str("a", "import_id"), bool("a", "in_repo"),
                        reExport, null, null));
        // Nothing else binds it: the submodule module.name (in the repository), the external name
        // module.name (outside), or what the module star-imports.
        Condition unbound = str("c", "module_name").isNull()
                .or(i64("c", "definers").eq(1L).and(str("c", "only_alias").eq(str("r", "skip_alias"))));
        Field<String> qualified = QNames.join(module, name);
        RelSpec notBound = scanPending(pendingName)
                .join(RelSpec.scan(DEFINER_COUNTS, "c"), JoinType.LEFT, str("c", "module_name").eq(module).and(str("c", "symbol").eq(name)))
                .filter(unbound);
        Condition inRepo = bool("r", "in_repo");
        RelSpec fallback = notBound.project(lookupRow(str("r", "requester_id"),
                Exprs.when(inRepo, qualified).otherwise(Exprs.nullOf(DataType.STRING)), null, null, inRepo, i32("r", "via"), null,
                Exprs.when(inRepo, Exprs.nullOf(DataType.STRING)).otherwise(qualified)));
        RelSpec throughStar = notBound.filter(isPublic(name))
                .join(RelSpec.scan(STAR_IMPORTS, "s"), JoinType.INNER, str("s", "module_name").eq(module))
                .project(lookupRow(str("r", "requester_id"), str("s", "abs_base"), name, null, bool("s", "in_repo"), val(STAR), null, null));

        // The module itself: its node, or an external name.
        Condition pendingModule = pending().and(name.isNull());
        RelSpec moduleFound = scanPending(pendingModule)
                .join(RelSpec.scan(MODULES, "m"), JoinType.INNER, str("m", "module_name").eq(module))
                .project(lookupRow(str("r", "requester_id"), null, null, null, inRepo, i32("r", "via"), str("m", "node_id"), null));
        RelSpec externalModule = scanPending(pendingModule.and(inRepo.not()))
                .project(lookupRow(str("r", "requester_id"), null, null, null, inRepo, i32("r", "via"), null, module));

        // A star import: the module, each public name it binds, and what it star-imports in turn.
        Condition pendingStar = pending().and(name.eq("*"));
        RelSpec starModule = scanPending(pendingStar)
                .project(lookupRow(str("r", "requester_id"), module, null, null, inRepo, val(STAR), null, null));
        RelSpec starNames = scanPending(pendingStar)
                .join(RelSpec.scan(ModuleBindings.MODULE_SYMBOLS, "y"), JoinType.INNER, str("y", "module_name").eq(module)
                        .and(bool("y", "bound")).and(isPublic(str("y", "symbol"))))
                .project(lookupRow(str("r", "requester_id"), module, str("y", "symbol"), null, inRepo, val(STAR), null, null));
        RelSpec starChain = scanPending(pendingStar)
                .join(RelSpec.scan(STAR_IMPORTS, "s"), JoinType.INNER, str("s", "module_name").eq(module))
                .project(lookupRow(str("r", "requester_id"), str("s", "abs_base"), val("*"), null, bool("s", "in_repo"), val(STAR), null, null));

        RelSpec step = RelSpec.unionAll(defined, reExported, fallback, throughStar, moduleFound, externalModule, starModule, starNames, starChain);
        return RecursiveRel.fixpoint(LOOKUPS, seed, step, MAX_IMPORT_HOPS);
    }

    /**
     * The positional, unstarred bases with a dotted name, as lookups; only names the class
     * statement reads from its module count (its scope is the module, or the name's binding there
     * is global), which is where nearly every class statement is. A plain name {@code B} is looked
     * up in the class's module like {@code from module import B}; a builtin name the module does not
     * bind is the external {@code builtins.B}. A dotted name {@code m.C} whose first part the module
     * binds by an import is looked up in the module that import names: {@code import a.b} then
     * {@code a.b.C} is {@code C} in {@code a.b}; {@code import a.b as m} or {@code from a import m}
     * then {@code m.C} is {@code C} in {@code a.b} or {@code a.m} (longer chains through such an
     * alias are not followed).
     */
    private static RelSpec baseRequests() {
        Field<String> dotted = str("c", "dotted_name");
        Field<String> module = str("f", "module_name");
        RelSpec read = RelSpec.scan(CLASS_BASES, "c")
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("f", "file_id").eq(str("c", "file_id")))
                .filter(str("f", "status").eq("OK").and(module.isNotNull()).and(i32("c", "position").ge(0))
                        .and(bool("c", "is_starred").not()).and(dotted.isNotNull()))
                .join(RelSpec.scan(ModuleBindings.BASE_READS, "h"), JoinType.INNER, str("h", "class_base_id").eq(str("c", "class_base_id")));
        Condition simple = QNames.depth(dotted).eq(1);
        RelSpec named = read.filter(simple)
                .project(lookupRow(str("c", "class_base_id"), module, dotted, null, Exprs.val(true), val(DIRECT), null, null));
        RelSpec builtin = read.filter(simple.and(dotted.in(BUILTINS)))
                .join(RelSpec.scan(ModuleBindings.MODULE_SYMBOLS, "s"), JoinType.LEFT, str("s", "module_name").eq(module).and(str("s", "symbol").eq(dotted))
                        .and(bool("s", "bound")))
                .filter(str("s", "binding_id").isNull())
                .project(lookupRow(str("c", "class_base_id"), null, null, null, Exprs.val(false), val(DIRECT), null,
                        QNames.join(val("builtins"), dotted)));
        Condition plain = bool("a", "is_from").not().and(str("a", "asname").isNull());
        Field<String> bound = Exprs.when(bool("a", "is_from"), QNames.join(str("a", "abs_base"), str("a", "imported_name")))
                .otherwise(str("a", "abs_base"));
        Field<String> full = Exprs.when(plain, dotted).when(QNames.depth(dotted).eq(2), QNames.join(bound, QNames.leaf(dotted)))
                .otherwise(Exprs.nullOf(DataType.STRING));
        RelSpec throughImport = read.filter(simple.not())
                .join(RelSpec.scan(ModuleBindings.DEFINERS, "d"), JoinType.INNER, str("d", "module_name").eq(module).and(str("d", "symbol").eq(str("h", "prefix")))
                        .and(str("d", "alias_id").isNotNull()))
                .join(RelSpec.scan(ALIASES, "a"), JoinType.INNER, str("a", "import_id").eq(str("d", "alias_id")).and(str("a", "abs_base").isNotNull())
                        .and(bool("a", "is_star").not()))
                .project(str("c", "class_base_id").as("class_base_id"), full.as("full_name"), bool("a", "in_repo").as("in_repo"))
                .as("t")
                .filter(str("t", "full_name").isNotNull())
                .project(lookupRow(str("t", "class_base_id"), QNames.parent(str("t", "full_name")), QNames.leaf(str("t", "full_name")), null,
                        bool("t", "in_repo"), val(RE_EXPORT), null, null));
        return RelSpec.unionAll(named, builtin, throughImport);
    }

    private static RelSpec scanPending(Condition condition) {
        return RelSpec.scan(LOOKUPS, "r").filter(condition);
    }

    private static Condition pending() {
        return str("r", "target_id").isNull().and(str("r", "external_name").isNull());
    }

    private static List<NamedField<?>> lookupRow(Field<String> requesterId, Field<String> module, Field<String> symbol, Field<String> skipAlias,
            Field<Boolean> inRepo, Field<Integer> via, Field<String> targetId, Field<String> externalName) {
        return List.of(requesterId.as("requester_id"), orNull(module).as("module"), orNull(symbol).as("symbol"), orNull(skipAlias).as("skip_alias"),
                inRepo.as("in_repo"), via.as("via"), orNull(targetId).as("target_id"), orNull(externalName).as("external_name"));
    }

    private static Field<String> orNull(Field<String> field) {
        return field != null ? field : Exprs.nullOf(DataType.STRING);
    }

    /**
     * A name a star import without {@code __all__} brings: one not starting with {@code _}. The
     * names starting with {@code _} are exactly those in {@code ['_', '`')}, {@code `} being the
     * character after {@code _}, and no identifier starts with it.
     */
    private static Condition isPublic(Field<String> symbol) {
        return symbol.lt("_").or(symbol.ge("`"));
    }

    /** Found rows, one per (alias, target), by the most direct way found ({@code via} smallest). */
    private static RelSpec targets() {
        return RelSpec.scan(LOOKUPS, "r").filter(pending().not())
                .aggregate(List.of(str("r", "requester_id").as("requester_id"), str("r", "target_id").as("target_id"),
                        str("r", "external_name").as("external_name")), List.of(AggregateCall.min(i32("r", "via"), "via")));
    }

    // ---- nodes, edges, props --------------------------------------------------------------------

    private static RelSpec externalNodes() {
        RelSpec names = RelSpec.unionAll(
                RelSpec.scan(TARGETS, "t").filter(str("t", "external_name").isNotNull()).project(str("t", "external_name").as("qualified_name")),
                RelSpec.scan(ModuleBindings.BUILTIN_USES, "u").project(str("u", "qualified_name").as("qualified_name")),
                // Every class's MRO ends with object.
                RelSpec.scan(StructureGraph.DEF_ROWS, "d").filter(str("d", "def_kind").eq("CLASS"))
                        .project(StructureGraph.varchar(OBJECT).as("qualified_name")));
        Field<String> name = str("q", "qualified_name");
        return names.as("q").aggregate(List.of(name.as("qualified_name")), List.of(AggregateCall.count("uses")))
                .as("x")
                .project(externalNode(str("x", "qualified_name")));
    }

    /** The node row of an external name: no file, the span {@code [0, 0)}, its last component as the name. */
    static List<NamedField<?>> externalNode(Field<String> qualifiedName) {
        return List.of(externalId(qualifiedName).as("node_id"), val("PY_EXTERNAL").as("node_kind"), StructureGraph.varchar("").as("file_id"),
                StructureGraph.varchar("").as("path"), val(0L).as("bstart"), val(0L).as("bend"), QNames.leaf(qualifiedName).as("name"),
                qualifiedName.as("qualified_name"));
    }

    /**
     * {@code resolution_method}: {@code external} for a name outside the repository, {@code star}
     * through a star import, {@code re-export} through another module's import, else
     * {@code relative} or {@code absolute} as the statement is written. Confidence 1.0 for an
     * exact in-repository target; 0.9 for a star import (whether the module's {@code __all__}
     * lists the name is not checked) and for an external name (nothing checks that it exists).
     */
    private static RelSpec importsEdges() {
        Field<Integer> via = i32("t", "via");
        Condition external = str("t", "external_name").isNotNull();
        Field<String> method = Exprs.when(external, StructureGraph.varchar("external"))
                .when(via.eq(STAR), StructureGraph.varchar("star"))
                .when(via.eq(RE_EXPORT), StructureGraph.varchar("re-export"))
                .when(i32("b", "level").gt(0), StructureGraph.varchar("relative"))
                .otherwise(StructureGraph.varchar("absolute"));
        Field<Double> confidence = Exprs.when(external.or(via.eq(STAR)), val(0.9)).otherwise(val(1.0));
        return RelSpec.scan(TARGETS, "t")
                .join(RelSpec.scan(ALIASES, "b"), JoinType.INNER, str("b", "import_id").eq(str("t", "requester_id")))
                .project(val("IMPORTS").as("edge_kind"), str("b", "node_id").as("src_node_id"),
                        Exprs.coalesce(str("t", "target_id"), externalId(str("t", "external_name"))).as("dst_node_id"),
                        str("b", "path").as("path"), i64("b", "bstart").as("bstart"), i64("b", "bend").as("bend"),
                        val("import").as("origin"), method.as("resolution_method"), confidence.as("confidence"));
    }

    private static RelSpec builtinEdges() {
        return RelSpec.scan(ModuleBindings.BUILTIN_USES, "u")
                .project(val("RESOLVES_TO").as("edge_kind"), str("u", "binding_id").as("src_node_id"),
                        externalId(str("u", "qualified_name")).as("dst_node_id"), str("u", "path").as("path"),
                        i64("u", "bstart").as("bstart"), i64("u", "bend").as("bend"), val("scope").as("origin"),
                        val("BUILTIN").as("resolution_method"), val(1.0).as("confidence"));
    }

    /** {@code imported_module}: the absolute name of the module an alias reads, where it has one. */
    private static RelSpec resolutionProps() {
        return RelSpec.scan(ALIASES, "b").filter(str("b", "abs_base").isNotNull())
                .project(str("b", "node_id").as("entity_id"), val("imported_module").as("prop_key"), val("STRING").as("value_type"),
                        str("b", "abs_base").as("value_string"));
    }
}
