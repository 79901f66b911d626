package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.RulePhase;

/** One rule that rewrote the plan, the phase it ran in, and the whole plan as it was right after. */
public record RuleStep(int sequence, String ruleId, RulePhase phase, PlanLines plan) {
    public RuleStep {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(plan, "plan is null");
    }

    /** A step whose plan is given as its whole text. */
    public RuleStep(int sequence, String ruleId, RulePhase phase, String planAfter) {
        this(sequence, ruleId, phase, PlanLines.ofText(planAfter));
    }

    /** The plan's text right after the rule. */
    public String planAfter() {
        return plan.text();
    }

    /** The SHA-256 of {@link #planAfter()}, computed once. */
    public String planHashAfter() {
        return plan.sha256();
    }
}
