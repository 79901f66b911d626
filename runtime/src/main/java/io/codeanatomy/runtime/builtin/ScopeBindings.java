package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;
import static io.codeanatomy.api.expr.Exprs.val;

import io.codeanatomy.api.cpg.CpgExprs;
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
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Scopes and bindings exactly as CPython 3.11's {@code symtable} reports them, and for PEP 695
 * syntax (parsed as 3.12+) as 3.12/3.13's does, derived in the plan from the extraction facts
 * (docs/cpg-scopes.md explains every rule and why it is right):
 *
 * <ol>
 * <li>{@code py_scopes}: one scope per module (of a file that parses), def, class, lambda and
 * comprehension, and per row of {@code py_type_scopes_v1} (type parameters, type alias, type
 * variable; a generic definition's scope is inside its type-parameter scope); {@code py_scope_chain}: the recursive closure of the parent relation with the
 * depth (the scope itself at 0), which every "nearest enclosing" question below ranks by;</li>
 * <li>{@code py_symbol_flags}: symtable's definition flags per (scope, symbol), an aggregate over
 * what each name occurrence contributes to its own scope and, for {@code global} and {@code :=}
 * in a comprehension, to the scope CPython also enters it in;</li>
 * <li>{@code py_binders}: for each symbol a scope uses without binding it, the nearest enclosing
 * function-like scope that decides it (binds it, or declares it global), classes skipped except for
 * {@code __class__} and {@code __classdict__}; the symbol is FREE when that scope binds it;</li>
 * <li>{@code py_binder_chain} and {@code py_bindings}: the classification, plus the FREE symbols
 * CPython adds to every scope between a free use and its binder, and CELL for a binder that a
 * free use refers to.</li>
 * </ol>
 *
 * <p>Scope ids are the extraction ids ({@code file_id} of a module, {@code def_id},
 * {@code comp_id}, {@code type_scope_id}); a {@code PY_SCOPE} node's id is the stable id of its
 * span and kind ({@code PY_SCOPE}, for a type scope {@code PY_SCOPE.<kind>}: it may span the same
 * bytes as its definition), and a {@code PY_BINDING}'s is the stable id of (scope id + "." +
 * symbol, scope span), because a symbol need not occur in its scope at all (an implicit free
 * variable, {@code .0}, {@code __class__}, {@code .type_params}). Symbols whose names start with a
 * dot are CPython's hidden variables; they are bindings like any other, exactly as symtable lists
 * them.
 */
public final class ScopeBindings implements CpgPart {
    public static final String NAMES = "py_names_v1";
    public static final String COMPREHENSIONS = "py_comprehensions_v1";
    public static final String SCOPE_DECLS = "py_scope_decls_v1";
    public static final String TYPE_SCOPES = "py_type_scopes_v1";

    public static final String SCOPES = "py_scopes";
    public static final String SCOPE_CHAIN = "py_scope_chain";
    public static final String ANCESTORS = "py_scope_ancestors";
    public static final String SCOPE_NAMES = "py_scope_names";
    public static final String DECLARED_GLOBALS = "py_declared_globals";
    public static final String SYMBOL_FLAGS = "py_symbol_flags";
    public static final String DECIDERS = "py_scope_deciders";
    public static final String BINDERS = "py_binders";
    public static final String BINDER_CHAIN = "py_binder_chain";
    public static final String BINDINGS = "py_bindings";
    public static final String RESOLUTIONS = "py_binding_resolutions";
    public static final String SEMANTIC_ERRORS = "py_semantic_errors";
    public static final String SCOPE_NODES = "py_scope_nodes";
    public static final String BINDING_NODES = "py_binding_nodes";
    public static final String SCOPE_PARENT_EDGES = "py_scope_parent_edges";
    public static final String BINDS_EDGES = "py_binds_edges";
    public static final String RESOLVES_TO_EDGES = "py_resolves_to_edges";
    public static final String SCOPE_PROPS = "py_scope_props";
    public static final String BINDING_PROPS = "py_binding_props";

    /** The seven flags of a binding, as {@code symtable.Symbol}'s predicates name them, in this order. */
    public static final List<String> FLAGS = List.of("is_parameter", "is_imported", "is_assigned", "is_referenced",
            "is_annotated", "is_nonlocal", "is_declared_global");

    /**
     * Bound on the scope-chain recursion: one round per nesting level. CPython's parser refuses
     * nesting deeper than 200 blocks, so no chain reaches this.
     */
    static final int MAX_SCOPE_DEPTH = 1000;

    // The flag columns of py_symbol_flags: symtable.c's DEF_PARAM, DEF_IMPORT, DEF_LOCAL, USE,
    // DEF_ANNOT, DEF_NONLOCAL, DEF_GLOBAL, each 0 or 1 (MAX over the contributions is their OR).
    private static final String P = "f_param";
    private static final String I = "f_import";
    private static final String A = "f_local";
    private static final String R = "f_use";
    private static final String N = "f_annot";
    private static final String NL = "f_nonlocal";
    private static final String G = "f_global";
    private static final List<String> FLAG_COLUMNS = List.of(P, I, A, R, N, NL, G);

    private static final List<String> COMPREHENSION_NAMES = List.of("listcomp", "setcomp", "dictcomp", "genexpr");

    /**
     * The scope types that are not function-like: CPython's {@code _PyST_IsFunctionLike} holds for
     * every other (functions, lambdas, comprehensions and the 3.12+ type scopes).
     */
    private static final List<String> NOT_FUNCTION_LIKE = List.of("module", "class");

    /**
     * The names a class binds for the scopes nested in it without listing them itself: {@code __class__}
     * (for {@code super()}) and, from 3.12, {@code __classdict__} (for the type scopes in its body).
     */
    private static final List<String> CLASS_IMPLICIT = List.of("__class__", "__classdict__");

    @Override
    public List<InputRelation> inputs() {
        return List.of(
                new InputRelation(DefinitionNodes.FILES, SchemaContract.of(1,
                        ColumnContract.required("file_id", DataType.STRING),
                        ColumnContract.required("path", DataType.STRING),
                        ColumnContract.required("size", DataType.INT64),
                        ColumnContract.required("status", DataType.STRING),
                        ColumnContract.required("future_annotations", DataType.BOOLEAN))),
                SpannedInput.of(DefinitionNodes.DEFS,
                        ColumnContract.required("def_id", DataType.STRING),
                        ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("name", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.required("in_annotation", DataType.BOOLEAN)),
                SpannedInput.of(COMPREHENSIONS,
                        ColumnContract.required("comp_id", DataType.STRING),
                        ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.required("in_annotation", DataType.BOOLEAN)),
                new InputRelation(NAMES, SchemaContract.of(1,
                        ColumnContract.required("name_id", DataType.STRING),
                        ColumnContract.required("file_id", DataType.STRING),
                        ColumnContract.required("bstart", DataType.INT64),
                        ColumnContract.required("bend", DataType.INT64),
                        ColumnContract.required("name", DataType.STRING),
                        ColumnContract.required("symbol", DataType.STRING),
                        ColumnContract.required("ctx", DataType.STRING),
                        ColumnContract.required("introduced_by", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.optional("binding_scope_id", DataType.STRING),
                        ColumnContract.required("is_annotation", DataType.BOOLEAN),
                        ColumnContract.optional("introduced_id", DataType.STRING))),
                new InputRelation(SCOPE_DECLS, SchemaContract.of(1,
                        ColumnContract.required("decl_id", DataType.STRING),
                        ColumnContract.required("file_id", DataType.STRING),
                        ColumnContract.required("path", DataType.STRING),
                        ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("name", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.required("stmt_bstart", DataType.INT64),
                        ColumnContract.required("stmt_bend", DataType.INT64))),
                SpannedInput.of(TYPE_SCOPES,
                        ColumnContract.required("type_scope_id", DataType.STRING),
                        ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("name", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING),
                        ColumnContract.optional("owner_id", DataType.STRING),
                        ColumnContract.optional("owner_kind", DataType.STRING),
                        ColumnContract.required("has_kwdefaults", DataType.BOOLEAN),
                        ColumnContract.required("sees_class", DataType.BOOLEAN)));
    }

    @Override
    public List<ViewDefinition> views() {
        return List.of(
                ViewDefinition.of(SCOPES, ViewKind.UNION, scopes()),
                ViewDefinition.of(SCOPE_CHAIN, ViewKind.FIXPOINT, scopeChain()),
                ViewDefinition.of(ANCESTORS, ViewKind.FILTER, ancestors()),
                ViewDefinition.of(SCOPE_NAMES, ViewKind.JOIN, scopeNames()),
                ViewDefinition.of(DECLARED_GLOBALS, ViewKind.AGGREGATE, declaredGlobals()),
                ViewDefinition.of(SYMBOL_FLAGS, ViewKind.AGGREGATE, symbolFlags()),
                ViewDefinition.of(DECIDERS, ViewKind.UNION, deciders()),
                ViewDefinition.of(BINDERS, ViewKind.RANK, binders()),
                ViewDefinition.of(BINDER_CHAIN, ViewKind.JOIN, binderChain()),
                ViewDefinition.of(BINDINGS, ViewKind.AGGREGATE, bindings()),
                ViewDefinition.of(RESOLUTIONS, ViewKind.UNION, resolutions()),
                ViewDefinition.of(SEMANTIC_ERRORS, ViewKind.UNION, semanticErrors()),
                ViewDefinition.of(SCOPE_NODES, ViewKind.PROJECT, scopeNodes()),
                ViewDefinition.of(BINDING_NODES, ViewKind.PROJECT, bindingNodes()),
                ViewDefinition.of(SCOPE_PARENT_EDGES, ViewKind.JOIN, scopeParentEdges()),
                ViewDefinition.of(BINDS_EDGES, ViewKind.PROJECT, bindsEdges()),
                ViewDefinition.of(RESOLVES_TO_EDGES, ViewKind.PROJECT, resolvesToEdges()),
                ViewDefinition.of(SCOPE_PROPS, ViewKind.PROJECT, scopeProps()),
                ViewDefinition.of(BINDING_PROPS, ViewKind.UNION, bindingProps()));
    }

    @Override
    public boolean fileLocal() {
        return true;
    }

    @Override
    public List<String> nodeViews() {
        return List.of(SCOPE_NODES, BINDING_NODES);
    }

    @Override
    public List<String> edgeViews() {
        return List.of(SCOPE_PARENT_EDGES, BINDS_EDGES, RESOLVES_TO_EDGES);
    }

    @Override
    public List<String> propViews() {
        return List.of(SCOPE_PROPS, BINDING_PROPS);
    }

    // ---- scopes -------------------------------------------------------------------------------

    /**
     * Modules of files that parse, then defs and comprehensions of those files. {@code syntax_kind}
     * tells where a scope comes from ({@code MODULE}, the def kind, or {@code COMPREHENSION}),
     * because symtable's type and name do not: a def may be called {@code listcomp}.
     */
    private static RelSpec scopes() {
        Condition fileOk = str("f", "status").eq("OK");
        RelSpec modules = RelSpec.scan(DefinitionNodes.FILES, "f").filter(fileOk).project(scopeColumns(
                str("f", "file_id"), str("f", "file_id"), str("f", "path"), val(0L), i64("f", "size"),
                varchar("module"), val("top"), Exprs.nullOf(DataType.STRING), val("MODULE"), val("PY_SCOPE")));
        Field<String> defKind = str("d", "kind");
        RelSpec defs = RelSpec.scan(DefinitionNodes.DEFS, "d")
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("d", "file_id").eq(str("f", "file_id")))
                // Under `from __future__ import annotations` CPython 3.11 does not visit annotations: no scope there.
                .filter(fileOk.and(bool("d", "in_annotation").and(bool("f", "future_annotations")).not()))
                // A generic function's or class's scope is inside its type-parameter scope (3.12+).
                .join(RelSpec.scan(TYPE_SCOPES, "t"), JoinType.LEFT, str("t", "owner_id").eq(str("d", "def_id")))
                .project(scopeColumns(str("d", "def_id"), str("d", "file_id"), str("d", "path"), i64("d", "bstart"), i64("d", "bend"),
                        Exprs.when(defKind.eq("CLASS"), varchar("class")).otherwise(varchar("function")),
                        Exprs.when(defKind.eq("LAMBDA"), val("lambda")).otherwise(str("d", "name")),
                        Exprs.coalesce(str("t", "type_scope_id"), str("d", "scope_id")), defKind, val("PY_SCOPE")));
        Field<String> compKind = str("c", "kind");
        RelSpec comprehensions = RelSpec.scan(COMPREHENSIONS, "c")
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("c", "file_id").eq(str("f", "file_id")))
                .filter(fileOk.and(bool("c", "in_annotation").and(bool("f", "future_annotations")).not()))
                .project(scopeColumns(str("c", "comp_id"), str("c", "file_id"), str("c", "path"), i64("c", "bstart"), i64("c", "bend"),
                        varchar("function"),
                        Exprs.when(compKind.eq("LIST"), val("listcomp")).when(compKind.eq("SET"), val("setcomp"))
                                .when(compKind.eq("DICT"), val("dictcomp")).otherwise(val("genexpr")),
                        str("c", "scope_id"), val("COMPREHENSION"), val("PY_SCOPE")));
        // The 3.12+ scopes: typed as CPython 3.13's symtable types them (3.12 says 'type parameter'
        // and 'TypeVar bound'). Their spans can equal a def's or each other's, so the kind is in the node id.
        Field<String> typeKind = str("t", "kind");
        RelSpec typeScopes = RelSpec.scan(TYPE_SCOPES, "t")
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("t", "file_id").eq(str("f", "file_id")))
                .filter(fileOk)
                .project(scopeColumns(str("t", "type_scope_id"), str("t", "file_id"), str("t", "path"), i64("t", "bstart"),
                        i64("t", "bend"),
                        Exprs.when(typeKind.eq("TYPE_PARAMETERS"), varchar("type parameters"))
                                .when(typeKind.eq("TYPE_ALIAS"), varchar("type alias")).otherwise(varchar("type variable")),
                        str("t", "name"), str("t", "scope_id"), typeKind, concat(val("PY_SCOPE."), typeKind)));
        return RelSpec.unionAllByName(modules, defs, comprehensions, typeScopes);
    }

    private static List<NamedField<?>> scopeColumns(Field<String> scopeId, Field<String> fileId, Field<String> path, Field<Long> bstart,
            Field<Long> bend, Field<String> type, Field<String> name, Field<String> parent, Field<String> syntaxKind,
            Field<String> idKind) {
        return List.of(
                scopeId.as("scope_id"),
                CpgExprs.stableId(path, bstart, bend, idKind).as("node_id"),
                fileId.as("file_id"),
                path.as("path"),
                bstart.as("bstart"),
                bend.as("bend"),
                type.as("scope_type"),
                name.as("scope_name"),
                parent.as("parent_scope_id"),
                syntaxKind.as("syntax_kind"));
    }

    /**
     * (scope, ancestor, depth): the scope itself at depth 0, its parent at 1, up to the module. The
     * depth-0 rows let one join reach a scope and everything above it.
     */
    private static RelSpec scopeChain() {
        RelSpec seed = RelSpec.scan(SCOPES, "s")
                .project(str("s", "scope_id").as("scope_id"), str("s", "scope_id").as("ancestor_id"), val(0).as("depth"));
        RelSpec step = RelSpec.scan(SCOPE_CHAIN, "a")
                .join(RelSpec.scan(SCOPES, "s"), JoinType.INNER, str("a", "ancestor_id").eq(str("s", "scope_id")))
                .filter(str("s", "parent_scope_id").isNotNull())
                .project(str("a", "scope_id").as("scope_id"), str("s", "parent_scope_id").as("ancestor_id"),
                        Exprs.plus(i32("a", "depth"), 1).as("depth"));
        return RecursiveRel.fixpoint(SCOPE_CHAIN, seed, step, MAX_SCOPE_DEPTH);
    }

    /** (scope, strict ancestor, depth >= 1). */
    private static RelSpec ancestors() {
        return RelSpec.scan(SCOPE_CHAIN, "c").filter(i32("c", "depth").ge(1))
                .project(str("c", "scope_id").as("scope_id"), str("c", "ancestor_id").as("ancestor_id"), i32("c", "depth").as("depth"));
    }

    // ---- symbol flags ---------------------------------------------------------------------------

    /**
     * The name occurrences CPython's symtable visits (in files that parse) with, for a name also
     * entered in another scope ({@code global}, {@code :=} in a comprehension), whether that scope
     * is the module and whether it declares the name global. With {@code from __future__ import annotations}
     * CPython 3.11 does not visit annotations, so their names are left out.
     */
    private static RelSpec scopeNames() {
        return RelSpec.scan(NAMES, "n")
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("n", "file_id").eq(str("f", "file_id")))
                .filter(str("f", "status").eq("OK").and(bool("n", "is_annotation").and(bool("f", "future_annotations")).not()))
                .join(RelSpec.scan(DECLARED_GLOBALS, "g"), JoinType.LEFT,
                        str("n", "binding_scope_id").eq(str("g", "scope_id")).and(str("n", "name").eq(str("g", "name"))))
                .project(
                        str("n", "name_id").as("name_id"),
                        str("n", "file_id").as("file_id"),
                        str("n", "scope_id").as("scope_id"),
                        str("n", "symbol").as("symbol"),
                        str("n", "ctx").as("ctx"),
                        str("n", "introduced_by").as("introduced_by"),
                        i64("n", "bstart").as("bstart"),
                        i64("n", "bend").as("bend"),
                        str("n", "introduced_id").as("introduced_id"),
                        str("n", "binding_scope_id").as("binding_scope_id"),
                        // A module's scope id is its file id: no join needed to tell a module target.
                        str("n", "binding_scope_id").eq(str("n", "file_id")).as("binding_is_module"),
                        str("g", "scope_id").isNotNull().as("binding_declares_global"));
    }

    /**
     * (scope, name) pairs with a {@code global} statement, from the small declarations table rather
     * than another pass over the names: the unmangled name is as good as the symbol here, because
     * a {@code :=} target and the {@code global} statement it is checked against are in the same
     * function, so they are mangled alike. Keys in py_scope_decls_v1's column order (name before
     * scope_id): the runtime's aggregate emits group keys in input column order.
     */
    private static RelSpec declaredGlobals() {
        return RelSpec.scan(SCOPE_DECLS, "d").filter(str("d", "kind").eq("GLOBAL"))
                .aggregate(List.of(str("d", "name").as("name"), str("d", "scope_id").as("scope_id")), List.of());
    }

    /**
     * symtable.c's flags per (scope, symbol): the OR (MAX of 0/1) over what each occurrence
     * contributes, plus the first occurrence's span. The contributions are
     * <ul>
     * <li>to the occurrence's own scope: a load is USE, {@code global}/{@code nonlocal} DEF_GLOBAL/
     * DEF_NONLOCAL, a parameter DEF_PARAM, an import DEF_IMPORT, any other store or delete DEF_LOCAL,
     * a simple annotated target DEF_LOCAL and DEF_ANNOT; {@code :=} in a comprehension is DEF_LOCAL
     * and DEF_GLOBAL when its target scope is the module or declares the name global, else
     * DEF_NONLOCAL;</li>
     * <li>to the other scope of the row: DEF_GLOBAL in the module for {@code global}, and for
     * {@code :=} in a comprehension DEF_GLOBAL in a module, DEF_LOCAL in a function;</li>
     * <li>{@code super} loaded in a function scope: USE of {@code __class__} there;</li>
     * <li>every comprehension: the parameter {@code .0}, its first iterator.</li>
     * </ul>
     * The first occurrence's span is the MIN of the starts and the MIN of the ends: tokens do not
     * overlap, so the token that starts first also ends first.
     */
    private static RelSpec symbolFlags() {
        Field<String> ctx = str("n", "ctx");
        Field<String> by = str("n", "introduced_by");
        Condition load = ctx.eq("LOAD");
        Condition declare = ctx.eq("DECLARE");
        Condition store = load.or(declare).not();
        Condition walrusInComprehension = by.eq("WALRUS").and(str("n", "binding_scope_id").isNotNull());
        Condition targetIsModule = bool("n", "binding_is_module");
        Condition targetDeclaresGlobal = bool("n", "binding_declares_global");
        RelSpec own = RelSpec.scan(SCOPE_NAMES, "n").project(flagRow(str("n", "scope_id"), str("n", "symbol"),
                store.and(by.eq("PARAMETER")),
                store.and(by.eq("IMPORT")),
                store.and(by.in(List.of("PARAMETER", "IMPORT")).not()),
                load,
                store.and(by.eq("ANN_ASSIGNMENT")),
                declare.and(by.eq("NONLOCAL")).or(walrusInComprehension.and(targetIsModule.or(targetDeclaresGlobal).not())),
                declare.and(by.eq("GLOBAL")).or(walrusInComprehension.and(targetIsModule.or(targetDeclaresGlobal))),
                i64("n", "bstart"), i64("n", "bend")));
        RelSpec other = RelSpec.scan(SCOPE_NAMES, "n")
                .filter(str("n", "binding_scope_id").isNotNull().and(declare.and(by.eq("GLOBAL")).or(by.eq("WALRUS"))))
                .project(flagRow(str("n", "binding_scope_id"), str("n", "symbol"),
                        Exprs.falseCondition(), Exprs.falseCondition(),
                        by.eq("WALRUS").and(targetIsModule.not()),
                        Exprs.falseCondition(), Exprs.falseCondition(), Exprs.falseCondition(),
                        by.eq("GLOBAL").or(targetIsModule),
                        Exprs.nullOf(DataType.INT64), Exprs.nullOf(DataType.INT64)));
        RelSpec superClass = RelSpec.scan(SCOPE_NAMES, "n")
                .filter(load.and(str("n", "symbol").eq("super")))
                .join(RelSpec.scan(SCOPES, "s"), JoinType.INNER, str("s", "scope_id").eq(str("n", "scope_id")))
                .filter(str("s", "scope_type").in(NOT_FUNCTION_LIKE).not())
                .project(flagRow(str("n", "scope_id"), val("__class__"),
                        Exprs.falseCondition(), Exprs.falseCondition(), Exprs.falseCondition(), Exprs.trueCondition(),
                        Exprs.falseCondition(), Exprs.falseCondition(), Exprs.falseCondition(),
                        Exprs.nullOf(DataType.INT64), Exprs.nullOf(DataType.INT64)));
        RelSpec firstIterator = RelSpec.scan(SCOPES, "s").filter(str("s", "syntax_kind").eq("COMPREHENSION"))
                .project(flagRow(str("s", "scope_id"), val(".0"),
                        Exprs.trueCondition(), Exprs.falseCondition(), Exprs.falseCondition(), Exprs.falseCondition(),
                        Exprs.falseCondition(), Exprs.falseCondition(), Exprs.falseCondition(),
                        Exprs.nullOf(DataType.INT64), Exprs.nullOf(DataType.INT64)));
        List<AggregateCall> calls = new ArrayList<>();
        for (String flag : FLAG_COLUMNS) {
            calls.add(AggregateCall.max(col("u", flag, DataType.INT32), flag));
        }
        calls.add(AggregateCall.min(col("u", "occ_bstart", DataType.INT64), "occ_bstart"));
        calls.add(AggregateCall.min(col("u", "occ_bend", DataType.INT64), "occ_bend"));
        List<RelSpec> parts = new ArrayList<>(List.of(own, other, superClass, firstIterator));
        parts.addAll(typeScopeImplicitNames());
        return RelSpec.unionAll(parts.toArray(RelSpec[]::new)).as("u")
                .aggregate(List.of(col("u", "scope_id", DataType.STRING).as("scope_id"), col("u", "symbol", DataType.STRING).as("symbol")), calls);
    }

    /**
     * The names CPython 3.12+'s symtable enters for PEP 695 syntax without an occurrence in the
     * source ({@code symtable_enter_type_param_block}, the ClassDef and TypeAlias cases): in the
     * type-parameter scope of a generic class {@code .type_params} and {@code .generic_base}
     * (DEF_LOCAL and USE), of a generic function the parameter {@code .defaults} (always: the
     * defaults tuple of the AST is never NULL) and {@code .kwdefaults} when a keyword-only parameter
     * has a default; in the generic class's own scope {@code __type_params__} (DEF_LOCAL) and
     * {@code .type_params} (USE); in a type scope directly in a class body a USE of
     * {@code __classdict__}. Only scopes in {@code py_scopes} (files that parse) get them.
     */
    private static List<RelSpec> typeScopeImplicitNames() {
        Field<String> ownerKind = str("t", "owner_kind");
        Condition typeParams = str("t", "kind").eq("TYPE_PARAMETERS");
        Condition yes = Exprs.trueCondition();
        Condition no = Exprs.falseCondition();
        List<RelSpec> parts = new ArrayList<>();
        for (String name : List.of(".type_params", ".generic_base")) {
            parts.add(typeScopes(typeParams.and(ownerKind.eq("CLASS")))
                    .project(flagRow(str("t", "type_scope_id"), val(name), no, no, yes, yes, no, no, no, nullSpan(), nullSpan())));
        }
        parts.add(typeScopes(typeParams.and(ownerKind.eq("FUNCTION")))
                .project(flagRow(str("t", "type_scope_id"), val(".defaults"), yes, no, no, no, no, no, no, nullSpan(), nullSpan())));
        parts.add(typeScopes(bool("t", "has_kwdefaults"))
                .project(flagRow(str("t", "type_scope_id"), val(".kwdefaults"), yes, no, no, no, no, no, no, nullSpan(), nullSpan())));
        parts.add(typeScopes(bool("t", "sees_class"))
                .project(flagRow(str("t", "type_scope_id"), val("__classdict__"), no, no, no, yes, no, no, no, nullSpan(), nullSpan())));
        parts.add(typeScopes(typeParams.and(ownerKind.eq("CLASS")))
                .project(flagRow(str("t", "owner_id"), val("__type_params__"), no, no, yes, no, no, no, no, nullSpan(), nullSpan())));
        parts.add(typeScopes(typeParams.and(ownerKind.eq("CLASS")))
                .project(flagRow(str("t", "owner_id"), val(".type_params"), no, no, no, yes, no, no, no, nullSpan(), nullSpan())));
        return parts;
    }

    /** The rows of {@code py_type_scopes_v1} that are scopes (their file parses) and satisfy {@code condition}, as {@code t}. */
    private static RelSpec typeScopes(Condition condition) {
        return RelSpec.scan(TYPE_SCOPES, "t").filter(condition)
                .join(RelSpec.scan(SCOPES, "s"), JoinType.INNER, str("s", "scope_id").eq(str("t", "type_scope_id")));
    }

    private static Field<Long> nullSpan() {
        return Exprs.nullOf(DataType.INT64);
    }

    private static List<NamedField<?>> flagRow(Field<String> scopeId, Field<String> symbol, Condition param, Condition imported,
            Condition local, Condition use, Condition annot, Condition nonlocal, Condition global, Field<Long> occStart, Field<Long> occEnd) {
        return List.of(scopeId.as("scope_id"), symbol.as("symbol"),
                bit(param).as(P), bit(imported).as(I), bit(local).as(A), bit(use).as(R), bit(annot).as(N),
                bit(nonlocal).as(NL), bit(global).as(G), occStart.as("occ_bstart"), occEnd.as("occ_bend"));
    }

    /** 1 when {@code condition} holds, 0 when it is false or unknown (a NULL from an outer join). */
    private static Field<Integer> bit(Condition condition) {
        return Exprs.when(condition, val(1)).otherwise(val(0));
    }

    private static Condition flag(String relation, String flag) {
        return col(relation, flag, DataType.INT32).eq(1);
    }

    private static Condition bound(String relation) {
        return flag(relation, P).or(flag(relation, I)).or(flag(relation, A));
    }

    // ---- classification -------------------------------------------------------------------------

    /**
     * Enclosing scopes that decide a symbol for the scopes nested in them ({@code binds}: 1 they bind
     * it, 0 they make it global): a function scope that declares it global (0), or binds it without
     * declaring it nonlocal (1); every class for {@code __class__} (1). Other scopes pass the
     * question on; the module decides every remaining symbol as global, which is "no binder".
     */
    private static RelSpec deciders() {
        RelSpec functions = RelSpec.scan(SYMBOL_FLAGS, "f")
                .join(RelSpec.scan(SCOPES, "s"), JoinType.INNER, str("f", "scope_id").eq(str("s", "scope_id")))
                .filter(str("s", "scope_type").in(NOT_FUNCTION_LIKE).not()
                        .and(flag("f", G).or(flag("f", NL).not().and(bound("f")))))
                .project(str("f", "scope_id").as("scope_id"), str("f", "symbol").as("symbol"), str("s", "scope_type").as("scope_type"),
                        Exprs.when(flag("f", G), val(0)).otherwise(val(1)).as("binds"));
        List<RelSpec> parts = new ArrayList<>(List.of(functions));
        for (String name : CLASS_IMPLICIT) {
            parts.add(RelSpec.scan(SCOPES, "s").filter(str("s", "scope_type").eq("class"))
                    .project(str("s", "scope_id").as("scope_id"), val(name).as("symbol"), str("s", "scope_type").as("scope_type"),
                            val(1).as("binds")));
        }
        return RelSpec.unionAll(parts.toArray(RelSpec[]::new));
    }

    /**
     * For each symbol a scope uses without binding or declaring it global (or declares nonlocal):
     * the nearest strict ancestor deciding it, kept when that ancestor binds it.
     */
    private static RelSpec binders() {
        return RelSpec.scan(SYMBOL_FLAGS, "f")
                .filter(flag("f", G).not().and(flag("f", NL).or(bound("f").not())))
                .join(RelSpec.scan(ANCESTORS, "a"), JoinType.INNER, str("f", "scope_id").eq(str("a", "scope_id")))
                .join(RelSpec.scan(DECIDERS, "d"), JoinType.INNER,
                        str("d", "scope_id").eq(str("a", "ancestor_id")).and(str("d", "symbol").eq(str("f", "symbol"))))
                .topPerGroup(List.of(str("f", "scope_id"), str("f", "symbol")), 1, SortKey.asc(i32("a", "depth")))
                .filter(col("d", "binds", DataType.INT32).eq(1))
                .project(str("f", "scope_id").as("scope_id"), str("f", "symbol").as("symbol"),
                        str("a", "ancestor_id").as("binder_id"), i32("a", "depth").as("binder_depth"),
                        str("d", "scope_type").as("binder_type"));
    }

    /**
     * Every scope on the way from a free use up to its binder, in one join with the scope chain:
     * the using scope (depth 0) and the scopes between (they get the symbol as FREE, as CPython
     * passes free variables down through them) carry the binder; the binder itself, when it is a
     * function, turns its LOCAL binding into a CELL. All free uses of a name below a scope have the
     * same binder, so the rows agree per (scope, symbol).
     */
    private static RelSpec binderChain() {
        Condition atBinder = i32("c", "depth").eq(i32("x", "binder_depth"));
        return RelSpec.scan(BINDERS, "x")
                .join(RelSpec.scan(SCOPE_CHAIN, "c"), JoinType.INNER,
                        str("c", "scope_id").eq(str("x", "scope_id")).and(i32("c", "depth").le(i32("x", "binder_depth"))))
                // A class binds only __class__ and __classdict__, as cells of its own that symtable does not list.
                .filter(atBinder.not().or(str("x", "binder_type").eq("class").not()))
                .project(str("c", "ancestor_id").as("scope_id"), str("x", "symbol").as("symbol"),
                        Exprs.when(atBinder, Exprs.nullOf(DataType.STRING)).otherwise(str("x", "binder_id")).as("binder_id"),
                        bit(atBinder).as("cell"));
    }

    /**
     * One row per (scope, symbol) symtable reports, classified: DEF_GLOBAL is GLOBAL_EXPLICIT,
     * DEF_NONLOCAL FREE, bound LOCAL (CELL when a free use refers to it), used with a binder FREE,
     * else GLOBAL_IMPLICIT; a symbol only on a binder chain is an implicit FREE. The span is the
     * symbol's first occurrence in the scope, or the scope's when it does not occur there.
     */
    private static RelSpec bindings() {
        List<NamedField<?>> explicitColumns = new ArrayList<>();
        explicitColumns.add(str("f", "scope_id").as("scope_id"));
        explicitColumns.add(str("f", "symbol").as("symbol"));
        for (String flag : FLAG_COLUMNS) {
            explicitColumns.add(col("f", flag, DataType.INT32).as(flag));
        }
        explicitColumns.add(i64("f", "occ_bstart").as("occ_bstart"));
        explicitColumns.add(i64("f", "occ_bend").as("occ_bend"));
        explicitColumns.add(Exprs.nullOf(DataType.STRING).as("binder_id"));
        explicitColumns.add(val(0).as("cell"));
        RelSpec explicit = RelSpec.scan(SYMBOL_FLAGS, "f").project(explicitColumns);
        List<NamedField<?>> chainColumns = new ArrayList<>();
        chainColumns.add(str("x", "scope_id").as("scope_id"));
        chainColumns.add(str("x", "symbol").as("symbol"));
        for (String flag : FLAG_COLUMNS) {
            chainColumns.add(val(0).as(flag));
        }
        chainColumns.add(Exprs.nullOf(DataType.INT64).as("occ_bstart"));
        chainColumns.add(Exprs.nullOf(DataType.INT64).as("occ_bend"));
        chainColumns.add(str("x", "binder_id").as("binder_id"));
        chainColumns.add(col("x", "cell", DataType.INT32).as("cell"));
        RelSpec chain = RelSpec.scan(BINDER_CHAIN, "x").project(chainColumns);

        List<AggregateCall> calls = new ArrayList<>();
        for (String flag : FLAG_COLUMNS) {
            calls.add(AggregateCall.max(col("u", flag, DataType.INT32), flag));
        }
        calls.add(AggregateCall.min(i64("u", "occ_bstart"), "occ_bstart"));
        calls.add(AggregateCall.min(i64("u", "occ_bend"), "occ_bend"));
        calls.add(AggregateCall.max(str("u", "binder_id"), "binder_id"));
        calls.add(AggregateCall.max(col("u", "cell", DataType.INT32), "cell"));
        RelSpec merged = RelSpec.unionAll(explicit, chain).as("u")
                .aggregate(List.of(str("u", "scope_id").as("scope_id"), str("u", "symbol").as("symbol")), calls).as("r");

        Field<Long> scopeStart = i64("s", "bstart");
        Field<Long> scopeEnd = i64("s", "bend");
        Field<String> classification = Exprs.when(flag("r", G), val("GLOBAL_EXPLICIT"))
                .when(flag("r", NL), val("FREE"))
                .when(bound("r").and(flag("r", "cell")), val("CELL"))
                .when(bound("r"), val("LOCAL"))
                .when(str("r", "binder_id").isNotNull(), val("FREE"))
                .otherwise(val("GLOBAL_IMPLICIT"));
        List<NamedField<?>> columns = new ArrayList<>(List.of(
                CpgExprs.stableId(CpgFunctions.QUALIFIED_NAME_JOIN.call(str("r", "scope_id"), str("r", "symbol")), scopeStart, scopeEnd,
                        val("PY_BINDING")).as("binding_id"),
                str("r", "scope_id").as("scope_id"),
                str("s", "node_id").as("scope_node_id"),
                str("s", "file_id").as("file_id"),
                str("s", "path").as("path"),
                Exprs.coalesce(i64("r", "occ_bstart"), scopeStart).as("bstart"),
                Exprs.coalesce(i64("r", "occ_bend"), scopeEnd).as("bend"),
                str("r", "symbol").as("symbol"),
                classification.as("scope")));
        for (int k = 0; k < FLAGS.size(); k++) {
            columns.add(flag("r", FLAG_COLUMNS.get(k)).as(FLAGS.get(k)));
        }
        columns.add(str("r", "binder_id").as("binder_scope_id"));
        return merged.join(RelSpec.scan(SCOPES, "s"), JoinType.INNER, str("r", "scope_id").eq(str("s", "scope_id"))).project(columns);
    }

    /**
     * What a binding refers to: a FREE one the binder's binding of the symbol (a class binder of
     * {@code __class__} has none, so that use resolves to nothing), a global one the module's binding
     * of the symbol when the module has one (builtins have none).
     */
    private static RelSpec resolutions() {
        RelSpec free = RelSpec.scan(BINDINGS, "b").filter(str("b", "scope").eq("FREE"))
                .join(RelSpec.scan(BINDINGS, "t"), JoinType.INNER,
                        str("t", "scope_id").eq(str("b", "binder_scope_id")).and(str("t", "symbol").eq(str("b", "symbol"))))
                .project(resolutionColumns("ENCLOSING_SCOPE"));
        RelSpec global = RelSpec.scan(BINDINGS, "b")
                .filter(str("b", "scope").in(List.of("GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT")).and(str("b", "scope_id").ne(str("b", "file_id"))))
                .join(RelSpec.scan(BINDINGS, "t"), JoinType.INNER,
                        str("t", "scope_id").eq(str("b", "file_id")).and(str("t", "symbol").eq(str("b", "symbol"))))
                .project(resolutionColumns("MODULE_GLOBAL"));
        return RelSpec.unionAll(free, global);
    }

    private static List<NamedField<?>> resolutionColumns(String method) {
        return List.of(str("b", "binding_id").as("binding_id"), str("t", "binding_id").as("target_binding_id"),
                str("b", "path").as("path"), i64("b", "bstart").as("bstart"), i64("b", "bend").as("bend"),
                val(method).as("resolution_method"));
    }

    // ---- semantic errors ------------------------------------------------------------------------

    /**
     * Errors CPython's symbol table raises for code that parses, with CPython's message and the
     * span of the statement it points at (the {@code nonlocal} statement). A file with such an
     * error still has its scopes and bindings; the error is a diagnostic, not a failed file.
     */
    private static RelSpec semanticErrors() {
        RelSpec moduleLevel = RelSpec.scan(SCOPE_DECLS, "d")
                .join(RelSpec.scan(SCOPES, "s"), JoinType.INNER, str("d", "scope_id").eq(str("s", "scope_id")))
                .filter(str("d", "kind").eq("NONLOCAL").and(str("s", "scope_type").eq("module")))
                .project(errorColumns(val("nonlocal declaration not allowed at module level")));
        // symtable points at the first nonlocal statement of the name in the scope.
        RelSpec unbound = RelSpec.scan(BINDINGS, "b")
                .filter(bool("b", "is_nonlocal").and(str("b", "binder_scope_id").isNull()).and(str("b", "scope_id").ne(str("b", "file_id"))))
                .join(RelSpec.scan(SCOPE_NAMES, "n"), JoinType.INNER, str("n", "scope_id").eq(str("b", "scope_id"))
                        .and(str("n", "symbol").eq(str("b", "symbol"))).and(str("n", "ctx").eq("DECLARE"))
                        .and(str("n", "introduced_by").eq("NONLOCAL")))
                .join(RelSpec.scan(SCOPE_DECLS, "d"), JoinType.INNER, str("d", "decl_id").eq(str("n", "introduced_id")))
                .topPerGroup(List.of(str("b", "binding_id")), 1, SortKey.asc(i64("d", "stmt_bstart")))
                .project(str("d", "file_id").as("file_id"), str("d", "path").as("path"), i64("d", "stmt_bstart").as("bstart"),
                        i64("d", "stmt_bend").as("bend"),
                        concat(val("no binding for nonlocal '"), str("b", "symbol"), val("' found")).as("message"));
        return RelSpec.unionAllByName(moduleLevel, unbound, declaredTooLate(), duplicateArguments());
    }

    /**
     * A {@code global} or {@code nonlocal} statement after the scope already used, assigned,
     * annotated or has as parameter the name: symtable checks the flags gathered so far when it
     * reaches the statement, so "so far" is every occurrence in the scope that starts before the
     * statement, and the message is chosen in CPython's order (parameter, use, annotation,
     * assignment).
     */
    private static RelSpec declaredTooLate() {
        Field<String> by = str("p", "introduced_by");
        Field<String> ctx = str("p", "ctx");
        RelSpec prior = RelSpec.scan(SCOPE_NAMES, "n").filter(str("n", "ctx").eq("DECLARE"))
                .join(RelSpec.scan(SCOPE_DECLS, "d"), JoinType.INNER, str("d", "decl_id").eq(str("n", "introduced_id")))
                .join(RelSpec.scan(SCOPE_NAMES, "p"), JoinType.INNER, str("p", "scope_id").eq(str("n", "scope_id"))
                        .and(str("p", "symbol").eq(str("n", "symbol"))).and(ctx.ne("DECLARE"))
                        .and(i64("p", "bstart").lt(i64("d", "stmt_bstart"))))
                // Keys first and in this order: the aggregate below groups by them in column order.
                .project(str("d", "decl_id").as("decl_id"), str("d", "file_id").as("file_id"), str("d", "path").as("path"),
                        i64("d", "stmt_bstart").as("bstart"), i64("d", "stmt_bend").as("bend"), str("n", "symbol").as("symbol"),
                        str("n", "introduced_by").as("kind"),
                        bit(by.eq("PARAMETER")).as(P), bit(ctx.eq("LOAD")).as(R), bit(by.eq("ANN_ASSIGNMENT")).as(N))
                .as("q")
                .aggregate(List.of(str("q", "decl_id").as("decl_id"), str("q", "file_id").as("file_id"), str("q", "path").as("path"),
                        i64("q", "bstart").as("bstart"), i64("q", "bend").as("bend"), str("q", "symbol").as("symbol"),
                        str("q", "kind").as("kind")),
                        List.of(AggregateCall.max(col("q", P, DataType.INT32), P), AggregateCall.max(col("q", R, DataType.INT32), R),
                                AggregateCall.max(col("q", N, DataType.INT32), N)))
                .as("e");
        Field<String> kind = Exprs.when(str("e", "kind").eq("GLOBAL"), val("global")).otherwise(val("nonlocal"));
        Field<String> quoted = concat(val("'"), str("e", "symbol"), val("'"));
        Field<String> message = Exprs.when(flag("e", P), concat(val("name "), quoted, val(" is parameter and "), kind))
                .when(flag("e", R), concat(val("name "), quoted, val(" is used prior to "), kind, val(" declaration")))
                .when(flag("e", N), concat(val("annotated name "), quoted, val(" can't be "), kind))
                .otherwise(concat(val("name "), quoted, val(" is assigned to before "), kind, val(" declaration")));
        return prior.project(str("e", "file_id").as("file_id"), str("e", "path").as("path"), i64("e", "bstart").as("bstart"),
                i64("e", "bend").as("bend"), message.as("message"));
    }

    /** A parameter name that an earlier parameter of the same function already has, at the later one. */
    private static RelSpec duplicateArguments() {
        Condition parameter = str("a", "introduced_by").eq("PARAMETER").and(str("a", "ctx").ne("LOAD"));
        return RelSpec.scan(SCOPE_NAMES, "a").filter(parameter)
                .whereExists(RelSpec.scan(SCOPE_NAMES, "e").filter(str("e", "introduced_by").eq("PARAMETER")
                        .and(str("e", "ctx").ne("LOAD")).and(str("e", "scope_id").eq(str("a", "scope_id")))
                        .and(str("e", "symbol").eq(str("a", "symbol"))).and(i64("e", "bstart").lt(i64("a", "bstart")))))
                .join(RelSpec.scan(SCOPES, "s"), JoinType.INNER, str("s", "scope_id").eq(str("a", "scope_id")))
                .project(str("a", "file_id").as("file_id"), str("s", "path").as("path"), i64("a", "bstart").as("bstart"),
                        i64("a", "bend").as("bend"),
                        concat(val("duplicate argument '"), str("a", "symbol"), val("' in function definition")).as("message"));
    }

    /** The texts one after the other, by nested {@link CpgFunctions#TEXT_CONCAT}. */
    @SafeVarargs
    private static Field<String> concat(Field<String>... parts) {
        Field<String> text = parts[0];
        for (int k = 1; k < parts.length; k++) {
            text = CpgFunctions.TEXT_CONCAT.call(text, parts[k]);
        }
        return text;
    }

    private static List<NamedField<?>> errorColumns(Field<String> message) {
        return List.of(str("d", "file_id").as("file_id"), str("d", "path").as("path"), i64("d", "stmt_bstart").as("bstart"),
                i64("d", "stmt_bend").as("bend"), message.as("message"));
    }

    // ---- nodes, edges, props --------------------------------------------------------------------

    private static RelSpec scopeNodes() {
        return RelSpec.scan(SCOPES, "s").project(
                str("s", "node_id").as("node_id"), val("PY_SCOPE").as("node_kind"), str("s", "path").as("path"),
                i64("s", "bstart").as("bstart"), i64("s", "bend").as("bend"), str("s", "scope_name").as("name"),
                str("s", "file_id").as("file_id"), Exprs.nullOf(DataType.STRING).as("qualified_name"));
    }

    private static RelSpec bindingNodes() {
        return RelSpec.scan(BINDINGS, "b").project(
                str("b", "binding_id").as("node_id"), val("PY_BINDING").as("node_kind"), str("b", "path").as("path"),
                i64("b", "bstart").as("bstart"), i64("b", "bend").as("bend"), str("b", "symbol").as("name"),
                str("b", "file_id").as("file_id"), Exprs.nullOf(DataType.STRING).as("qualified_name"));
    }

    private static RelSpec scopeParentEdges() {
        return RelSpec.scan(SCOPES, "s")
                .join(RelSpec.scan(SCOPES, "p"), JoinType.INNER, str("s", "parent_scope_id").eq(str("p", "scope_id")))
                .project(edgeColumns("SCOPE_PARENT", str("s", "node_id"), str("p", "node_id"), "s", "syntax", Exprs.nullOf(DataType.STRING)));
    }

    private static RelSpec bindsEdges() {
        return RelSpec.scan(BINDINGS, "b")
                .project(edgeColumns("BINDS", str("b", "scope_node_id"), str("b", "binding_id"), "b", "syntax", Exprs.nullOf(DataType.STRING)));
    }

    private static RelSpec resolvesToEdges() {
        return RelSpec.scan(RESOLUTIONS, "r")
                .project(edgeColumns("RESOLVES_TO", str("r", "binding_id"), str("r", "target_binding_id"), "r", "scope",
                        str("r", "resolution_method")));
    }

    private static List<NamedField<?>> edgeColumns(String kind, Field<String> src, Field<String> dst, String spanOf, String origin,
            Field<String> method) {
        return List.of(val(kind).as("edge_kind"), src.as("src_node_id"), dst.as("dst_node_id"), str(spanOf, "path").as("path"),
                i64(spanOf, "bstart").as("bstart"), i64(spanOf, "bend").as("bend"), val(origin).as("origin"),
                method.as("resolution_method"), val(1.0).as("confidence"), Exprs.nullOf(DataType.FLOAT64).as("score"),
                Exprs.nullOf(DataType.STRING).as("ambiguity_group_id"));
    }

    private static RelSpec scopeProps() {
        return RelSpec.scan(SCOPES, "s").project(prop(str("s", "node_id"), str("s", "path"), "scope_type", str("s", "scope_type"), null));
    }

    /** Eight props per binding: {@code scope} (STRING) and the seven flags (BOOL). */
    private static RelSpec bindingProps() {
        List<RelSpec> props = new ArrayList<>();
        props.add(RelSpec.scan(BINDINGS, "b").project(prop(str("b", "binding_id"), str("b", "path"), "scope", str("b", "scope"), null)));
        for (String flag : FLAGS) {
            props.add(RelSpec.scan(BINDINGS, "b").project(prop(str("b", "binding_id"), str("b", "path"), flag, null, bool("b", flag))));
        }
        return RelSpec.unionAll(props.toArray(RelSpec[]::new));
    }

    private static List<NamedField<?>> prop(Field<String> entity, Field<String> path, String key, Field<String> string, Field<Boolean> bool) {
        return List.of(entity.as("entity_id"), path.as("path"), val(key).as("prop_key"), val(string != null ? "STRING" : "BOOL").as("value_type"),
                (string != null ? string : Exprs.nullOf(DataType.STRING)).as("value_string"),
                Exprs.nullOf(DataType.INT64).as("value_int"), Exprs.nullOf(DataType.FLOAT64).as("value_float"),
                (bool != null ? bool : Exprs.nullOf(DataType.BOOLEAN)).as("value_bool"));
    }

    // ---- column helpers -------------------------------------------------------------------------

    /**
     * A text literal typed VARCHAR: Calcite types a bare literal CHAR(n), and a union or CASE of
     * literals of different lengths pads the shorter ones, which then compare unequal downstream
     * (docs/decisions.md, "Kind literals in a CASE are cast to VARCHAR").
     */
    private static Field<String> varchar(String text) {
        return Exprs.cast(val(text), DataType.STRING);
    }

    private static Field<String> str(String relation, String name) {
        return col(relation, name, DataType.STRING);
    }

    private static Field<Long> i64(String relation, String name) {
        return col(relation, name, DataType.INT64);
    }

    private static Field<Integer> i32(String relation, String name) {
        return col(relation, name, DataType.INT32);
    }

    private static Condition bool(String relation, String name) {
        return Exprs.condition(col(relation, name, DataType.BOOLEAN));
    }
}
