package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;

/**
 * The scan of a fixpoint's delta or total under a filter that requires constant values in some
 * columns: it reads only the rows holding those values, through the table's positions by those
 * columns ({@link FixpointTable#scan(FixpointTable.Selection)}), in the table's order. The filter
 * above still evaluates its whole condition, so the rows it passes are the same, in the same order,
 * as over the plain scan. Made by {@link EnumerableSemiNaiveFixpoint} for the code it generates.
 */
final class IndexedScan extends TableScan implements EnumerableRel {
    private final FixpointTable.Selection selection;

    IndexedScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, FixpointTable.Selection selection) {
        super(cluster, traits, List.of(), table);
        this.selection = requireNonNull(selection, "selection is null");
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new IndexedScan(getCluster(), traitSet, getTable(), selection);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("where", selection);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        FixpointTable table = requireNonNull(getTable().unwrap(FixpointTable.class), "fixpoint table");
        Expression rows = Expressions.call(implementor.stash(table, FixpointTable.class), "scan",
                implementor.stash(selection, FixpointTable.Selection.class));
        return implementor.result(physType, Blocks.toBlock(rows));
    }
}
