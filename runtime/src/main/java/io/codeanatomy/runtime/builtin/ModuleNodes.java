package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.cpg.QNames;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.List;

/**
 * Module nodes: one {@code PY_MODULE} per file that parses ({@code status = 'OK'}, as for
 * definitions: a file with a syntax error is no module Python can import), spanning the whole file.
 * {@code qualified_name} is the importable dotted name the extractor derived from the tree
 * ({@code py_files_v1.module_name}: {@code pkg.mod}, a package's {@code __init__.py} named as the
 * package), {@code name} its last component; both are null for a file that cannot be imported by
 * name ({@code my-dir/x.py}), which is still a module when run as a script.
 */
public final class ModuleNodes implements CpgPart {
    public static final String MODULE_NODES = "module_nodes";

    @Override
    public List<InputRelation> inputs() {
        return List.of(DefinitionNodes.filesInput());
    }

    @Override
    public List<ViewDefinition> views() {
        Field<String> path = col("m", "path", DataType.STRING);
        Field<Long> size = col("m", "size", DataType.INT64);
        Field<String> moduleName = col("m", "module_name", DataType.STRING);
        Field<String> kind = Exprs.val("PY_MODULE");
        Field<Long> zero = Exprs.val(0L);
        RelSpec modules = RelSpec.scan(DefinitionNodes.FILES, "m")
                .filter(col("m", "status", DataType.STRING).eq("OK"))
                .project(
                        CpgExprs.stableId(path, zero, size, kind).as("node_id"),
                        kind.as("node_kind"),
                        col("m", "file_id", DataType.STRING).as("file_id"),
                        path.as("path"),
                        zero.as("bstart"),
                        size.as("bend"),
                        Exprs.when(Exprs.isNull(moduleName), Exprs.nullOf(DataType.STRING))
                                .otherwise(QNames.leaf(moduleName)).as("name"),
                        moduleName.as("qualified_name"));
        return List.of(ViewDefinition.of(MODULE_NODES, ViewKind.PROJECT, modules));
    }

    @Override
    public boolean fileLocal() {
        return true;
    }

    @Override
    public List<String> nodeViews() {
        return List.of(MODULE_NODES);
    }
}
