package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.api.result.RuleState;
import io.codeanatomy.runtime.plan.BuiltinRules;
import io.codeanatomy.runtime.plan.PlannerRule;
import io.codeanatomy.runtime.plugin.PluginCatalog;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.rule.RuleContribution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every optimizer rule a session knows, in the order the planner runs them (sub-query rules,
 * built-in logical, plugin logical, built-in physical, plugin physical, calc), each with its origin
 * and whether the run's config leaves it on. What the envelope records and {@code codeanatomy rules}
 * lists.
 */
final class SessionRules {
    private SessionRules() {
    }

    static List<RuleState> of(PluginCatalog catalog, SessionConfig config) {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(config, "config is null");
        Set<String> disabled = config.effectiveDisabledRules();
        List<RuleState> states = new ArrayList<>();
        builtin(BuiltinRules.subqueries(), disabled, states);
        builtin(BuiltinRules.logical(), disabled, states);
        contributed(catalog, RulePhase.LOGICAL, disabled, states);
        builtin(BuiltinRules.physical(), disabled, states);
        contributed(catalog, RulePhase.PHYSICAL, disabled, states);
        builtin(BuiltinRules.calc(), disabled, states);
        return List.copyOf(states);
    }

    /**
     * Fails, naming them, if the config enables rules no one provides; disabled ids are checked by
     * the planner, which knows the same rules.
     */
    static void checkEnabled(PluginCatalog catalog, SessionConfig config) {
        Set<String> known = new HashSet<>();
        of(catalog, config.withEnabledRules(Set.of())).forEach(rule -> known.add(rule.id()));
        Set<String> unknown = new TreeSet<>(config.enabledRules());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cannot enable unknown optimizer rule(s) " + unknown
                    + "; 'codeanatomy rules' lists the known ones.");
        }
    }

    private static void builtin(List<PlannerRule> rules, Set<String> disabled, List<RuleState> into) {
        for (PlannerRule rule : rules) {
            into.add(new RuleState(rule.id(), rule.phase(), RuleState.BUILTIN, !disabled.contains(rule.id())));
        }
    }

    private static void contributed(PluginCatalog catalog, RulePhase phase, Set<String> disabled, List<RuleState> into) {
        for (Plugin plugin : catalog.plugins()) {
            for (RuleContribution rule : plugin.optimizerRules()) {
                if (rule.phase() == phase) {
                    into.add(new RuleState(rule.id(), phase, plugin.descriptor().id(), !disabled.contains(rule.id())));
                }
            }
        }
    }
}
