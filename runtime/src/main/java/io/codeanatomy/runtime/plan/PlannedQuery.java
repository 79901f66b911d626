package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.PlanBundle;
import io.codeanatomy.api.plan.RuleFiring;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/**
 * A plan at its three stages: as compiled (P0), after the logical rules (P1, the regression
 * fingerprint) and as Enumerable operators (P2), with the planner's trace.
 */
public record PlannedQuery(RelNode compiled, RelNode optimized, EnumerableRel physical, PlanTrace trace) {
    public PlannedQuery {
        requireNonNull(compiled, "compiled is null");
        requireNonNull(optimized, "optimized is null");
        requireNonNull(physical, "physical is null");
        requireNonNull(trace, "trace is null");
    }

    public String compiledText() {
        return RelOptUtil.toString(compiled);
    }

    public String optimizedText() {
        return RelOptUtil.toString(optimized);
    }

    public String physicalText() {
        return RelOptUtil.toString(physical);
    }

    /** The plans as text with their hashes and the hash-chained rule trace, as runs record them. */
    public PlanBundle bundle() {
        List<RuleFiring> firings = new ArrayList<>();
        List<String> hashes = trace.planHashes();
        for (int i = 0; i < hashes.size(); i++) {
            RuleStep step = trace.steps().get(i);
            firings.add(new RuleFiring(step.ruleId(), step.phase(), hashes.get(i)));
        }
        return PlanBundle.of(compiledText(), optimizedText(), physicalText(), firings);
    }
}
