package io.codeanatomy.runtime.plan.export;

import java.util.List;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.tools.RelBuilder;

/**
 * Writes the filters and projections that push-down folded into a {@link Bindables.BindableTableScan}
 * back out as a filter and a projection over a plain scan. The SQL unparser and Substrait know only
 * plain scans and would silently drop what the Bindable scan holds.
 */
final class ScanExpansion extends RelHomogeneousShuttle {
    static RelNode expand(RelNode plan) {
        return plan.accept(new ScanExpansion());
    }

    @Override
    public RelNode visit(RelNode other) {
        if (!(other instanceof Bindables.BindableTableScan scan)) {
            return super.visit(other);
        }
        RelBuilder builder = RelBuilder.proto().create(scan.getCluster(), scan.getTable().getRelOptSchema());
        builder.push(LogicalTableScan.create(scan.getCluster(), scan.getTable(), List.of()));
        if (!scan.filters.isEmpty()) {
            builder.filter(scan.filters);
        }
        if (!scan.projects.isEmpty()) {
            builder.project(scan.projects.stream().map(index -> (org.apache.calcite.rex.RexNode) builder.field(index)).toList());
        }
        return builder.build();
    }
}
