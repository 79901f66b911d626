package io.codeanatomy.runtime.plan;

import io.codeanatomy.api.plan.RulePhase;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;

/**
 * The session's planner programs. Each phase runs the built-in rules first, then the plugin rules of
 * that phase, minus the rules disabled for this run. Plans must come from a cluster made by
 * {@link PlanningCluster}, whose planner is the Volcano planner of the physical phase.
 */
public final class QueryPlanner {
    private final List<PlannerRule> subqueries;
    private final List<PlannerRule> builtinLogical;
    private final List<PlannerRule> pluginLogical;
    private final List<PlannerRule> physical;
    private final List<PlannerRule> calc;

    private QueryPlanner(List<PlannerRule> subqueries, List<PlannerRule> builtinLogical, List<PlannerRule> pluginLogical, List<PlannerRule> physical,
            List<PlannerRule> calc) {
        this.subqueries = List.copyOf(subqueries);
        this.builtinLogical = List.copyOf(builtinLogical);
        this.pluginLogical = List.copyOf(pluginLogical);
        this.physical = List.copyOf(physical);
        this.calc = List.copyOf(calc);
    }

    /**
     * @param pluginRules rules contributed by plugins, in plugin order
     * @param disabledRuleIds ids of built-in or plugin rules to leave out of this run
     * @throws IllegalArgumentException if two rules share an id or a disabled id names no rule
     */
    public static QueryPlanner create(List<PlannerRule> pluginRules, Collection<String> disabledRuleIds) {
        requireNonNull(pluginRules, "pluginRules is null");
        requireNonNull(disabledRuleIds, "disabledRuleIds is null");
        List<PlannerRule> all = new ArrayList<>(BuiltinRules.subqueries());
        all.addAll(BuiltinRules.logical());
        all.addAll(BuiltinRules.physical());
        all.addAll(BuiltinRules.calc());
        all.addAll(pluginRules);
        Set<String> ids = new HashSet<>();
        for (PlannerRule rule : all) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("two optimizer rules have the id '" + rule.id() + "'; rule ids must be unique");
            }
        }
        Set<String> unknown = new TreeSet<>(disabledRuleIds);
        unknown.removeAll(ids);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cannot disable unknown optimizer rule(s) " + unknown
                    + "; known rules: " + new TreeSet<>(ids));
        }
        Set<String> disabled = Set.copyOf(disabledRuleIds);
        List<PlannerRule> physical = new ArrayList<>(BuiltinRules.physical());
        physical.addAll(ofPhase(pluginRules, RulePhase.PHYSICAL));
        return new QueryPlanner(
                enabled(BuiltinRules.subqueries(), disabled),
                enabled(BuiltinRules.logical(), disabled),
                enabled(ofPhase(pluginRules, RulePhase.LOGICAL), disabled),
                enabled(physical, disabled),
                enabled(BuiltinRules.calc(), disabled));
    }

    /**
     * The rules this planner runs, in execution order: logical built-in, logical plugin, physical
     * (built-in, then plugin), and the calc rules that finish the physical plan.
     */
    public List<PlannerRule> activeRules() {
        List<PlannerRule> all = new ArrayList<>(subqueries);
        all.addAll(builtinLogical);
        all.addAll(pluginLogical);
        all.addAll(physical);
        all.addAll(calc);
        return List.copyOf(all);
    }

    public PlannedQuery plan(RelNode compiled) {
        requireNonNull(compiled, "compiled is null");
        if (!(compiled.getCluster().getPlanner() instanceof VolcanoPlanner volcano)) {
            throw new IllegalArgumentException("plan was not built on a PlanningCluster");
        }
        PlanningCluster.enter(compiled.getCluster());
        PlanTracer tracer = new PlanTracer(activeRules());
        RelNode optimized = logical(compiled, tracer);
        EnumerableRel physical = physical(optimized, volcano, tracer);
        return new PlannedQuery(compiled, optimized, physical, tracer.trace());
    }

    private RelNode logical(RelNode compiled, PlanTracer tracer) {
        RelNode root = compiled;
        if (containsSubQuery(compiled)) {
            root = runHep(List.of(subqueries), root, RulePhase.LOGICAL, tracer);
            root = RelDecorrelator.decorrelateQuery(root, RelFactories.LOGICAL_BUILDER.create(root.getCluster(), null));
        }
        return runHep(List.of(builtinLogical, pluginLogical), root, RulePhase.LOGICAL, tracer);
    }

    /** Whether any node of the tree has a sub-query expression (the finder looks at one node only). */
    private static boolean containsSubQuery(RelNode node) {
        boolean here = node instanceof Filter filter && RexUtil.SubQueryFinder.containsSubQuery(filter)
                || node instanceof Project project && RexUtil.SubQueryFinder.containsSubQuery(project)
                || node instanceof Join join && RexUtil.SubQueryFinder.containsSubQuery(join);
        if (here) {
            return true;
        }
        return node.getInputs().stream().anyMatch(QueryPlanner::containsSubQuery);
    }

    private static RelNode runHep(List<List<PlannerRule>> groups, RelNode root, RulePhase phase, PlanTracer tracer) {
        HepProgramBuilder program = HepProgram.builder();
        for (List<PlannerRule> group : groups) {
            if (!group.isEmpty()) {
                program.addRuleCollection(group.stream().map(PlannerRule::rule).toList());
            }
        }
        HepPlanner hep = new HepPlanner(program.build());
        hep.setExecutor(RexUtil.EXECUTOR);
        hep.addListener(tracer);
        hep.setRoot(root);
        PlanText text = new PlanText();
        tracer.enterRuleByRule(phase, () -> text.of(requireNonNull(hep.getRoot(), "root")));
        return hep.findBestExp();
    }

    private EnumerableRel physical(RelNode optimized, VolcanoPlanner volcano, PlanTracer tracer) {
        // With the semi-naive rule disabled (A/B), fixpoints take their plain Calcite form.
        RelNode input = physical.stream().anyMatch(rule -> rule.id().equals(BuiltinRules.SEMI_NAIVE_FIXPOINT))
                ? optimized : RepeatUnionFallback.rewrite(optimized);
        volcano.clear();
        for (PlannerRule rule : physical) {
            volcano.addRule(rule.rule());
        }
        tracer.enterCostBased();
        volcano.addListener(tracer);
        RelOptPlanner planner = volcano;
        RelNode root = planner.changeTraits(input, input.getTraitSet().replace(EnumerableConvention.INSTANCE));
        planner.setRoot(root);
        RelNode best = runHep(List.of(calc), planner.findBestExp(), RulePhase.PHYSICAL, tracer);
        if (!(best instanceof EnumerableRel enumerable)) {
            throw new IllegalStateException("physical phase produced a non-Enumerable plan:\n" + RelOptUtil.toString(best));
        }
        return enumerable;
    }

    private static List<PlannerRule> ofPhase(List<PlannerRule> rules, RulePhase phase) {
        return rules.stream().filter(rule -> rule.phase() == phase).toList();
    }

    private static List<PlannerRule> enabled(List<PlannerRule> rules, Set<String> disabled) {
        return rules.stream().filter(rule -> !disabled.contains(rule.id())).toList();
    }
}
