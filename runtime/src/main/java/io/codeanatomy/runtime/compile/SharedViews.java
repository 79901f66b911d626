package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.ScanRel;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which views of a spec become spools: every view read from two or more places, a place being a
 * scan of it in another view's body or an output, counting only what the outputs reach. Calcite's
 * Enumerable code computes a subtree once per place it appears, so a view read from two places is
 * computed twice unless it is spooled, even when both are in one consumer's body; a view read from
 * one place stays inside its consumer's plan, where the optimizer can push filters and projections
 * into it. A view a fixpoint ({@code FIXPOINT}) reads
 * is spooled too: the fixpoint's step runs once per round, and would compute it each time.
 */
public final class SharedViews {
    private SharedViews() {
    }

    /** The spooled views, each after the spooled views it depends on; declaration order breaks ties. */
    public static List<String> of(SemanticSpec spec) {
        requireNonNull(spec, "spec is null");
        Set<String> reached = reachedViews(spec);
        Map<String, Integer> consumers = new HashMap<>();
        for (OutputTarget output : spec.outputs()) {
            consumers.merge(output.view(), 1, Integer::sum);
        }
        for (ViewDefinition view : spec.views()) {
            if (reached.contains(view.name())) {
                // A fixpoint's step runs once per round: what it reads is computed once, before it.
                int weight = view.kind() == ViewKind.FIXPOINT ? 2 : 1;
                Map<String, Integer> places = new HashMap<>();
                countScans(view.body(), places);
                view.dependencies().forEach(dependency -> consumers.merge(dependency, weight * places.getOrDefault(dependency, 1), Integer::sum));
            }
        }
        return spec.topologicalOrder().stream()
                .map(ViewDefinition::name)
                .filter(reached::contains)
                .filter(name -> consumers.getOrDefault(name, 0) >= 2)
                .toList();
    }

    /** Adds, per relation, how many scans of it the tree holds (subqueries and fixpoint steps included). */
    private static void countScans(RelSpec node, Map<String, Integer> places) {
        if (node instanceof ScanRel scan) {
            places.merge(scan.relation(), 1, Integer::sum);
        }
        for (RelSpec input : node.inputs()) {
            countScans(input, places);
        }
    }

    /** The views an output reads, directly or through other views. */
    private static Set<String> reachedViews(SemanticSpec spec) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        spec.outputs().forEach(output -> pending.push(output.view()));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            spec.view(name).ifPresent(view -> {
                if (reached.add(name)) {
                    view.dependencies().forEach(pending::push);
                }
            });
        }
        return reached;
    }
}
