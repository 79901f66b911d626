package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.SemanticSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.rel.RelNode;

/**
 * A spec compiled to one RelNode DAG: one root per output (in the spec's output order), and the
 * node of every view that was reached. A view scanned from several places is one node.
 */
public record CompiledSpec(SemanticSpec spec, Map<String, RelNode> outputs, Map<String, RelNode> views) {
    public CompiledSpec {
        requireNonNull(spec, "spec is null");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(outputs, "outputs is null")));
        views = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(views, "views is null")));
    }

    public RelNode output(String name) {
        RelNode root = outputs.get(name);
        if (root == null) {
            throw new IllegalArgumentException("spec '" + spec.name() + "' has no output '" + name + "'; outputs: " + outputs.keySet());
        }
        return root;
    }
}
