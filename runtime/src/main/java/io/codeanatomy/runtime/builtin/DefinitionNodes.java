package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.cpg.QNames;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.List;

/**
 * File and definition nodes: one {@code PY_FILE} per file (spanning the whole file) and one node per
 * function or class definition ({@code PY_FUNCTION} for {@code def} and {@code async def},
 * {@code PY_CLASS}). Definitions count only in files that parse ({@code status = 'OK'}): for a
 * file with a syntax error CPython's {@code ast} has no definitions, and neither has the graph,
 * although the extractor keeps what its error recovery found. Node ids are the stable ids of
 * {@code path, bstart, bend, node_kind} ({@link CpgExprs#stableId}). A definition's
 * {@code qualified_name} is its module's name ({@code py_files_v1.module_name}), a dot and CPython's
 * {@code __qualname__} ({@code pkg.mod.C.f.<locals>.g}); null in a file that cannot be imported by
 * name. A file node has none: the module node ({@link ModuleNodes}) carries the module's name.
 */
public final class DefinitionNodes implements CpgPart {
    public static final String FILES = "py_files_v1";
    public static final String DEFS = "py_defs_v1";
    public static final String FILE_NODES = "file_nodes";
    public static final String DEF_NODES = "def_nodes";

    @Override
    public List<InputRelation> inputs() {
        return List.of(
                filesInput(),
                SpannedInput.of(DEFS,
                        ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("name", DataType.STRING),
                        ColumnContract.required("qualname", DataType.STRING)));
    }

    /** The columns of {@code py_files_v1} that file, definition and module nodes read. */
    static InputRelation filesInput() {
        return new InputRelation(FILES, SchemaContract.of(1,
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("size", DataType.INT64),
                ColumnContract.required("status", DataType.STRING),
                ColumnContract.optional("module_name", DataType.STRING)));
    }

    @Override
    public List<ViewDefinition> views() {
        Field<String> filePath = col("f", "path", DataType.STRING);
        Field<Long> fileSize = col("f", "size", DataType.INT64);
        Field<String> fileKind = Exprs.val("PY_FILE");
        Field<Long> zero = Exprs.val(0L);
        RelSpec fileNodes = RelSpec.scan(FILES, "f").project(
                CpgExprs.stableId(filePath, zero, fileSize, fileKind).as("node_id"),
                fileKind.as("node_kind"),
                col("f", "file_id", DataType.STRING).as("file_id"),
                filePath.as("path"),
                zero.as("bstart"),
                fileSize.as("bend"),
                Exprs.nullOf(DataType.STRING).as("name"),
                Exprs.nullOf(DataType.STRING).as("qualified_name"));

        Field<String> defKind = col("d", "kind", DataType.STRING);
        Field<String> defPath = col("d", "path", DataType.STRING);
        Field<Long> defStart = col("d", "bstart", DataType.INT64);
        Field<Long> defEnd = col("d", "bend", DataType.INT64);
        Field<String> nodeKind = Exprs.when(defKind.eq("CLASS"), Exprs.val("PY_CLASS")).otherwise(Exprs.val("PY_FUNCTION"));
        RelSpec defNodes = RelSpec.scan(DEFS, "d")
                .join(RelSpec.scan(FILES, "f"), JoinType.INNER, col("d", "file_id", DataType.STRING).eq(col("f", "file_id", DataType.STRING)))
                .filter(defKind.in(List.of("FUNCTION", "ASYNC_FUNCTION", "CLASS")).and(col("f", "status", DataType.STRING).eq("OK")))
                .project(
                        CpgExprs.stableId(defPath, defStart, defEnd, nodeKind).as("node_id"),
                        nodeKind.as("node_kind"),
                        col("d", "file_id", DataType.STRING).as("file_id"),
                        defPath.as("path"),
                        defStart.as("bstart"),
                        defEnd.as("bend"),
                        col("d", "name", DataType.STRING).as("name"),
                        qualifiedName(col("f", "module_name", DataType.STRING), col("d", "qualname", DataType.STRING))
                                .as("qualified_name"));
        return List.of(
                ViewDefinition.of(FILE_NODES, ViewKind.PROJECT, fileNodes),
                ViewDefinition.of(DEF_NODES, ViewKind.PROJECT, defNodes));
    }

    /** {@code module.qualname}, null when the module has no name. */
    static Field<String> qualifiedName(Field<String> moduleName, Field<String> qualname) {
        return Exprs.when(Exprs.isNull(moduleName), Exprs.nullOf(DataType.STRING))
                .otherwise(QNames.join(moduleName, qualname));
    }

    @Override
    public boolean fileLocal() {
        return true;
    }

    @Override
    public List<String> nodeViews() {
        return List.of(FILE_NODES, DEF_NODES);
    }
}
