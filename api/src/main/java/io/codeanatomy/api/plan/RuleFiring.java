package io.codeanatomy.api.plan;

import io.codeanatomy.api.canonical.Sha256;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One rule application recorded by the planner: which rule, in which phase, and the hash of the
 * plan text right after it.
 *
 * @param ruleId the rule's stable id
 * @param phase the phase it ran in
 * @param planHashAfter SHA-256 hex of the plan text after the rule fired
 */
public record RuleFiring(String ruleId, RulePhase phase, String planHashAfter) {
    public RuleFiring {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(phase, "phase is null");
        Sha256.requireHex(planHashAfter, "planHashAfter");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("A rule firing needs a non-blank rule id.");
        }
    }

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("ruleId", ruleId);
        tree.put("phase", phase);
        tree.put("planHashAfter", planHashAfter);
        return tree;
    }
}
