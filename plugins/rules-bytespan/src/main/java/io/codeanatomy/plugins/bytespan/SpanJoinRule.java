package io.codeanatomy.plugins.bytespan;

import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexUtil;

/**
 * Physical rule: an inner join on "same file and span containment / overlap" becomes an
 * {@link EnumerableSpanJoin}; the conjuncts the sweep does not decide become a calc above it.
 */
public final class SpanJoinRule extends ConverterRule {
    private SpanJoinRule(Config config) {
        super(config);
    }

    /** The rule. */
    public static SpanJoinRule create() {
        return Config.INSTANCE
                .withConversion(LogicalJoin.class, join -> analyse(join).isPresent(), Convention.NONE, EnumerableConvention.INSTANCE,
                        "SpanJoinRule")
                .withRuleFactory(SpanJoinRule::new)
                .toRule(SpanJoinRule.class);
    }

    static Optional<SpanPredicate> analyse(LogicalJoin join) {
        if (join.getJoinType() != JoinRelType.INNER) {
            return Optional.empty();
        }
        return SpanPredicate.analyse(join.getCondition(), join.getLeft().getRowType(), join.getRight().getRowType());
    }

    @Override
    public RelNode convert(RelNode rel) {
        LogicalJoin join = (LogicalJoin) rel;
        SpanPredicate predicate = analyse(join).orElseThrow();
        RelNode left = convert(join.getLeft(), join.getLeft().getTraitSet().replace(EnumerableConvention.INSTANCE));
        RelNode right = convert(join.getRight(), join.getRight().getTraitSet().replace(EnumerableConvention.INSTANCE));
        RelNode spanJoin = EnumerableSpanJoin.create(left, right, predicate.withoutResidual());
        if (predicate.residual().isEmpty()) {
            return spanJoin;
        }
        // A calc, not a filter: Enumerable runs filters only as calcs.
        RexProgramBuilder program = new RexProgramBuilder(spanJoin.getRowType(), join.getCluster().getRexBuilder());
        program.addCondition(RexUtil.composeConjunction(join.getCluster().getRexBuilder(), predicate.residual()));
        program.addIdentity();
        return EnumerableCalc.create(spanJoin, program.getProgram());
    }
}
