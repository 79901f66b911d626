package io.codeanatomy.plugins.bytespan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Replaces the span functions {@code span_contains(os, oe, is, ie)} and
 * {@code span_overlaps(as, ae, bs, be)} by the comparisons they compute, when they are conjuncts of a
 * filter or join condition. A function call is opaque to the optimizer; the comparisons are not: a
 * join on {@code a.path = b.path AND span_contains(...)} keeps its equality as hash key with a plain
 * range residue, and a filter of constant bounds becomes range predicates that can reach a scan and
 * skip files by their statistics.
 *
 * <p>Only whole conjuncts are rewritten. The functions return null when an argument is null while the
 * comparisons may give false; as a conjunct of a condition both reject the row, but under a
 * {@code NOT} or an {@code OR} they would differ, so calls there are left alone.
 */
public final class ExpandSpanPredicatesRule extends RelRule<ExpandSpanPredicatesRule.Config> {
    static final String CONTAINS = "span_contains";
    static final String OVERLAPS = "span_overlaps";

    private ExpandSpanPredicatesRule(Config config) {
        super(config);
    }

    /** The rule over filters. */
    public static ExpandSpanPredicatesRule onFilter() {
        return new Config(RelFactories.LOGICAL_BUILDER, "ExpandSpanPredicatesRule(Filter)",
                b -> b.operand(Filter.class).predicate(f -> hasSpanConjunct(f.getCondition())).anyInputs()).toRule();
    }

    /** The rule over joins. */
    public static ExpandSpanPredicatesRule onJoin() {
        return new Config(RelFactories.LOGICAL_BUILDER, "ExpandSpanPredicatesRule(Join)",
                b -> b.operand(Join.class).predicate(j -> hasSpanConjunct(j.getCondition())).anyInputs()).toRule();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        RelNode rel = call.rel(0);
        RexBuilder rex = rel.getCluster().getRexBuilder();
        if (rel instanceof Filter filter) {
            call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), expand(filter.getCondition(), rex)));
        } else if (rel instanceof Join join) {
            call.transformTo(join.copy(join.getTraitSet(), expand(join.getCondition(), rex), join.getLeft(), join.getRight(),
                    join.getJoinType(), join.isSemiJoinDone()));
        }
    }

    static boolean hasSpanConjunct(RexNode condition) {
        return RelOptUtil.conjunctions(condition).stream().anyMatch(c -> spanFunction(c) != null);
    }

    static RexNode expand(RexNode condition, RexBuilder rex) {
        List<RexNode> conjuncts = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            String function = spanFunction(conjunct);
            if (function == null) {
                conjuncts.add(conjunct);
                continue;
            }
            List<RexNode> o = ((RexCall) conjunct).getOperands();
            if (function.equals(CONTAINS)) {
                conjuncts.add(rex.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, o.get(0), o.get(2)));
                conjuncts.add(rex.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, o.get(3), o.get(1)));
            } else {
                // Half-open spans share a byte exactly when both are non-empty and each starts before the other ends.
                conjuncts.add(rex.makeCall(SqlStdOperatorTable.LESS_THAN, o.get(0), o.get(1)));
                conjuncts.add(rex.makeCall(SqlStdOperatorTable.LESS_THAN, o.get(2), o.get(3)));
                conjuncts.add(rex.makeCall(SqlStdOperatorTable.LESS_THAN, o.get(0), o.get(3)));
                conjuncts.add(rex.makeCall(SqlStdOperatorTable.LESS_THAN, o.get(2), o.get(1)));
            }
        }
        return RexUtil.composeConjunction(rex, conjuncts);
    }

    /** The span function a conjunct calls with four operands, or null. */
    private static String spanFunction(RexNode node) {
        if (node instanceof RexCall call && call.getOperator() instanceof SqlFunction function && call.getOperands().size() == 4) {
            String name = function.getName().toLowerCase(Locale.ROOT);
            if (name.equals(CONTAINS) || name.equals(OVERLAPS)) {
                return name;
            }
        }
        return null;
    }

    /** The rule's configuration, written out by hand instead of generated by Immutables. */
    public record Config(RelBuilderFactory relBuilderFactory, String description, OperandTransform operandSupplier)
            implements RelRule.Config {
        public Config {
            requireNonNull(relBuilderFactory, "relBuilderFactory is null");
            requireNonNull(operandSupplier, "operandSupplier is null");
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory factory) {
            return new Config(factory, description, operandSupplier);
        }

        @Override
        public Config withDescription(String newDescription) {
            return new Config(relBuilderFactory, newDescription, operandSupplier);
        }

        @Override
        public Config withOperandSupplier(OperandTransform transform) {
            return new Config(relBuilderFactory, description, transform);
        }

        @Override
        public ExpandSpanPredicatesRule toRule() {
            return new ExpandSpanPredicatesRule(this);
        }
    }
}
