package org.example.pytest;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.cpg.CpgView;
import io.codeanatomy.spi.extension.Extension;
import io.codeanatomy.spi.extension.ExtensionPoints;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import io.codeanatomy.spi.rule.RuleContribution;
import java.util.List;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * An example external plugin: a function telling pytest test names, an optimizer rule, and a CPG
 * view adding {@code PY_TEST_FUNCTION} nodes for the functions pytest would collect.
 */
public final class PytestPlugin implements Plugin {
    static final String ID = "example-pytest";
    static final FunctionSignature<Boolean> IS_TEST_NAME = FunctionSignature.scalar("is_test_name", DataType.BOOLEAN, DataType.STRING);
    static final String TEST_NODES = "example_pytest_test_nodes";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "0.1.0", "PY_TEST_FUNCTION nodes for the functions pytest collects").withSpi("[0.1,0.2)");
    }

    @Override
    public List<ScalarFunctionContribution> scalarFunctions() {
        return List.of(new ScalarFunctionContribution(IS_TEST_NAME, TestNames.class, "isTestName", "pytest's default test name rule"));
    }

    @Override
    public List<RuleContribution> optimizerRules() {
        // Merging stacked filters keeps rows as they are; the CPG view below filters twice.
        return List.of(new RuleContribution("example-pytest.merge-filters", RulePhase.LOGICAL, CoreRules.FILTER_MERGE,
                "two stacked filters become one"));
    }

    @Override
    public List<Extension<?>> extensions() {
        return List.of(ExtensionPoints.CPG_VIEWS.extension("test-functions", testFunctions()));
    }

    private static CpgView testFunctions() {
        InputRelation files = new InputRelation("py_files_v1", SchemaContract.of(1,
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("status", DataType.STRING)));
        InputRelation defs = new InputRelation("py_defs_v1", SchemaContract.of(1,
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64),
                ColumnContract.required("bend", DataType.INT64),
                ColumnContract.required("kind", DataType.STRING),
                ColumnContract.required("name", DataType.STRING)));
        Field<String> path = Exprs.col("d", "path", DataType.STRING);
        Field<Long> start = Exprs.col("d", "bstart", DataType.INT64);
        Field<Long> end = Exprs.col("d", "bend", DataType.INT64);
        Field<String> name = Exprs.col("d", "name", DataType.STRING);
        Field<String> kind = Exprs.val("PY_TEST_FUNCTION");
        RelSpec tests = RelSpec.scan("py_defs_v1", "d")
                .join(RelSpec.scan("py_files_v1", "f"), JoinType.INNER,
                        Exprs.col("d", "file_id", DataType.STRING).eq(Exprs.col("f", "file_id", DataType.STRING)))
                .filter(Exprs.col("f", "status", DataType.STRING).eq("OK")
                        .and(Exprs.col("d", "kind", DataType.STRING).in(List.of("FUNCTION", "ASYNC_FUNCTION"))))
                .filter(Exprs.condition(IS_TEST_NAME.call(name)))
                .project(
                        CpgExprs.stableId(path, start, end, kind).as("node_id"),
                        kind.as("node_kind"),
                        Exprs.col("d", "file_id", DataType.STRING).as("file_id"),
                        path.as("path"),
                        start.as("bstart"),
                        end.as("bend"),
                        name.as("name"));
        return CpgView.nodes(List.of(files, defs), List.of(ViewDefinition.of(TEST_NODES, ViewKind.PROJECT, tests)), List.of(TEST_NODES));
    }
}
