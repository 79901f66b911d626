package io.codeanatomy.api.spec;

import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SemiNaiveRel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A named view of the semantic layer: a relational body over input relations and other views.
 *
 * @param name the view's name, shared namespace with input relations
 * @param kind what the view does
 * @param dependencies the relations and views the body scans, each once; must match the body
 * @param body the operator tree the runtime compiles
 */
public record ViewDefinition(String name, ViewKind kind, List<String> dependencies, RelSpec body) {
    public ViewDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        dependencies = List.copyOf(requireNonNull(dependencies, "dependencies is null"));
        requireNonNull(body, "body is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A view name must not be blank.");
        }
        Set<String> declared = new HashSet<>();
        for (String dependency : dependencies) {
            if (!declared.add(dependency)) {
                throw new IllegalArgumentException("View '" + name + "' lists the dependency '" + dependency + "' more than once.");
            }
        }
        boolean recursive = containsRecursion(body);
        if (recursive != (kind == ViewKind.FIXPOINT)) {
            throw new IllegalArgumentException(recursive
                    ? "View '" + name + "' has a recursive body but kind " + kind + "; label it FIXPOINT."
                    : "View '" + name + "' has kind FIXPOINT but its body has no recursive relation; pick the kind of its top operator.");
        }
        Set<String> scanned = body.scannedRelations();
        if (!declared.equals(scanned)) {
            throw new IllegalArgumentException("View '" + name + "' declares dependencies " + new TreeSet<>(declared)
                    + " but its body scans " + scanned + "; list exactly the scanned relations.");
        }
    }

    private static boolean containsRecursion(RelSpec node) {
        return node instanceof RecursiveRel || node instanceof SemiNaiveRel || node.inputs().stream().anyMatch(ViewDefinition::containsRecursion);
    }

    /** A view whose dependencies are the relations its body scans, sorted. */
    public static ViewDefinition of(String name, ViewKind kind, RelSpec body) {
        requireNonNull(body, "body is null");
        return new ViewDefinition(name, kind, List.copyOf(body.scannedRelations()), body);
    }
}
