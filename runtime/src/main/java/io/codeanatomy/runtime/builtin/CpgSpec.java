package io.codeanatomy.runtime.builtin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.SemanticSpecBuilder;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in CPG spec, assembled from its {@link CpgPart}s in a fixed order: each part's inputs
 * (merged by table and column name) and views, then one union by name per output over the parts'
 * node, edge and property views, projected to the output's contract.
 */
public final class CpgSpec {
    public static final String NAME = "cpg";
    public static final String VERSION = "2.0.0";
    public static final String NODES_OUTPUT = "cpg_nodes";

    /** The contract of {@code cpg_nodes}. */
    public static final SchemaContract NODES = SchemaContract.of(1,
            ColumnContract.required("node_id", DataType.STRING),
            ColumnContract.required("node_kind", DataType.STRING),
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.required("bstart", DataType.INT64),
            ColumnContract.required("bend", DataType.INT64),
            ColumnContract.optional("name", DataType.STRING));

    private CpgSpec() {
    }

    /** The parts of the built-in spec, in assembly order. */
    public static List<CpgPart> parts() {
        return List.of(new DefinitionNodes(), new ScopeBindings());
    }

    public static SemanticSpec spec() {
        return assemble(parts());
    }

    /** Assembles {@code parts} into one spec. */
    public static SemanticSpec assemble(List<CpgPart> parts) {
        requireNonNull(parts, "parts is null");
        SemanticSpecBuilder builder = SemanticSpec.builder(NAME, VERSION);
        mergeInputs(parts).forEach(builder::input);
        List<String> nodeViews = new ArrayList<>();
        for (CpgPart part : parts) {
            part.views().forEach(builder::view);
            nodeViews.addAll(part.nodeViews());
        }
        addOutput(builder, NODES_OUTPUT, "nodes", nodeViews, NODES);
        return builder.build();
    }

    /** Stacks {@code views} by name and projects the result onto the contract's columns, in order. */
    private static void addOutput(SemanticSpecBuilder builder, String output, String view, List<String> views, SchemaContract contract) {
        if (views.isEmpty()) {
            throw new IllegalStateException("no part contributes a view to " + output);
        }
        RelSpec stacked = views.size() == 1
                ? RelSpec.scan(views.get(0))
                : RelSpec.unionAllByName(views.stream().map(RelSpec::scan).toArray(RelSpec[]::new));
        List<NamedField<?>> columns = new ArrayList<>();
        for (ColumnContract column : contract.columns()) {
            columns.add(Exprs.col(column.name(), column.type()).as(column.name()));
        }
        builder.view(ViewDefinition.of(view, ViewKind.UNION, stacked.project(columns)));
        builder.output(output, view, "cpg/" + output, WriteMode.CREATE, contract);
    }

    /** One input per table, with the union of the columns the parts ask for (same type required). */
    static List<InputRelation> mergeInputs(List<CpgPart> parts) {
        Map<String, Map<String, ColumnContract>> tables = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (CpgPart part : parts) {
            for (InputRelation input : part.inputs()) {
                Map<String, ColumnContract> columns = tables.computeIfAbsent(input.name(), k -> new LinkedHashMap<>());
                versions.putIfAbsent(input.name(), input.schema().version());
                for (ColumnContract column : input.schema().columns()) {
                    ColumnContract known = columns.putIfAbsent(column.name(), column);
                    if (known != null && !known.type().equals(column.type())) {
                        throw new IllegalStateException("parts of the CPG spec disagree on the type of "
                                + input.name() + "." + column.name() + ": " + known + " and " + column);
                    }
                }
            }
        }
        List<InputRelation> merged = new ArrayList<>();
        tables.forEach((table, columns) -> merged.add(new InputRelation(table,
                new SchemaContract(versions.get(table), List.copyOf(columns.values())))));
        return merged;
    }
}
