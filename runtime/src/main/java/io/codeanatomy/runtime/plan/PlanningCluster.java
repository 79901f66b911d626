package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQueryBase;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexUtil;

/**
 * Makes the cluster a plan is built in. Its planner is a fresh {@link VolcanoPlanner} with the
 * convention and collation traits (collations let sorted inputs skip sorts, and sort-based physical
 * operators from plugins declare what they need); one cluster per plan keeps the planner state of two
 * plans apart.
 */
public final class PlanningCluster {
    private PlanningCluster() {
    }

    public static RelOptCluster create(RelDataTypeFactory typeFactory) {
        requireNonNull(typeFactory, "typeFactory is null");
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        planner.setExecutor(RexUtil.EXECUTOR);
        return RelOptCluster.create(planner, new RexBuilder(typeFactory));
    }

    /**
     * Lets the calling thread plan in {@code cluster}: Calcite's metadata queries find their
     * handlers through a thread-local that making a cluster sets on the thread that made it, and
     * fragments are planned on other threads than the one that compiled them.
     */
    static void enter(RelOptCluster cluster) {
        RelMetadataQueryBase.THREAD_PROVIDERS.set(JaninoRelMetadataProvider.of(cluster.getMetadataProvider()));
    }
}
