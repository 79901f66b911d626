package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

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
 * Which views of a spec become spools: every view that two or more consumers read, a consumer
 * being another view or an output, counting only what the outputs reach. Calcite's Enumerable
 * code computes a subtree once per place it appears, so a view read from two places is computed
 * twice unless it is spooled; a view with one consumer stays inside its consumer's plan, where the
 * optimizer can push filters and projections into it. A view a fixpoint ({@code FIXPOINT}) reads
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
                view.dependencies().forEach(dependency -> consumers.merge(dependency, weight, Integer::sum));
            }
        }
        return spec.topologicalOrder().stream()
                .map(ViewDefinition::name)
                .filter(reached::contains)
                .filter(name -> consumers.getOrDefault(name, 0) >= 2)
                .toList();
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
