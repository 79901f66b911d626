package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Concatenates two or more inputs, matched by position; the inputs must have the same column
 * names and types (project them into shape first). {@code all} keeps duplicates.
 */
public record UnionRel(boolean all, List<RelSpec> inputs) implements RelSpec {
    public UnionRel {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("A union needs at least two inputs, got " + inputs.size() + ".");
        }
    }

    @Override
    public RelSpec withInputs(List<RelSpec> newInputs) {
        RelChecks.requireInputs(newInputs, inputs.size(), "union");
        return new UnionRel(all, newInputs);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitUnion(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
