package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A semi-naive fixpoint (api {@code SemiNaiveRel}): the seed's rows, then rounds of the step, which
 * scans the tables of {@link #tables()} (the last round's new rows and all rows so far). Its rows
 * are the seed's row type. {@link LogicalSemiNaiveFixpoint} is what the compiler makes,
 * {@link EnumerableSemiNaiveFixpoint} what runs.
 */
public abstract class SemiNaiveFixpoint extends BiRel {
    private final SemiNaiveTables tables;
    private final int maxIterations;

    protected SemiNaiveFixpoint(RelOptCluster cluster, RelTraitSet traits, RelNode seed, RelNode step, SemiNaiveTables tables,
            int maxIterations) {
        super(cluster, traits, seed, step);
        this.tables = requireNonNull(tables, "tables is null");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    public RelNode seed() {
        return getLeft();
    }

    public RelNode step() {
        return getRight();
    }

    public SemiNaiveTables tables() {
        return tables;
    }

    public int maxIterations() {
        return maxIterations;
    }

    @Override
    protected RelDataType deriveRowType() {
        return getLeft().getRowType();
    }

    /** A guess for the cost model: closures are typically a small multiple of their seed. */
    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return mq.getRowCount(getLeft()) * 10;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        // The table names make two fixpoints with equal inputs different nodes to the planners.
        return super.explainTerms(pw)
                .item("name", tables.name())
                .item("delta", tables.delta().name())
                .item("maxIterations", maxIterations)
                .itemIf("bounds", tables.bounds(), !tables.bounds().isEmpty());
    }
}
