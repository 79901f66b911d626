package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.PlanTrace;
import io.codeanatomy.runtime.plan.RuleStep;

/**
 * The planner's trace as text, the seed's {@code EXPLAIN VERBOSE}: every rule-by-rule rewrite
 * with its rule id and the whole plan after it, then how many alternatives each rule added to the
 * cost-based search. Holds no clock readings or per-JVM ids, so two equal runs give equal text.
 */
public final class TraceText {
    private TraceText() {
    }

    public static String of(PlanTrace trace) {
        requireNonNull(trace, "trace is null");
        StringBuilder text = new StringBuilder();
        for (RuleStep step : trace.steps()) {
            text.append("=== step ").append(step.sequence()).append(": ").append(step.ruleId())
                    .append(" (").append(step.phase().name().toLowerCase(java.util.Locale.ROOT)).append(")\n")
                    .append(step.planAfter());
            if (!step.planAfter().endsWith("\n")) {
                text.append('\n');
            }
        }
        text.append("=== cost-based search: alternatives produced per rule\n");
        trace.physicalProductions().forEach((rule, count) -> text.append(rule).append(' ').append(count).append('\n'));
        return text.toString();
    }
}
