package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the rows of {@code input} for which {@code subquery} returns at least one row
 * ({@code WHERE EXISTS (...)}), or none when {@code negated} ({@code NOT EXISTS}). The subquery is
 * correlated when it references the input's columns by the input's qualifiers (for example
 * {@code Exprs.col("f", "def_id", ...)} with {@code f} the input's alias): such a reference is the
 * value of the current input row. Columns and qualifiers of the input pass through.
 */
public record ExistsRel(RelSpec input, RelSpec subquery, boolean negated) implements RelSpec {
    public ExistsRel {
        requireNonNull(input, "input is null");
        requireNonNull(subquery, "subquery is null");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input, subquery);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 2, "exists filter");
        return new ExistsRel(inputs.get(0), inputs.get(1), negated);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitExists(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
