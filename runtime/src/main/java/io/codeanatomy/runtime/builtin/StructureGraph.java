package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.expr.TypeKind;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The syntactic structure of the graph: a node per call ({@code PY_CALL}), parameter
 * ({@code PY_PARAM}), import alias ({@code PY_IMPORT_ALIAS}), decorator ({@code PY_DECORATOR}),
 * lambda ({@code PY_LAMBDA}), comprehension ({@code PY_COMPREHENSION}) and name occurrence
 * ({@code PY_NAME}) of a file that parses, and the edges that need no resolution:
 * {@code CONTAINS} (file to its top-level definitions, definition to the ones nested in it,
 * following {@code parent_def_id}), {@code HAS_PARAM} (function or lambda to its parameters, in
 * declaration order by span) and {@code DECORATES} (decorator to its definition). Definitions are
 * functions, classes and lambdas, whose ids {@link DefinitionNodes} and this part compute alike.
 * docs/cpg-schema.md lists every kind and property.
 *
 * <p>Each extraction table is read once into a {@code structure_<table>} view carrying its node id
 * ({@link CpgExprs#stableId} over the row's path, span and node kind); node, edge and property
 * views project from those, and {@link DefUseEdges} joins them too.
 */
public final class StructureGraph implements CpgPart {
    public static final String FILES = "py_files_v1";
    public static final String DEFS = "py_defs_v1";
    public static final String PARAMS = "py_params_v1";
    public static final String CALLS = "py_calls_v1";
    public static final String IMPORTS = "py_imports_v1";
    public static final String DECORATORS = "py_decorators_v2";
    public static final String COMPREHENSIONS = "py_comprehensions_v1";
    public static final String NAMES = "py_names_v1";

    /** Files that parse: {@code file_id, path, size}. */
    public static final String OK_FILES = "structure_ok_files";
    /** Definitions with node ids: {@code node_id, node_kind, def_id, parent_def_id, file_id, path, bstart, bend, name}. */
    public static final String DEF_ROWS = "structure_defs";
    public static final String PARAM_ROWS = "structure_params";
    public static final String CALL_ROWS = "structure_calls";
    public static final String IMPORT_ROWS = "structure_imports";
    public static final String DECORATOR_ROWS = "structure_decorators";
    public static final String COMPREHENSION_ROWS = "structure_comprehensions";
    /** Name occurrences with node ids: {@code node_id, name_id, scope_id, symbol, ctx, introduced_id, ...}. */
    public static final String NAME_ROWS = "structure_names";

    private static final String SYNTAX = "syntax";

    private final List<String> nodeViews = new ArrayList<>();
    private final List<String> edgeViews = new ArrayList<>();
    private final List<String> propViews = new ArrayList<>();
    private final List<ViewDefinition> views = buildViews();

    @Override
    public List<InputRelation> inputs() {
        return List.of(
                SpannedInput.of(FILES, ColumnContract.required("size", DataType.INT64), ColumnContract.required("status", DataType.STRING)),
                SpannedInput.of(DEFS, ColumnContract.required("def_id", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("name", DataType.STRING), ColumnContract.optional("parent_def_id", DataType.STRING)),
                SpannedInput.of(PARAMS, ColumnContract.required("param_id", DataType.STRING), ColumnContract.required("def_id", DataType.STRING),
                        ColumnContract.required("name", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("position", DataType.INT32), ColumnContract.required("has_default", DataType.BOOLEAN),
                        ColumnContract.required("has_annotation", DataType.BOOLEAN)),
                SpannedInput.of(CALLS, ColumnContract.required("call_id", DataType.STRING), ColumnContract.required("callee_text", DataType.STRING),
                        ColumnContract.optional("callee_dotted", DataType.STRING), ColumnContract.required("positional_count", DataType.INT32),
                        ColumnContract.required("keyword_count", DataType.INT32), ColumnContract.required("has_star_args", DataType.BOOLEAN),
                        ColumnContract.required("has_star_kwargs", DataType.BOOLEAN)),
                SpannedInput.of(IMPORTS, ColumnContract.required("import_id", DataType.STRING), ColumnContract.optional("module", DataType.STRING),
                        ColumnContract.optional("name", DataType.STRING), ColumnContract.optional("asname", DataType.STRING),
                        ColumnContract.optional("bound_name", DataType.STRING), ColumnContract.required("level", DataType.INT32),
                        ColumnContract.required("is_from", DataType.BOOLEAN), ColumnContract.required("is_star", DataType.BOOLEAN)),
                SpannedInput.of(DECORATORS, ColumnContract.required("decorator_id", DataType.STRING), ColumnContract.required("def_id", DataType.STRING),
                        ColumnContract.required("position", DataType.INT32), ColumnContract.required("text", DataType.STRING),
                        ColumnContract.optional("dotted_name", DataType.STRING), ColumnContract.required("is_call", DataType.BOOLEAN)),
                SpannedInput.of(COMPREHENSIONS, ColumnContract.required("comp_id", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("generator_count", DataType.INT32), ColumnContract.required("is_async", DataType.BOOLEAN)),
                SpannedInput.of(NAMES, ColumnContract.required("name_id", DataType.STRING), ColumnContract.required("name", DataType.STRING),
                        ColumnContract.required("symbol", DataType.STRING), ColumnContract.required("ctx", DataType.STRING),
                        ColumnContract.required("scope_id", DataType.STRING), ColumnContract.optional("introduced_id", DataType.STRING)));
    }

    @Override
    public List<ViewDefinition> views() {
        return views;
    }

    @Override
    public boolean fileLocal() {
        return true;
    }

    @Override
    public List<String> nodeViews() {
        return List.copyOf(nodeViews);
    }

    @Override
    public List<String> edgeViews() {
        return List.copyOf(edgeViews);
    }

    @Override
    public List<String> propViews() {
        return List.copyOf(propViews);
    }

    private List<ViewDefinition> buildViews() {
        List<ViewDefinition> out = new ArrayList<>();
        out.add(ViewDefinition.of(OK_FILES, ViewKind.FILTER, RelSpec.scan(FILES, "f")
                .filter(col("f", "status", DataType.STRING).eq("OK"))
                .project(string("f", "file_id"), string("f", "path"), col("f", "size", DataType.INT64).as("size"))));

        Field<String> defKind = col("t", "kind", DataType.STRING);
        Field<String> defNodeKind = CpgExprs.semanticTypeCase(defKind, List.of(
                Map.entry("CLASS", varchar("PY_CLASS")),
                Map.entry("LAMBDA", varchar("PY_LAMBDA"))), varchar("PY_FUNCTION"));
        out.add(rows(DEF_ROWS, DEFS, defNodeKind, string("t", "def_id"), string("t", "parent_def_id"), string("t", "name"),
                defKind.as("def_kind")));
        out.add(rows(PARAM_ROWS, PARAMS, Exprs.val("PY_PARAM"), string("t", "param_id"), string("t", "def_id"), string("t", "name"), string("t", "kind"),
                int32("t", "position"), bool("t", "has_default"), bool("t", "has_annotation")));
        out.add(rows(CALL_ROWS, CALLS, Exprs.val("PY_CALL"), col("t", "callee_dotted", DataType.STRING).as("name"),
                string("t", "callee_text"), int32("t", "positional_count"), int32("t", "keyword_count"),
                bool("t", "has_star_args"), bool("t", "has_star_kwargs")));
        out.add(rows(IMPORT_ROWS, IMPORTS, Exprs.val("PY_IMPORT_ALIAS"), string("t", "import_id"),
                col("t", "bound_name", DataType.STRING).as("name"), string("t", "module"),
                col("t", "name", DataType.STRING).as("imported_name"), string("t", "asname"), int32("t", "level"),
                bool("t", "is_from"), bool("t", "is_star")));
        out.add(rows(DECORATOR_ROWS, DECORATORS, Exprs.val("PY_DECORATOR"), string("t", "def_id"),
                col("t", "dotted_name", DataType.STRING).as("name"), string("t", "text"), int32("t", "position"), bool("t", "is_call")));
        Field<String> compKind = col("t", "kind", DataType.STRING);
        // The names CPython gives a comprehension's code object.
        Field<String> compName = CpgExprs.semanticTypeCase(compKind, List.of(
                Map.entry("LIST", varchar("<listcomp>")),
                Map.entry("SET", varchar("<setcomp>")),
                Map.entry("DICT", varchar("<dictcomp>"))), varchar("<genexpr>"));
        out.add(rows(COMPREHENSION_ROWS, COMPREHENSIONS, Exprs.val("PY_COMPREHENSION"), compName.as("name"), compKind.as("kind"),
                int32("t", "generator_count"), bool("t", "is_async")));
        out.add(rows(NAME_ROWS, NAMES, Exprs.val("PY_NAME"), string("t", "name_id"), string("t", "name"), string("t", "symbol"),
                string("t", "ctx"), string("t", "scope_id"), string("t", "introduced_id")));

        // Filtered on the extracted kind, not the derived one: the planner would replace a column
        // it knows to equal a literal by that literal, typed CHAR and padded to the CASE's width.
        out.add(nodes("structure_lambda_nodes", RelSpec.scan(DEF_ROWS).filter(col("def_kind", DataType.STRING).eq("LAMBDA")),
                Exprs.val("PY_LAMBDA")));
        for (String rows : List.of(PARAM_ROWS, CALL_ROWS, IMPORT_ROWS, DECORATOR_ROWS, COMPREHENSION_ROWS, NAME_ROWS)) {
            out.add(nodes(rows + "_nodes", RelSpec.scan(rows), col("node_kind", DataType.STRING)));
        }

        Field<String> filePath = col("o", "path", DataType.STRING);
        RelSpec fileContains = RelSpec.scan(DEF_ROWS, "c")
                .filter(Exprs.isNull(col("c", "parent_def_id", DataType.STRING)))
                .join(RelSpec.scan(OK_FILES, "o"), JoinType.INNER, col("c", "file_id", DataType.STRING).eq(col("o", "file_id", DataType.STRING)));
        out.add(edge("structure_file_contains", fileContains, "CONTAINS",
                CpgExprs.stableId(filePath, Exprs.val(0L), col("o", "size", DataType.INT64), Exprs.val("PY_FILE")), "c", "c"));
        out.add(edge("structure_def_contains", childOf(DEF_ROWS, "parent_def_id"), "CONTAINS", nodeId("p"), "c", "c"));
        out.add(edge("structure_has_param", childOf(PARAM_ROWS, "def_id"), "HAS_PARAM", nodeId("p"), "c", "c"));
        out.add(edge("structure_decorates", childOf(DECORATOR_ROWS, "def_id"), "DECORATES", nodeId("c"), "p", "c"));

        out.add(prop(PARAM_ROWS, "kind", text("kind")));
        out.add(prop(PARAM_ROWS, "position", int32("position")));
        out.add(prop(PARAM_ROWS, "has_default", bool("has_default")));
        out.add(prop(PARAM_ROWS, "has_annotation", bool("has_annotation")));
        out.add(prop(CALL_ROWS, "callee_text", text("callee_text")));
        out.add(prop(CALL_ROWS, "positional_count", int32("positional_count")));
        out.add(prop(CALL_ROWS, "keyword_count", int32("keyword_count")));
        out.add(prop(CALL_ROWS, "has_star_args", bool("has_star_args")));
        out.add(prop(CALL_ROWS, "has_star_kwargs", bool("has_star_kwargs")));
        out.add(prop(IMPORT_ROWS, "module", text("module")));
        out.add(prop(IMPORT_ROWS, "imported_name", text("imported_name")));
        out.add(prop(IMPORT_ROWS, "asname", text("asname")));
        out.add(prop(IMPORT_ROWS, "level", int32("level")));
        out.add(prop(IMPORT_ROWS, "is_from", bool("is_from")));
        out.add(prop(IMPORT_ROWS, "is_star", bool("is_star")));
        out.add(prop(DECORATOR_ROWS, "text", text("text")));
        out.add(prop(DECORATOR_ROWS, "position", int32("position")));
        out.add(prop(DECORATOR_ROWS, "is_call", bool("is_call")));
        out.add(prop(COMPREHENSION_ROWS, "kind", text("kind")));
        out.add(prop(COMPREHENSION_ROWS, "generator_count", int32("generator_count")));
        out.add(prop(COMPREHENSION_ROWS, "is_async", bool("is_async")));
        out.add(prop(NAME_ROWS, "ctx", text("ctx")));
        return List.copyOf(out);
    }

    /** {@code table}'s rows of files that parse, with their node id and kind, span and {@code columns}. */
    private static ViewDefinition rows(String name, String table, Field<String> nodeKind, NamedField<?>... columns) {
        Field<String> path = col("t", "path", DataType.STRING);
        List<NamedField<?>> projected = new ArrayList<>(List.of(
                CpgExprs.stableId(path, col("t", "bstart", DataType.INT64), col("t", "bend", DataType.INT64), nodeKind).as("node_id"),
                nodeKind.as("node_kind"), string("t", "file_id"), path.as("path"),
                col("t", "bstart", DataType.INT64).as("bstart"), col("t", "bend", DataType.INT64).as("bend")));
        projected.addAll(List.of(columns));
        RelSpec body = RelSpec.scan(table, "t")
                .join(RelSpec.scan(OK_FILES, "o"), JoinType.INNER, col("t", "file_id", DataType.STRING).eq(col("o", "file_id", DataType.STRING)))
                .project(projected);
        return ViewDefinition.of(name, ViewKind.JOIN, body);
    }

    private ViewDefinition nodes(String name, RelSpec rows, Field<String> nodeKind) {
        nodeViews.add(name);
        return ViewDefinition.of(name, ViewKind.PROJECT, rows.project(string("node_id"), nodeKind.as("node_kind"), string("file_id"),
                string("path"), col("bstart", DataType.INT64).as("bstart"), col("bend", DataType.INT64).as("bend"), string("name")));
    }

    /** Rows {@code c} of {@code rows} joined to their definition {@code p} through {@code c.<key> = p.def_id}. */
    private static RelSpec childOf(String rows, String key) {
        return RelSpec.scan(rows, "c").join(RelSpec.scan(DEF_ROWS, "p"), JoinType.INNER,
                col("c", key, DataType.STRING).eq(col("p", "def_id", DataType.STRING)));
    }

    /** A syntax edge from {@code src} to the node of relation {@code dst}, spanning relation {@code span}'s row. */
    private ViewDefinition edge(String name, RelSpec joined, String kind, Field<String> src, String dst, String span) {
        edgeViews.add(name);
        return ViewDefinition.of(name, ViewKind.PROJECT, joined.project(
                Exprs.val(kind).as("edge_kind"),
                src.as("src_node_id"),
                nodeId(dst).as("dst_node_id"),
                col(span, "path", DataType.STRING).as("path"),
                col(span, "bstart", DataType.INT64).as("bstart"),
                col(span, "bend", DataType.INT64).as("bend"),
                Exprs.val(SYNTAX).as("origin"),
                Exprs.val(1.0).as("confidence")));
    }

    /** The property {@code key} of every row of {@code rows} where {@code value} is not null. */
    private ViewDefinition prop(String rows, String key, Field<?> value) {
        String name = rows + "_prop_" + key;
        propViews.add(name);
        NamedField<?> typed = switch (value.type().kind()) {
            case STRING -> value.as("value_string");
            case INT32, INT64 -> Exprs.cast(value, DataType.INT64).as("value_int");
            case FLOAT64 -> value.as("value_float");
            case BOOLEAN -> value.as("value_bool");
            default -> throw new IllegalArgumentException("property " + key + " has type " + value.type() + ", which cpg_props cannot hold");
        };
        String valueType = value.type().kind() == TypeKind.INT32 ? "INT64" : value.type().kind().name();
        return ViewDefinition.of(name, ViewKind.PROJECT, RelSpec.scan(rows)
                .filter(Exprs.isNotNull(value))
                .project(col("node_id", DataType.STRING).as("entity_id"), string("path"), Exprs.val(key).as("prop_key"), Exprs.val(valueType).as("value_type"), typed));
    }

    private static Field<String> nodeId(String relation) {
        return col(relation, "node_id", DataType.STRING);
    }

    private static NamedField<String> string(String relation, String name) {
        return col(relation, name, DataType.STRING).as(name);
    }

    private static NamedField<String> string(String name) {
        return col(name, DataType.STRING).as(name);
    }

    private static Field<String> text(String name) {
        return col(name, DataType.STRING);
    }

    private static NamedField<Integer> int32(String relation, String name) {
        return col(relation, name, DataType.INT32).as(name);
    }

    private static Field<Integer> int32(String name) {
        return col(name, DataType.INT32);
    }

    private static NamedField<Boolean> bool(String relation, String name) {
        return col(relation, name, DataType.BOOLEAN).as(name);
    }

    private static Field<Boolean> bool(String name) {
        return col(name, DataType.BOOLEAN);
    }

    /**
     * A string literal typed {@code VARCHAR}: Calcite types a bare one {@code CHAR(n)}, so a CASE
     * over literals of different lengths is {@code CHAR} of the longest, and where the planner folds
     * the CASE to one branch (a filter fixes the kind) the value comes out blank-padded.
     */
    static Field<String> varchar(String value) {
        return Exprs.cast(Exprs.val(value), DataType.STRING);
    }
}
