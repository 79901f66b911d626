package io.codeanatomy.spi;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.spi.function.AggregateFunctionContribution;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import io.codeanatomy.spi.rule.RuleContribution;
import org.apache.calcite.rel.rules.CoreRules;

import java.util.List;

/** A plugin registered in the test resources' service file, contributing one of a few kinds. */
public final class TestingPlugin implements Plugin {
    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("testing", "1.0.0", "Contributions for SPI tests.", List.of("core"));
    }

    @Override
    public List<ScalarFunctionContribution> scalarFunctions() {
        return List.of(new ScalarFunctionContribution(TestingFunctions.SPAN_LENGTH, TestingFunctions.class, "spanLength", "bend - bstart"));
    }

    @Override
    public List<AggregateFunctionContribution> aggregateFunctions() {
        return List.of(new AggregateFunctionContribution(TestingFunctions.LONGEST_SPAN, TestingFunctions.LongestSpan.class, "largest bend - bstart"));
    }

    @Override
    public List<RuleContribution> optimizerRules() {
        return List.of(new RuleContribution("testing.filter-merge", RulePhase.LOGICAL, CoreRules.FILTER_MERGE, "merges stacked filters"));
    }
}
