package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
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
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;

/**
 * The scan of a spool on a hash join's right side whose rows the join may look its keys up in
 * ({@link SpoolLookup}): it reads all of them unless the join, built just after it, selected some.
 * Made for the executed copy of a plan only ({@code SmallerSide}); the recorded plan keeps its
 * {@link SpoolScan}.
 */
public final class LookupScan extends TableScan implements EnumerableRel {
    private final SpoolLookup lookup;

    /** The scan {@code scan} reads, linked to its join by {@code lookup}; the table must be {@link KeyedRows}. */
    public LookupScan(SpoolScan scan, SpoolLookup lookup) {
        this(scan.getCluster(), scan.getTraitSet(), scan, lookup);
    }

    private LookupScan(RelOptCluster cluster, RelTraitSet traits, TableScan scan, SpoolLookup lookup) {
        super(cluster, traits, List.of(), scan.getTable());
        this.lookup = requireNonNull(lookup, "lookup is null");
        requireNonNull(getTable().unwrap(KeyedRows.class), "a lookup scan reads keyed rows");
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LookupScan(getCluster(), traitSet, this, lookup);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("keys", Arrays.toString(lookup.columns()));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        SelectableRows table = requireNonNull(getTable().unwrap(KeyedRows.class), "keyed rows");
        Expression rows = Expressions.call(implementor.stash(lookup, SpoolLookup.class), "rows", implementor.stash(table, SelectableRows.class));
        return implementor.result(physType, Blocks.toBlock(rows));
    }
}
