package io.codeanatomy.plugins.bytespan;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * An inner join whose condition is "same file and the spans contain / overlap each other", run as a
 * sort and sweep per file ({@link SpanSweep}) instead of a hash join on the file key that tests
 * every pair of spans of a file. Its condition is exactly what the sweep decides (see
 * {@link SpanPredicate#sweepCondition}); other conjuncts of the original join are tested above it.
 */
public final class EnumerableSpanJoin extends Join implements EnumerableRel {
    private static final Method APPLY = Types.lookupMethod(Function2.class, "apply", Object.class, Object.class);

    private final SpanPredicate predicate;

    EnumerableSpanJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, SpanPredicate predicate) {
        super(cluster, traits, List.of(), left, right,
                predicate.sweepCondition(cluster.getRexBuilder(), left.getRowType(), right.getRowType()), Set.of(), JoinRelType.INNER);
        this.predicate = requireNonNull(predicate, "predicate is null");
        if (!predicate.residual().isEmpty()) {
            throw new IllegalArgumentException("the sweep decides no residual condition: " + predicate.residual());
        }
    }

    static EnumerableSpanJoin create(RelNode left, RelNode right, SpanPredicate predicate) {
        RelOptCluster cluster = left.getCluster();
        return new EnumerableSpanJoin(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), left, right, predicate);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType, boolean semiJoinDone) {
        SpanPredicate copied = SpanPredicate.analyse(condition, left.getRowType(), right.getRowType())
                .orElseThrow(() -> new IllegalArgumentException("not a span condition: " + condition));
        return new EnumerableSpanJoin(getCluster(), traitSet, left, right, copied);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("span", predicate.kind());
    }

    /**
     * Proportional to the input rows, a hundredth of them: below a hash join (output rows plus
     * n log n of its build side), so the planner takes the sweep wherever the rule offers it.
     */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = mq.getRowCount(getLeft()) + mq.getRowCount(getRight());
        return planner.getCostFactory().makeCost(rows * 0.01, 0, 0);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        // Each contained span has few containers: its nesting depth.
        return mq.getRowCount(predicate.outerLeft() ? getRight() : getLeft()) * 4;
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder builder = new BlockBuilder();
        Result left = implementor.visitChild(this, 0, (EnumerableRel) getLeft(), Prefer.ARRAY);
        Result right = implementor.visitChild(this, 1, (EnumerableRel) getRight(), Prefer.ARRAY);
        Expression leftRows = rows(builder, "left", left);
        Expression rightRows = rows(builder, "right", right);
        SpanSweep sweep = new SpanSweep(predicate, scalar(left, getLeft()), scalar(right, getRight()));
        Expression call = Expressions.call(implementor.stash(sweep, Function2.class), APPLY, leftRows, rightRows);
        builder.add(Expressions.convert_(call, Enumerable.class));
        // Rows are Object[] even for one column; the physical type says so.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        return implementor.result(physType, builder.toBlock());
    }

    /** The input's rows as arrays or bare values; other row formats are converted to arrays. */
    private static Expression rows(BlockBuilder builder, String name, Result input) {
        Expression rows = builder.append(name, input.block);
        JavaRowFormat format = input.physType.getFormat();
        if (format == JavaRowFormat.ARRAY || format == JavaRowFormat.SCALAR) {
            return rows;
        }
        return builder.append(name + "Arrays", input.physType.convertTo(rows, JavaRowFormat.ARRAY));
    }

    private static boolean scalar(Result input, RelNode rel) {
        JavaRowFormat format = input.physType.getFormat();
        return format == JavaRowFormat.SCALAR || format != JavaRowFormat.ARRAY && rel.getRowType().getFieldCount() == 1;
    }
}
