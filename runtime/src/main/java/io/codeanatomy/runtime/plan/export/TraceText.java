package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.PlanTrace;
import io.codeanatomy.runtime.plan.RuleStep;
import io.codeanatomy.runtime.result.UnifiedDiff;
import java.util.List;

/**
 * The planner's trace as text, the seed's {@code EXPLAIN VERBOSE}: every rule-by-rule rewrite
 * with its rule id and the unified diff it made to the plan (the first from the plan as
 * compiled, P0; the plan after each step is P0 with the diffs up to it applied), then how many
 * alternatives each rule added to the cost-based search. Holds no clock readings or per-JVM ids,
 * so two equal runs give equal text. Diffs, not whole plans: the call-resolution fixpoint's
 * ~1,000 firings of a ~700-line plan made a 76 MB trace, which the run report then read whole.
 */
public final class TraceText {
    private TraceText() {
    }

    public static String of(String compiledPlan, PlanTrace trace) {
        requireNonNull(compiledPlan, "compiledPlan is null");
        requireNonNull(trace, "trace is null");
        StringBuilder text = new StringBuilder();
        List<String> before = compiledPlan.lines().toList();
        for (RuleStep step : trace.steps()) {
            List<String> after = step.plan().diffLines();
            text.append("=== step ").append(step.sequence()).append(": ").append(step.ruleId())
                    .append(" (").append(step.phase().name().toLowerCase(java.util.Locale.ROOT)).append(")\n")
                    .append(UnifiedDiff.ofLines("before", before, "after", after));
            before = after;
        }
        text.append("=== cost-based search: alternatives produced per rule\n");
        trace.physicalProductions().forEach((rule, count) -> text.append(rule).append(' ').append(count).append('\n'));
        return text.toString();
    }
}
