package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.RulePhase;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptListener;
import org.apache.calcite.plan.RelOptRule;

/**
 * Records rule firings under their stable ids. In a rule-by-rule ({@code HepPlanner}) step the whole
 * plan is rendered after each firing: Hep reports a production once its graph is updated. In the
 * cost-based step only counts are kept, since Volcano explores alternatives rather than rewriting
 * one plan.
 */
final class PlanTracer implements RelOptListener {
    private final Map<RelOptRule, String> ids = new IdentityHashMap<>();
    private final List<RuleStep> steps = new ArrayList<>();
    private final Map<String, Integer> productions = new TreeMap<>();
    private RulePhase phase = RulePhase.LOGICAL;
    private Supplier<PlanLines> planText;

    PlanTracer(List<PlannerRule> rules) {
        for (PlannerRule rule : rules) {
            ids.put(rule.rule(), rule.id());
        }
    }

    /** Following firings rewrite one plan, whose text {@code currentPlanText} renders. */
    void enterRuleByRule(RulePhase phase, Supplier<PlanLines> currentPlanText) {
        this.phase = requireNonNull(phase, "phase is null");
        this.planText = requireNonNull(currentPlanText, "currentPlanText is null");
    }

    /** Following firings add alternatives to a cost-based search. */
    void enterCostBased() {
        this.phase = RulePhase.PHYSICAL;
        this.planText = null;
    }

    PlanTrace trace() {
        return new PlanTrace(steps, new TreeMap<>(productions));
    }

    @Override
    public void ruleProductionSucceeded(RuleProductionEvent event) {
        if (event.isBefore()) {
            return;
        }
        RelOptRule rule = event.getRuleCall().getRule();
        String id = ids.getOrDefault(rule, "unregistered:" + rule);
        if (planText != null) {
            steps.add(new RuleStep(steps.size() + 1, id, phase, planText.get()));
        } else {
            productions.merge(id, 1, Integer::sum);
        }
    }

    @Override
    public void relEquivalenceFound(RelEquivalenceEvent event) {
    }

    @Override
    public void ruleAttempted(RuleAttemptedEvent event) {
    }

    @Override
    public void relDiscarded(RelDiscardedEvent event) {
    }

    @Override
    public void relChosen(RelChosenEvent event) {
    }
}
