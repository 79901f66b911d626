package io.codeanatomy.spi.rule;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.spi.PluginDescriptor;
import org.apache.calcite.plan.RelOptRule;

import static java.util.Objects.requireNonNull;

/**
 * An optimizer rule with a stable id, run by the session in {@code phase}. The id names the rule
 * in plan traces and is what a run uses to disable it.
 *
 * @param id stable id, e.g. {@code bytespan.overlap-to-range-join}: lowercase, digits, {@code . _ -}
 * @param phase when the rule runs
 * @param rule the Calcite rule
 * @param description one line for people
 */
public record RuleContribution(String id, RulePhase phase, RelOptRule rule, String description) {
    public RuleContribution {
        requireNonNull(id, "id is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(description, "description is null");
        if (!PluginDescriptor.isValidId(id)) {
            throw new IllegalArgumentException("The rule id '" + id + "' must start with a lowercase letter and use only a-z, 0-9, '.', '_' and '-'.");
        }
    }
}
