package io.codeanatomy.runtime.plan;

import io.codeanatomy.api.plan.RulePhase;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.schema.TransientTable;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The Calcite rules every session starts from, each with a stable id. The lists are ordered: the
 * order is part of the plan fingerprint.
 */
public final class BuiltinRules {
    /** The id of the rule implementing semi-naive fixpoints; with it disabled they cannot be planned. */
    public static final String SEMI_NAIVE_FIXPOINT = "codeanatomy.SEMI_NAIVE_FIXPOINT";
    /** The id of the rule scanning filterable tables with push-down in generated code ({@link CompiledTableScan}). */
    public static final String COMPILED_TABLE_SCAN = "codeanatomy.COMPILED_TABLE_SCAN";
    /** The id of the rule scanning filterable tables without push-down in generated code. */
    public static final String COMPILED_FULL_TABLE_SCAN = "codeanatomy.COMPILED_FULL_TABLE_SCAN";
    /** The id of the rule running aggregates with {@code ARRAY_AGG} by sorting ({@link ArrayAggregate}). */
    public static final String ARRAY_AGGREGATE = "codeanatomy.ARRAY_AGGREGATE";
    /** The id of the rule running whole sorts as one stable sort of an array ({@link RowSort}). */
    public static final String ROW_SORT = "codeanatomy.ROW_SORT";

    private BuiltinRules() {
    }

    /**
     * Run first, only on plans with sub-query expressions ({@code EXISTS}, scalar sub-queries):
     * each becomes a correlate, which the decorrelator then turns into joins and aggregates that
     * Enumerable runs as hash joins instead of a nested loop per outer row.
     */
    public static List<PlannerRule> subqueries() {
        return List.of(
                logical("calcite.FILTER_SUB_QUERY_TO_CORRELATE", CoreRules.FILTER_SUB_QUERY_TO_CORRELATE),
                logical("calcite.PROJECT_SUB_QUERY_TO_CORRELATE", CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE),
                logical("calcite.JOIN_SUB_QUERY_TO_CORRELATE", CoreRules.JOIN_SUB_QUERY_TO_CORRELATE));
    }

    /** Logical rewrites: constant folding, filter push-down, projection and union merging, windows. */
    public static List<PlannerRule> logical() {
        return List.of(
                logical("calcite.FILTER_REDUCE_EXPRESSIONS", CoreRules.FILTER_REDUCE_EXPRESSIONS),
                logical("calcite.PROJECT_REDUCE_EXPRESSIONS", CoreRules.PROJECT_REDUCE_EXPRESSIONS),
                logical("calcite.FILTER_MERGE", CoreRules.FILTER_MERGE),
                logical("calcite.FILTER_INTO_JOIN", CoreRules.FILTER_INTO_JOIN),
                logical("calcite.JOIN_CONDITION_PUSH", CoreRules.JOIN_CONDITION_PUSH),
                logical("calcite.FILTER_PROJECT_TRANSPOSE", CoreRules.FILTER_PROJECT_TRANSPOSE),
                logical("calcite.FILTER_SET_OP_TRANSPOSE", CoreRules.FILTER_SET_OP_TRANSPOSE),
                logical("calcite.FILTER_AGGREGATE_TRANSPOSE", CoreRules.FILTER_AGGREGATE_TRANSPOSE),
                // Narrows join inputs to the columns used above the join, so scans below it read
                // (and rows carry) only those: a join over an extraction table read every column.
                logical("calcite.PROJECT_JOIN_TRANSPOSE", CoreRules.PROJECT_JOIN_TRANSPOSE),
                logical("calcite.PROJECT_MERGE", CoreRules.PROJECT_MERGE),
                logical("calcite.PROJECT_REMOVE", CoreRules.PROJECT_REMOVE),
                logical("calcite.UNION_MERGE", CoreRules.UNION_MERGE),
                logical("calcite.AGGREGATE_PROJECT_MERGE", CoreRules.AGGREGATE_PROJECT_MERGE),
                // Enumerable has no distinct aggregate calls (COUNT(DISTINCT x)): each becomes an
                // aggregate over the distinct values, joined back to the others on the group keys.
                logical("calcite.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN", CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES_TO_JOIN),
                // Hand projections and filters to tables that take them (Delta reads only those
                // columns and skips files); the table scan then runs in the Bindable convention.
                logical("calcite.FILTER_SCAN", CoreRules.FILTER_SCAN),
                logical("calcite.PROJECT_TABLE_SCAN", CoreRules.PROJECT_TABLE_SCAN),
                // Enumerable implements windows only as LogicalWindow, not as RexOver in a project.
                logical("calcite.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW", CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW));
    }

    /**
     * Enumerable implementation rules. The merge join rule is left out on purpose: with Calcite's
     * default cost model it wins for large equi-joins although sorting both inputs made it about ten
     * times slower than a hash join on our shapes, so equi-joins become {@code EnumerableHashJoin}.
     */
    public static List<PlannerRule> physical() {
        List<RelOptRule> rules = new ArrayList<>(EnumerableRules.ENUMERABLE_RULES);
        rules.remove(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
        // Runs the Bindable scans of transient tables, and with COMPILED_TABLE_SCAN disabled those
        // that push-down made; only the scan is interpreted.
        rules.add(EnumerableRules.TO_INTERPRETER);
        List<PlannerRule> named = new ArrayList<>(rules.stream()
                .map(rule -> new PlannerRule("calcite." + physicalName(rule), RulePhase.PHYSICAL, rule))
                .toList());
        named.add(new PlannerRule("calcite.BINDABLE_TRANSIENT_TABLE_SCAN", RulePhase.PHYSICAL, TRANSIENT_TABLE_SCAN));
        named.add(new PlannerRule("codeanatomy.SPOOL_SCAN", RulePhase.PHYSICAL, SpoolScan.RULE));
        named.add(new PlannerRule(COMPILED_TABLE_SCAN, RulePhase.PHYSICAL, CompiledTableScan.RULE));
        named.add(new PlannerRule(COMPILED_FULL_TABLE_SCAN, RulePhase.PHYSICAL, CompiledTableScan.PLAIN_RULE));
        named.add(new PlannerRule(ARRAY_AGGREGATE, RulePhase.PHYSICAL, ArrayAggregate.RULE));
        named.add(new PlannerRule(ROW_SORT, RulePhase.PHYSICAL, RowSort.RULE));
        named.add(new PlannerRule(SEMI_NAIVE_FIXPOINT, RulePhase.PHYSICAL, EnumerableSemiNaiveFixpoint.RULE));
        return List.copyOf(named);
    }

    /**
     * Run after the cost-based search, as Calcite's own standard program does: Enumerable projects and
     * filters only run as {@code EnumerableCalc}, and adjacent calcs merge into one generated loop.
     * Disabling either of the first two makes plans with projections or filters fail to execute.
     */
    public static List<PlannerRule> calc() {
        return List.of(
                new PlannerRule("calcite.ENUMERABLE_PROJECT_TO_CALC", RulePhase.PHYSICAL, EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE),
                new PlannerRule("calcite.ENUMERABLE_FILTER_TO_CALC", RulePhase.PHYSICAL, EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE),
                new PlannerRule("calcite.CALC_MERGE", RulePhase.PHYSICAL, CoreRules.CALC_MERGE),
                new PlannerRule("calcite.CALC_REMOVE", RulePhase.PHYSICAL, CoreRules.CALC_REMOVE));
    }

    /**
     * A recursive query's step reads the previous round from a transient table, which Enumerable
     * cannot scan (CALCITE-3673); the Bindable scan can, and {@code TO_INTERPRETER} runs it. Only
     * transient tables take this path, so ordinary scans keep their generated code; spools, transient
     * too, have a compiled scan of their own ({@link SpoolScan}).
     */
    private static final RelOptRule TRANSIENT_TABLE_SCAN = Bindables.BindableTableScanRule.Config.DEFAULT
            .withOperandSupplier(b -> b.operand(LogicalTableScan.class)
                    .predicate(scan -> scan.getTable().unwrap(TransientTable.class) != null && !SpoolScan.isSpooled(scan))
                    .noInputs())
            .as(Bindables.BindableTableScanRule.Config.class)
            .toRule();

    private static PlannerRule logical(String id, RelOptRule rule) {
        return new PlannerRule(id, RulePhase.LOGICAL, rule);
    }

    /** {@code EnumerableHashJoinRule(in:NONE,out:ENUMERABLE)} and the like: the class part is stable. */
    private static String physicalName(RelOptRule rule) {
        String description = rule.toString();
        int paren = description.indexOf('(');
        return paren < 0 ? description : description.substring(0, paren);
    }
}
