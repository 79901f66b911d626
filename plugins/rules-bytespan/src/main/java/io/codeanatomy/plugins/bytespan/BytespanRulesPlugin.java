package io.codeanatomy.plugins.bytespan;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.rule.RuleContribution;
import java.util.List;

/** Optimizer rules for byte-span predicates. Depends on the span functions it rewrites. */
public final class BytespanRulesPlugin implements Plugin {
    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("rules-bytespan", "0.1.0",
            "optimizer rules for byte-span predicates", List.of("udf-spans"));

    /** The id of the rule choosing {@link EnumerableSpanJoin}. */
    public static final String SPAN_JOIN = "bytespan.span-join";

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<RuleContribution> optimizerRules() {
        return List.of(
                new RuleContribution("bytespan.expand-span-predicates-filter", RulePhase.LOGICAL, ExpandSpanPredicatesRule.onFilter(),
                        "byte_span_contains / byte_span_overlaps conjuncts of a filter become comparisons the optimizer can push"),
                new RuleContribution("bytespan.expand-span-predicates-join", RulePhase.LOGICAL, ExpandSpanPredicatesRule.onJoin(),
                        "byte_span_contains / byte_span_overlaps conjuncts of a join condition become comparisons beside its equi-keys"),
                new RuleContribution(SPAN_JOIN, RulePhase.PHYSICAL, SpanJoinRule.create(),
                        "an inner join on same file and span containment or overlap runs as a sort and sweep per file"));
    }
}
