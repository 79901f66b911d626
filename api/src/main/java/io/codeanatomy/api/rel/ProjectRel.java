package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.NamedField;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** Computes one output column per named field, in order; output names are unique. */
public record ProjectRel(RelSpec input, List<NamedField<?>> fields) implements RelSpec {
    public ProjectRel {
        requireNonNull(input, "input is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A project needs at least one output column.");
        }
        RelChecks.requireUnique(fields.stream().map(NamedField::name).collect(Collectors.toList()), "project");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "project");
        return new ProjectRel(inputs.get(0), fields);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitProject(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
