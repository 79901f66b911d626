package io.codeanatomy.api.result;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.RulePhase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer rule as a session had it: its stable id, phase, who contributed it and whether this
 * run ran it.
 *
 * @param id the rule's stable id
 * @param phase the phase it runs in
 * @param origin {@code calcite} for built-in rules, else the contributing plugin's id
 * @param enabled whether the run used it
 */
public record RuleState(String id, RulePhase phase, String origin, boolean enabled) {
    /** The origin of the rules the runtime itself configures. */
    public static final String BUILTIN = "calcite";

    public RuleState {
        requireNonNull(id, "id is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(origin, "origin is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A rule needs a non-blank id.");
        }
    }

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", id);
        tree.put("phase", phase.name());
        tree.put("origin", origin);
        tree.put("enabled", enabled);
        return tree;
    }
}
