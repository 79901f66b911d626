package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.val;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.bool;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.i64;
import static io.codeanatomy.runtime.builtin.BuiltinColumns.str;

import io.codeanatomy.api.cpg.QNames;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
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
 * What resolution reads of one file's scopes and bindings, as small file-local views: the names
 * a module binds at its top level and what binds them, the names its code looks up in the
 * builtins, and the binding the first name of each class base is read from. {@link
 * ImportResolution} (cross-file: it looks names up in other modules) reads these instead of the
 * bindings of every scope, so an incremental build can keep them per file (docs/incremental.md).
 * Every view has the {@code path} of the file its rows come from.
 */
public final class ModuleBindings implements CpgPart {
    /** A module's top-level bindings: {@code module_name, symbol, binding_id, bound, path}. */
    public static final String MODULE_SYMBOLS = "imp_module_symbols";
    /** What binds a module's top-level name: {@code module_name, symbol, target_id, alias_id, path}. */
    public static final String DEFINERS = "imp_definers";
    /** Bindings CPython looks up in the builtins: {@code binding_id, qualified_name, path, bstart, bend}. */
    public static final String BUILTIN_USES = "imp_builtin_uses";
    /** Each dotted class base with itself and every shorter prefix: {@code class_base_id, prefix, path}. */
    public static final String BASE_PREFIXES = "imp_base_prefixes";
    /**
     * The class bases whose first name the class statement reads from its module (its scope is the
     * module, or the name's binding there is global): {@code class_base_id, prefix} (that first name),
     * {@code path}.
     */
    public static final String BASE_READS = "imp_base_reads";

    @Override
    public List<InputRelation> inputs() {
        return List.of(DefinitionNodes.filesInput(), ImportResolution.classBasesInput());
    }

    @Override
    public List<ViewDefinition> views() {
        return List.of(
                ViewDefinition.of(MODULE_SYMBOLS, ViewKind.JOIN, moduleSymbols()),
                ViewDefinition.of(DEFINERS, ViewKind.UNION, definers()),
                ViewDefinition.of(BUILTIN_USES, ViewKind.JOIN, builtinUses()),
                ViewDefinition.of(BASE_PREFIXES, ViewKind.FIXPOINT, basePrefixes()),
                ViewDefinition.of(BASE_READS, ViewKind.JOIN, baseReads()));
    }

    @Override
    public boolean fileLocal() {
        return true;
    }

    /** Every view but {@value #BASE_PREFIXES}, which only {@value #BASE_READS} reads. */
    @Override
    public List<StoredView> storedViews() {
        return List.of(
                new StoredView(MODULE_SYMBOLS, SchemaContract.of(1, required("module_name"), required("symbol"), required("binding_id"),
                        ColumnContract.optional("bound", DataType.BOOLEAN), required("path"))),
                new StoredView(DEFINERS, SchemaContract.of(1, required("module_name"), required("symbol"),
                        ColumnContract.optional("target_id", DataType.STRING), ColumnContract.optional("alias_id", DataType.STRING),
                        required("path"))),
                new StoredView(BUILTIN_USES, SchemaContract.of(1, required("binding_id"), required("qualified_name"), required("path"),
                        ColumnContract.required("bstart", DataType.INT64), ColumnContract.required("bend", DataType.INT64))),
                new StoredView(BASE_READS, SchemaContract.of(1, required("class_base_id"), required("prefix"), required("path"))));
    }

    private static ColumnContract required(String name) {
        return ColumnContract.required(name, DataType.STRING);
    }

    private static RelSpec moduleSymbols() {
        return RelSpec.scan(DefUseEdges.BINDINGS, "b")
                .join(RelSpec.scan(DefinitionNodes.FILES, "f"), JoinType.INNER, str("b", "scope_id").eq(str("f", "file_id"))
                        .and(str("f", "status").eq("OK")).and(str("f", "module_name").isNotNull()))
                .project(str("f", "module_name").as("module_name"), str("b", "symbol").as("symbol"), str("b", "binding_id").as("binding_id"),
                        bool("b", "is_assigned").or(bool("b", "is_imported")).as("bound"), str("b", "path").as("path"));
    }

    /**
     * A top-level binding's definers: each {@code def}/{@code class} and import alias whose name
     * binds it (the occurrences carrying an {@code introduced_id}), and the binding itself when
     * it is assigned and has neither (a module-level variable).
     */
    private static RelSpec definers() {
        RelSpec introduced = RelSpec.scan(MODULE_SYMBOLS, "s")
                .join(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "u"), JoinType.INNER, str("u", "binding_id").eq(str("s", "binding_id"))
                        .and(str("u", "ctx").eq("STORE")).and(str("u", "introduced_id").isNotNull()));
        RelSpec definitions = introduced
                .join(RelSpec.scan(StructureGraph.DEF_ROWS, "d"), JoinType.INNER, str("d", "def_id").eq(str("u", "introduced_id")))
                .project(definer(str("d", "node_id"), Exprs.nullOf(DataType.STRING)));
        RelSpec aliases = introduced
                .join(RelSpec.scan(StructureGraph.IMPORT_ROWS, "i"), JoinType.INNER, str("i", "import_id").eq(str("u", "introduced_id")))
                .project(definer(Exprs.nullOf(DataType.STRING), str("i", "import_id")));
        RelSpec variables = RelSpec.scan(MODULE_SYMBOLS, "s").filter(bool("s", "bound"))
                .whereNotExists(RelSpec.scan(DefUseEdges.NAME_BINDINGS, "v").filter(str("v", "binding_id").eq(str("s", "binding_id"))
                        .and(str("v", "ctx").eq("STORE")).and(str("v", "introduced_id").isNotNull())))
                .project(definer(str("s", "binding_id"), Exprs.nullOf(DataType.STRING)));
        return RelSpec.unionAll(definitions, aliases, variables);
    }

    private static List<NamedField<?>> definer(Field<String> targetId, Field<String> aliasId) {
        return List.of(str("s", "module_name").as("module_name"), str("s", "symbol").as("symbol"), targetId.as("target_id"),
                aliasId.as("alias_id"), str("s", "path").as("path"));
    }

    /**
     * Bindings CPython looks up in the builtins: classified {@code GLOBAL_IMPLICIT}, named like a
     * builtin, and whose module binds nothing by that name (the module's own binding of the
     * symbol, if any, is itself only used).
     */
    private static RelSpec builtinUses() {
        return RelSpec.scan(DefUseEdges.BINDINGS, "b")
                .filter(str("b", "scope").eq("GLOBAL_IMPLICIT").and(str("b", "symbol").in(ImportResolution.BUILTINS)))
                .join(RelSpec.scan(DefUseEdges.BINDINGS, "g"), JoinType.LEFT, str("g", "scope_id").eq(str("b", "file_id"))
                        .and(str("g", "symbol").eq(str("b", "symbol"))))
                .filter(str("g", "binding_id").isNull().or(str("g", "scope").eq("GLOBAL_IMPLICIT")))
                .project(str("b", "binding_id").as("binding_id"), QNames.join(val("builtins"), str("b", "symbol")).as("qualified_name"),
                        str("b", "path").as("path"), i64("b", "bstart").as("bstart"), i64("b", "bend").as("bend"));
    }

    private static RelSpec basePrefixes() {
        RelSpec seed = RelSpec.scan(ImportResolution.CLASS_BASES, "c").filter(str("c", "dotted_name").isNotNull())
                .project(str("c", "class_base_id").as("class_base_id"), str("c", "dotted_name").as("prefix"), str("c", "path").as("path"));
        RelSpec step = RelSpec.scan(BASE_PREFIXES, "p")
                .filter(QNames.parent(str("p", "prefix")).isNotNull())
                .project(str("p", "class_base_id").as("class_base_id"), QNames.parent(str("p", "prefix")).as("prefix"),
                        str("p", "path").as("path"));
        return RecursiveRel.fixpoint(BASE_PREFIXES, seed, step, ScopeBindings.MAX_SCOPE_DEPTH);
    }

    private static RelSpec baseReads() {
        return RelSpec.scan(ImportResolution.CLASS_BASES, "c")
                .join(RelSpec.scan(BASE_PREFIXES, "h"), JoinType.INNER, str("h", "class_base_id").eq(str("c", "class_base_id"))
                        .and(QNames.depth(str("h", "prefix")).eq(1)))
                .join(RelSpec.scan(DefUseEdges.BINDINGS, "g"), JoinType.INNER, str("g", "scope_id").eq(str("c", "scope_id"))
                        .and(str("g", "symbol").eq(str("h", "prefix"))))
                .filter(str("g", "scope_id").eq(str("g", "file_id")).or(str("g", "scope").in(List.of("GLOBAL_IMPLICIT", "GLOBAL_EXPLICIT"))))
                .project(str("c", "class_base_id").as("class_base_id"), str("h", "prefix").as("prefix"), str("c", "path").as("path"));
    }
}
