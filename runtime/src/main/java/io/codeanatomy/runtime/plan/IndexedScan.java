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
 * The scan of a fixpoint's delta or total, or of a spool, under a filter that requires constant
 * values in some columns: it reads only the rows holding those values, through the table's positions by those
 * columns ({@link SelectableRows#scan(RowIndex.Selection)}), in the table's order. The filter
 * above still evaluates its whole condition, so the rows it passes are the same, in the same order,
 * as over the plain scan. Made by {@link EnumerableSemiNaiveFixpoint} for the code it generates, and
 * by {@link SelectedSpools} for every plan a run executes.
 */
final class IndexedScan extends TableScan implements EnumerableRel {
    private final RowIndex.Selection selection;

    IndexedScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, RowIndex.Selection selection) {
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
        SelectableRows table = requireNonNull(getTable().unwrap(SelectableRows.class), "selectable rows");
        Expression rows = Expressions.call(implementor.stash(table, SelectableRows.class), "scan",
                implementor.stash(selection, RowIndex.Selection.class));
        return implementor.result(physType, Blocks.toBlock(rows));
    }
}
