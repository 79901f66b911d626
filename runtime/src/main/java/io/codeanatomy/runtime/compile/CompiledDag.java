package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.SemanticSpec;
import java.util.List;

/**
 * A spec compiled to one DAG of fragments: first the spools in dependency order, then the outputs
 * in the spec's order. Running the fragments in this order computes every shared view once.
 */
public record CompiledDag(SemanticSpec spec, List<CompiledFragment> fragments) {
    public CompiledDag {
        requireNonNull(spec, "spec is null");
        fragments = List.copyOf(requireNonNull(fragments, "fragments is null"));
    }
}
