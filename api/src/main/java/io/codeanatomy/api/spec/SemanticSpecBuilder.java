package io.codeanatomy.api.spec;

import io.codeanatomy.api.rel.RelSpec;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Collects the parts of a {@link SemanticSpec}; {@link #build()} validates them. Not thread-safe;
 * the spec it builds is immutable.
 */
public final class SemanticSpecBuilder {
    private final String name;
    private final String version;
    private final List<InputRelation> inputs = new ArrayList<>();
    private final List<ViewDefinition> views = new ArrayList<>();
    private final List<JoinEdge> edges = new ArrayList<>();
    private final List<OutputTarget> outputs = new ArrayList<>();

    SemanticSpecBuilder(String name, String version) {
        this.name = requireNonNull(name, "name is null");
        this.version = requireNonNull(version, "version is null");
    }

    public SemanticSpecBuilder input(String relation, SchemaContract schema) {
        inputs.add(new InputRelation(relation, schema));
        return this;
    }

    public SemanticSpecBuilder input(InputRelation input) {
        inputs.add(requireNonNull(input, "input is null"));
        return this;
    }

    /** Adds a view whose dependencies are the relations its body scans. */
    public SemanticSpecBuilder view(String view, ViewKind kind, RelSpec body) {
        views.add(ViewDefinition.of(view, kind, body));
        return this;
    }

    public SemanticSpecBuilder view(ViewDefinition view) {
        views.add(requireNonNull(view, "view is null"));
        return this;
    }

    public SemanticSpecBuilder joinEdge(JoinEdge edge) {
        edges.add(requireNonNull(edge, "edge is null"));
        return this;
    }

    public SemanticSpecBuilder output(String output, String view, String path, WriteMode mode, SchemaContract schema) {
        outputs.add(new OutputTarget(output, view, path, mode, schema));
        return this;
    }

    public SemanticSpecBuilder output(OutputTarget output) {
        outputs.add(requireNonNull(output, "output is null"));
        return this;
    }

    /** Validates and returns the spec; see {@link SemanticSpec} for what is checked. */
    public SemanticSpec build() {
        return new SemanticSpec(name, version, inputs, views, new JoinGraph(edges), outputs);
    }
}
