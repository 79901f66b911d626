package io.codeanatomy.spi.extension;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.spi.cpg.CpgView;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.function.AggregateFunctionContribution;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import io.codeanatomy.spi.rule.RuleContribution;
import io.codeanatomy.spi.table.TableProvider;
import io.codeanatomy.spi.write.Materializer;
import java.util.List;

/**
 * The runtime's own extension points. The typed methods of {@link io.codeanatomy.spi.Plugin}
 * ({@code scalarFunctions()}, {@code optimizerRules()}, ...) contribute to these, named by the
 * function name, rule id, format or extractor id; {@link io.codeanatomy.spi.Plugin#extensions()}
 * may contribute to them directly too, e.g. {@link #CPG_VIEWS}.
 */
public final class ExtensionPoints {
    public static final ExtensionPoint<ScalarFunctionContribution> SCALAR_FUNCTIONS = ExtensionPoint.many(
            "codeanatomy:scalar-functions", ScalarFunctionContribution.class, "scalar functions callable by name");
    public static final ExtensionPoint<AggregateFunctionContribution> AGGREGATE_FUNCTIONS = ExtensionPoint.many(
            "codeanatomy:aggregate-functions", AggregateFunctionContribution.class, "aggregate functions callable by name");
    public static final ExtensionPoint<RuleContribution> LOGICAL_RULES = ExtensionPoint.many(
            "codeanatomy:rules.logical", RuleContribution.class, "optimizer rules of the logical phase");
    public static final ExtensionPoint<RuleContribution> PHYSICAL_RULES = ExtensionPoint.many(
            "codeanatomy:rules.physical", RuleContribution.class, "optimizer rules of the physical phase");
    public static final ExtensionPoint<TableProvider> TABLE_PROVIDERS = ExtensionPoint.many(
            "codeanatomy:table-providers", TableProvider.class, "readers of stored tables, the first that can open a location wins");
    public static final ExtensionPoint<Materializer> MATERIALIZERS = ExtensionPoint.many(
            "codeanatomy:materializers", Materializer.class, "writers of output tables, one per format");
    public static final ExtensionPoint<Extractor> EXTRACTORS = ExtensionPoint.many(
            "codeanatomy:extractors", Extractor.class, "producers of extraction tables from source trees");
    public static final ExtensionPoint<CpgView> CPG_VIEWS = ExtensionPoint.many(
            "codeanatomy:cpg-views", CpgView.class, "node, edge and property views added to the built-in CPG spec");

    /** All of the above, in this order. */
    public static final List<ExtensionPoint<?>> ALL = List.of(SCALAR_FUNCTIONS, AGGREGATE_FUNCTIONS, LOGICAL_RULES, PHYSICAL_RULES,
            TABLE_PROVIDERS, MATERIALIZERS, EXTRACTORS, CPG_VIEWS);

    private ExtensionPoints() {
    }

    /** The point of the rules run in {@code phase}. */
    public static ExtensionPoint<RuleContribution> rules(RulePhase phase) {
        return switch (phase) {
            case LOGICAL -> LOGICAL_RULES;
            case PHYSICAL -> PHYSICAL_RULES;
        };
    }
}
