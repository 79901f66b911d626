package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Concatenates inputs matched by column <em>name</em>: the result has every column that occurs in
 * any input, in order of first occurrence (first input's columns first), and an input without a
 * column contributes NULL of that column's type. A column present in several inputs must have the
 * same type in each. This is how per-kind node views with different properties are stacked into
 * one table. {@code all} keeps duplicates. Columns are unqualified, as after a union.
 */
public record UnionByNameRel(boolean all, List<RelSpec> inputs) implements RelSpec {
    public UnionByNameRel {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("A union by name needs at least two inputs, got " + inputs.size() + ".");
        }
    }

    @Override
    public RelSpec withInputs(List<RelSpec> newInputs) {
        RelChecks.requireInputs(newInputs, inputs.size(), "union by name");
        return new UnionByNameRel(all, newInputs);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitUnionByName(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
