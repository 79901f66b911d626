package io.codeanatomy.runtime.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A grouped aggregate with {@code ARRAY_AGG} calls, run without per-group objects: the CPG's
 * adjacency outputs ({@code cpg_edges_by_src}, {@code cpg_edges_by_dst}) group millions of edges and
 * collect each group's edges in order. Calcite's Enumerable aggregate keeps a hash map of groups with
 * a list and a sorter per group and sorts every list at the end; on the standard library those two
 * aggregates took 40 % of the execute phase's operator time, much of it garbage collection. Here
 * groups are numbered by one open-addressing table and lined up by a counting sort (see
 * {@link ArrayGroups}). A first version sorted the rows by key instead: comparing string ids made it
 * slower than Calcite's hashing.
 *
 * <p>Chosen only for aggregates that hold every input row anyway (an {@code ARRAY_AGG} among the
 * calls), with one grouping set of keys of basic types and calls among {@code COUNT}, {@code MIN},
 * {@code MAX} and {@code ARRAY_AGG} without {@code DISTINCT} or {@code FILTER}. Groups come out in
 * order of first appearance instead of hash order; the rows are the same.
 */
public final class ArrayAggregate extends Aggregate implements EnumerableRel {
    /** The physical rule choosing this operator for a logical aggregate of that shape. */
    public static final RelOptRule RULE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalAggregate.class, ArrayAggregate::applies, Convention.NONE,
                    EnumerableConvention.INSTANCE, "ArrayAggregateRule")
            .withRuleFactory(Rule::new)
            .toRule(ConverterRule.class);

    ArrayAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet groupSet,
            List<AggregateCall> aggCalls) {
        super(cluster, traits, List.of(), input, groupSet, null, aggCalls);
    }

    /** Whether {@code aggregate} has the shape this operator runs. */
    public static boolean applies(Aggregate aggregate) {
        if (aggregate.getGroupType() != Group.SIMPLE || aggregate.getGroupSet().isEmpty()) {
            return false;
        }
        List<RelDataType> fields = aggregate.getInput().getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        for (int key : aggregate.getGroupSet()) {
            if (!comparable(fields.get(key))) {
                return false;
            }
        }
        boolean collects = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.isDistinct() || call.hasFilter() || call.isApproximate() || kind(call) == null) {
                return false;
            }
            if (kind(call) != GroupedCall.Kind.COUNT && (call.getArgList().size() != 1 || !comparableOrCollected(call, fields))) {
                return false;
            }
            for (RelFieldCollation order : call.getCollation().getFieldCollations()) {
                if (!comparable(fields.get(order.getFieldIndex()))) {
                    return false;
                }
            }
            collects |= kind(call) == GroupedCall.Kind.ARRAY_AGG;
        }
        return collects;
    }

    private static boolean comparableOrCollected(AggregateCall call, List<RelDataType> fields) {
        return kind(call) == GroupedCall.Kind.ARRAY_AGG || comparable(fields.get(call.getArgList().get(0)));
    }

    /**
     * Types whose Java values (in generated code's representation) are {@code Comparable} with SQL's
     * order and equal by {@code equals} when SQL says so.
     */
    static boolean comparable(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, DOUBLE, CHAR, VARCHAR, DATE, TIME, TIMESTAMP -> true;
            default -> false;
        };
    }

    private static GroupedCall.Kind kind(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return switch (kind) {
            case COUNT -> GroupedCall.Kind.COUNT;
            case MIN -> GroupedCall.Kind.MIN;
            case MAX -> GroupedCall.Kind.MAX;
            case ARRAY_AGG -> GroupedCall.Kind.ARRAY_AGG;
            default -> null;
        };
    }

    @Override
    public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet, List<ImmutableBitSet> groupSets,
            List<AggregateCall> aggCalls) {
        return new ArrayAggregate(getCluster(), traitSet, input, groupSet, aggCalls);
    }

    /** Half of what Calcite's aggregate costs, so the planner prefers this operator where it applies. */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        RelOptCost cost = super.computeSelfCost(planner, mq);
        return cost == null ? null : cost.multiplyBy(0.5);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder builder = new BlockBuilder();
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
        Expression rows = builder.append("input", input.block);
        JavaRowFormat format = input.physType.getFormat();
        if (format != JavaRowFormat.ARRAY && format != JavaRowFormat.SCALAR) {
            rows = builder.append("rows", input.physType.convertTo(rows, JavaRowFormat.ARRAY));
            format = getInput().getRowType().getFieldCount() == 1 ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY;
        }
        List<GroupedCall> calls = new ArrayList<>();
        for (AggregateCall call : aggCalls) {
            List<GroupedCall.SortKey> order = call.getCollation().getFieldCollations().stream()
                    .map(ArrayAggregate::sortKey).toList();
            calls.add(new GroupedCall(kind(call), call.getArgList(), order));
        }
        builder.add(Expressions.call(ArrayGroups.class, "aggregate", rows,
                Expressions.constant(format == JavaRowFormat.SCALAR),
                implementor.stash(groupSet.toArray(), int[].class),
                implementor.stash(calls.toArray(new GroupedCall[0]), GroupedCall[].class)));
        // Rows are Object[] even for one column; the physical type says so.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        return implementor.result(physType, builder.toBlock());
    }

    static GroupedCall.SortKey sortKey(RelFieldCollation collation) {
        RelFieldCollation.NullDirection nulls = collation.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                ? collation.direction.defaultNullDirection() : collation.nullDirection;
        return new GroupedCall.SortKey(collation.getFieldIndex(), collation.direction.isDescending(),
                nulls == RelFieldCollation.NullDirection.FIRST);
    }

    private static final class Rule extends ConverterRule {
        Rule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalAggregate aggregate = (LogicalAggregate) rel;
            RelNode input = convert(aggregate.getInput(), aggregate.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
            return new ArrayAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(EnumerableConvention.INSTANCE),
                    input, aggregate.getGroupSet(), aggregate.getAggCallList());
        }
    }
}
