package io.codeanatomy.runtime.plan;

import io.codeanatomy.api.plan.RulePhase;
import static java.util.Objects.requireNonNull;

import org.apache.calcite.plan.RelOptRule;

/**
 * A rule with the stable id under which traces report it and runs disable it, and the phase it runs
 * in. Built-in Calcite rules are named {@code calcite.<CoreRules field>}; plugin rules keep the id
 * their plugin declares.
 */
public record PlannerRule(String id, RulePhase phase, RelOptRule rule) {
    public PlannerRule {
        requireNonNull(id, "id is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(rule, "rule is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("rule id is blank");
        }
    }
}
