package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.PlanDag;
import io.codeanatomy.api.plan.PlanNodeKind;
import java.util.List;

/**
 * The planned DAG of a run: spools first, in dependency order, then the outputs; run in this order,
 * one fragment at a time, it computes each shared view once. One at a time also keeps a recursive
 * view's transient table used by one running plan only (see docs/runtime.md).
 */
public record PlannedDag(List<PlannedFragment> fragments) {
    public PlannedDag {
        fragments = List.copyOf(requireNonNull(fragments, "fragments is null"));
    }

    public List<PlannedFragment> fragments(PlanNodeKind kind) {
        return fragments.stream().filter(fragment -> fragment.kind() == kind).toList();
    }

    /** The fragment that produces output {@code name}. */
    public PlannedFragment output(String name) {
        return fragments(PlanNodeKind.OUTPUT).stream().filter(fragment -> fragment.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan DAG has no output '" + name + "'"));
    }

    /** The DAG as the run's plan bundle records it. */
    public PlanDag bundle() {
        return new PlanDag(fragments.stream().map(PlannedFragment::node).toList());
    }
}
