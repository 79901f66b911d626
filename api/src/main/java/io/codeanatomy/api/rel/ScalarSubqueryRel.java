package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Appends to each row of {@code input} a column {@code name} holding the value of
 * {@code subquery}, which must produce one column and at most one row per input row (aggregate it
 * if in doubt); no row gives NULL, several rows are an error at run time. Correlated like
 * {@link ExistsRel}: the subquery may reference the input's columns by the input's qualifiers.
 * The input's columns keep their qualifiers; the new column is unqualified.
 */
public record ScalarSubqueryRel(RelSpec input, RelSpec subquery, String name) implements RelSpec {
    public ScalarSubqueryRel {
        requireNonNull(input, "input is null");
        requireNonNull(subquery, "subquery is null");
        RelChecks.requireName(name, "scalar subquery column name");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input, subquery);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 2, "scalar subquery");
        return new ScalarSubqueryRel(inputs.get(0), inputs.get(1), name);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitScalarSubquery(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
