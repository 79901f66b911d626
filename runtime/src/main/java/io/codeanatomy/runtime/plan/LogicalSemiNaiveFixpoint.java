package io.codeanatomy.runtime.plan;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

/** The logical semi-naive fixpoint; only {@link EnumerableSemiNaiveFixpoint#RULE} implements it. */
public final class LogicalSemiNaiveFixpoint extends SemiNaiveFixpoint {
    private LogicalSemiNaiveFixpoint(RelOptCluster cluster, RelTraitSet traits, RelNode seed, RelNode step, SemiNaiveTables tables,
            int maxIterations) {
        super(cluster, traits, seed, step, tables, maxIterations);
    }

    /**
     * @param seed the seed's rows, of the fixpoint's row type
     * @param step rows derived from the scans of {@code tables}, of the same row type
     */
    public static LogicalSemiNaiveFixpoint create(RelNode seed, RelNode step, SemiNaiveTables tables, int maxIterations) {
        RelOptCluster cluster = seed.getCluster();
        return new LogicalSemiNaiveFixpoint(cluster, cluster.traitSetOf(Convention.NONE), seed, step, tables, maxIterations);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalSemiNaiveFixpoint(getCluster(), traitSet, inputs.get(0), inputs.get(1), tables(), maxIterations());
    }
}
