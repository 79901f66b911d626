package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.List;
import java.util.Map;

/**
 * Def/use edges between name occurrences, bindings and what binds them: {@code READS},
 * {@code WRITES} and {@code DELETES} from a {@code PY_NAME} to the binding of its symbol in the
 * scope CPython's symbol table puts it in, and {@code DEFINES} from a binding to the function,
 * class, parameter or import alias whose name binds it. The binding is found by
 * {@code (scope_id, symbol)} in the {@value #BINDINGS} view of the scopes-and-bindings part,
 * whose {@code binding_id} is the {@code PY_BINDING} node id; a {@code FREE} or global binding
 * reaches the one it refers to over that part's {@code RESOLVES_TO} edge.
 *
 * <p>Reads the views of {@link StructureGraph} and of the scopes-and-bindings part, so it is
 * assembled after both and only together with them.
 */
public final class DefUseEdges implements CpgPart {
    /** The bindings view this part joins: {@code binding_id, scope_id, symbol}, one row per (scope, symbol). */
    public static final String BINDINGS = "py_bindings";
    public static final String NAME_BINDINGS = "defuse_name_bindings";
    public static final String INTRODUCED = "defuse_introduced";
    public static final String USES = "defuse_uses";
    public static final String DEFINES = "defuse_defines";

    @Override
    public List<InputRelation> inputs() {
        return List.of();
    }

    @Override
    public List<ViewDefinition> views() {
        RelSpec nameBindings = RelSpec.scan(StructureGraph.NAME_ROWS, "n")
                .join(RelSpec.scan(BINDINGS, "b"), JoinType.INNER,
                        col("n", "scope_id", DataType.STRING).eq(col("b", "scope_id", DataType.STRING))
                                .and(col("n", "symbol", DataType.STRING).eq(col("b", "symbol", DataType.STRING))))
                .project(col("n", "node_id", DataType.STRING).as("name_node_id"),
                        col("b", "binding_id", DataType.STRING).as("binding_id"),
                        col("n", "ctx", DataType.STRING).as("ctx"),
                        col("n", "introduced_id", DataType.STRING).as("introduced_id"),
                        col("n", "path", DataType.STRING).as("path"),
                        col("n", "bstart", DataType.INT64).as("bstart"),
                        col("n", "bend", DataType.INT64).as("bend"));

        Field<String> ctx = col("ctx", DataType.STRING);
        Field<String> useKind = CpgExprs.semanticTypeCase(ctx, List.of(
                Map.entry("LOAD", StructureGraph.varchar("READS")),
                Map.entry("STORE", StructureGraph.varchar("WRITES"))), StructureGraph.varchar("DELETES"));
        RelSpec uses = RelSpec.scan(NAME_BINDINGS)
                .filter(ctx.in(List.of("LOAD", "STORE", "DEL")))
                .project(useKind.as("edge_kind"),
                        col("name_node_id", DataType.STRING).as("src_node_id"),
                        col("binding_id", DataType.STRING).as("dst_node_id"),
                        col("path", DataType.STRING).as("path"),
                        col("bstart", DataType.INT64).as("bstart"),
                        col("bend", DataType.INT64).as("bend"),
                        Exprs.val("syntax").as("origin"),
                        Exprs.val(1.0).as("confidence"));

        // The extraction id of every row a name occurrence can introduce, with its node id; a
        // global/nonlocal declaration introduces no node and drops out of the join.
        RelSpec introduced = RelSpec.unionAll(
                RelSpec.scan(StructureGraph.DEF_ROWS).project(col("def_id", DataType.STRING).as("entity_id"),
                        col("node_id", DataType.STRING).as("node_id")),
                RelSpec.scan(StructureGraph.PARAM_ROWS).project(col("param_id", DataType.STRING).as("entity_id"),
                        col("node_id", DataType.STRING).as("node_id")),
                RelSpec.scan(StructureGraph.IMPORT_ROWS).project(col("import_id", DataType.STRING).as("entity_id"),
                        col("node_id", DataType.STRING).as("node_id")));
        RelSpec defines = RelSpec.scan(NAME_BINDINGS, "u")
                .join(RelSpec.scan(INTRODUCED, "i"), JoinType.INNER,
                        col("u", "introduced_id", DataType.STRING).eq(col("i", "entity_id", DataType.STRING)))
                .project(Exprs.val("DEFINES").as("edge_kind"),
                        col("u", "binding_id", DataType.STRING).as("src_node_id"),
                        col("i", "node_id", DataType.STRING).as("dst_node_id"),
                        col("u", "path", DataType.STRING).as("path"),
                        col("u", "bstart", DataType.INT64).as("bstart"),
                        col("u", "bend", DataType.INT64).as("bend"),
                        Exprs.val("syntax").as("origin"),
                        Exprs.val(1.0).as("confidence"));
        return List.of(
                ViewDefinition.of(NAME_BINDINGS, ViewKind.JOIN, nameBindings),
                ViewDefinition.of(USES, ViewKind.PROJECT, uses),
                ViewDefinition.of(INTRODUCED, ViewKind.UNION, introduced),
                ViewDefinition.of(DEFINES, ViewKind.JOIN, defines));
    }

    @Override
    public boolean fileLocal() {
        return true;
    }

    @Override
    public List<String> edgeViews() {
        return List.of(USES, DEFINES);
    }
}
