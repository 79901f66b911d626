package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Condition;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Joins two inputs on a condition that may mix equalities and ranges (span containment); the
 * engine picks the algorithm.
 */
public record JoinRel(RelSpec left, RelSpec right, JoinType type, Condition condition) implements RelSpec {
    public JoinRel {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
        requireNonNull(condition, "condition is null");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(left, right);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 2, "join");
        return new JoinRel(inputs.get(0), inputs.get(1), type, condition);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitJoin(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
