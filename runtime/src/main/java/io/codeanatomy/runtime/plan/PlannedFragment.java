package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.PlanNode;
import io.codeanatomy.api.plan.PlanNodeKind;
import java.util.List;

/**
 * A fragment of the run's DAG with its plans.
 *
 * @param name the view name of a spool, the output name of an output
 * @param reads views of the spools the fragment scans
 */
public record PlannedFragment(String name, PlanNodeKind kind, List<String> reads, PlannedQuery query) {
    public PlannedFragment {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        reads = List.copyOf(requireNonNull(reads, "reads is null"));
        requireNonNull(query, "query is null");
    }

    /** The fragment as a node of the run's plan bundle. */
    public PlanNode node() {
        return new PlanNode(name, kind, reads.stream().map(PlanNode::spoolId).toList(), query.bundle());
    }
}
