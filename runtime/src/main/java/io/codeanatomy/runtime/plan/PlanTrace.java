package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.RulePhase;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the planner did: every rewrite of the rule-by-rule phases (the logical rules and the calc
 * rules that finish the physical plan) with the plan after it, the seed's {@code EXPLAIN VERBOSE};
 * and for the cost-based search, how many alternatives each rule produced (the chosen plan is
 * {@link PlannedQuery#physical()}).
 */
public record PlanTrace(List<RuleStep> steps, SortedMap<String, Integer> physicalProductions) {
    public PlanTrace {
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        physicalProductions = new TreeMap<>(requireNonNull(physicalProductions, "physicalProductions is null"));
    }

    /** Ids of the logical rules that fired, in firing order, with repeats. */
    public List<String> firedLogicalRules() {
        return steps.stream().filter(s -> s.phase() == RulePhase.LOGICAL).map(RuleStep::ruleId).toList();
    }

    /**
     * The SHA-256 of every step's plan, in firing order, each resuming from the digest of the lines
     * it shares with the step before ({@link PlanLines.Chain}); computed once per step.
     */
    public List<String> planHashes() {
        PlanLines.Chain hashes = new PlanLines.Chain();
        return steps.stream().map(step -> hashes.sha256(step.plan())).toList();
    }

    /** The logical steps, in firing order. */
    public List<RuleStep> logicalSteps() {
        return steps.stream().filter(s -> s.phase() == RulePhase.LOGICAL).toList();
    }
}
