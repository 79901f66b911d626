package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Condition;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Keeps the rows of {@code input} for which {@code condition} holds. */
public record FilterRel(RelSpec input, Condition condition) implements RelSpec {
    public FilterRel {
        requireNonNull(input, "input is null");
        requireNonNull(condition, "condition is null");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "filter");
        return new FilterRel(inputs.get(0), condition);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitFilter(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
