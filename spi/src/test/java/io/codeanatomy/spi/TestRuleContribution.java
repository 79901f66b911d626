package io.codeanatomy.spi;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.spi.rule.RuleContribution;
import org.apache.calcite.rel.rules.CoreRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRuleContribution {
    @Test
    void carriesAStableIdAndPhase() {
        RuleContribution rule = new RuleContribution("bytespan.range-join", RulePhase.PHYSICAL, CoreRules.FILTER_MERGE, "");
        assertThat(rule.phase()).isEqualTo(RulePhase.PHYSICAL);
        assertThat(rule.rule()).isSameAs(CoreRules.FILTER_MERGE);
    }

    @Test
    void rejectsIdsThatAreNotStableNames() {
        assertThatThrownBy(() -> new RuleContribution("FilterMerge", RulePhase.LOGICAL, CoreRules.FILTER_MERGE, ""))
                .hasMessageContaining("'FilterMerge'");
        assertThatThrownBy(() -> new RuleContribution("", RulePhase.LOGICAL, CoreRules.FILTER_MERGE, "")).hasMessageContaining("lowercase letter");
        assertThat(PluginDescriptor.isValidId("delta-io.v2_x")).isTrue();
        assertThat(PluginDescriptor.isValidId(null)).isFalse();
    }
}
