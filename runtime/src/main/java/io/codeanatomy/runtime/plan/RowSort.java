package io.codeanatomy.runtime.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A sort of all its input rows, without offset or fetch, as one stable sort of an array: the CPG's
 * adjacency outputs sort their hundreds of thousands of rows by owning path. Calcite's
 * {@code EnumerableSort} puts every row into a {@code TreeMap} from its key to a list of the rows
 * with that key, which costs a tree descent of key comparisons per row, whatever the order the rows
 * came in; here the rows are read into a list and sorted by Java's merge sort, which finds the runs
 * already in order (the adjacency's rows come grouped by path) and compares within them once per row.
 *
 * <p>The order is the same: rows by key, rows of equal keys in input order (the tree keeps each
 * key's rows in a list in input order; the merge sort is stable). Chosen only where every sort key is
 * of a type whose Java values compare as SQL orders them ({@link ArrayAggregate#comparable}) and the
 * rows are arrays (two columns or more); other sorts stay Calcite's.
 */
public final class RowSort extends Sort implements EnumerableRel {
    /** The physical rule choosing this operator for a logical sort of that shape. */
    public static final RelOptRule RULE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalSort.class, RowSort::applies, Convention.NONE, EnumerableConvention.INSTANCE, "RowSortRule")
            .withRuleFactory(Rule::new)
            .toRule(ConverterRule.class);

    RowSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation) {
        super(cluster, traits, input, collation);
    }

    /** Whether {@code sort} has the shape this operator runs. */
    public static boolean applies(Sort sort) {
        if (sort.offset != null || sort.fetch != null || sort.getCollation().getFieldCollations().isEmpty()) {
            return false;
        }
        List<RelDataTypeField> fields = sort.getInput().getRowType().getFieldList();
        if (fields.size() < 2) {
            return false;
        }
        return sort.getCollation().getFieldCollations().stream()
                .allMatch(order -> ArrayAggregate.comparable(fields.get(order.getFieldIndex()).getType()));
    }

    @Override
    public Sort copy(RelTraitSet traitSet, RelNode input, RelCollation collation, @Nullable RexNode offset, @Nullable RexNode fetch) {
        if (offset != null || fetch != null) {
            throw new IllegalArgumentException("a row sort has no offset or fetch");
        }
        return new RowSort(getCluster(), traitSet, input, collation);
    }

    /** Half of what Calcite's sort costs, so the planner prefers this operator where it applies. */
    @Override
    public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        RelOptCost cost = super.computeSelfCost(planner, mq);
        return cost == null ? null : cost.multiplyBy(0.5);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder builder = new BlockBuilder();
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
        Expression rows = builder.append("input", input.block);
        if (input.physType.getFormat() != JavaRowFormat.ARRAY) {
            rows = builder.append("rows", input.physType.convertTo(rows, JavaRowFormat.ARRAY));
        }
        GroupedCall.SortKey[] keys = collation.getFieldCollations().stream().map(ArrayAggregate::sortKey)
                .toArray(GroupedCall.SortKey[]::new);
        builder.add(Expressions.call(RowSort.class, "sorted", rows, implementor.stash(keys, GroupedCall.SortKey[].class)));
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        return implementor.result(physType, builder.toBlock());
    }

    /** The rows of {@code input} sorted by {@code keys}, stably; called by generated code. Reads and sorts the input when enumerated. */
    public static Enumerable<Object[]> sorted(Enumerable<Object[]> input, GroupedCall.SortKey[] keys) {
        Comparator<Object[]> order = ArrayGroups.order(List.of(keys));
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                List<Object[]> rows = new ArrayList<>();
                try (Enumerator<Object[]> read = input.enumerator()) {
                    while (read.moveNext()) {
                        rows.add(read.current());
                    }
                }
                rows.sort(order);
                return Linq4j.enumerator(rows);
            }
        };
    }

    private static final class Rule extends ConverterRule {
        Rule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalSort sort = (LogicalSort) rel;
            RelNode input = convert(sort.getInput(), sort.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
            return new RowSort(sort.getCluster(), sort.getTraitSet().replace(EnumerableConvention.INSTANCE), input, sort.getCollation());
        }
    }
}
