package io.codeanatomy.api.rel;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * {@code INTERSECT} or {@code EXCEPT} of two or more inputs matched by position, like
 * {@link UnionRel}: the inputs must have the same column names and types. With {@code all}
 * duplicates count (bag semantics: a row occurring m times in the first and n in the second input
 * occurs min(m, n) times in the intersection and max(m - n, 0) times in the difference); without,
 * the result is a set. Columns are unqualified, as after a union.
 */
public record SetOpRel(SetOpKind op, boolean all, List<RelSpec> inputs) implements RelSpec {
    public SetOpRel {
        requireNonNull(op, "op is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("An " + op + " needs at least two inputs, got " + inputs.size() + ".");
        }
    }

    @Override
    public RelSpec withInputs(List<RelSpec> newInputs) {
        RelChecks.requireInputs(newInputs, inputs.size(), op.name().toLowerCase(Locale.ROOT));
        return new SetOpRel(op, all, newInputs);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitSetOp(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
