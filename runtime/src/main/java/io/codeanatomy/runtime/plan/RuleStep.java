package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.RulePhase;

/** One rule that rewrote the plan, the phase it ran in, and the whole plan as it was right after. */
public record RuleStep(int sequence, String ruleId, RulePhase phase, String planAfter) {
    public RuleStep {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(planAfter, "planAfter is null");
    }
}
