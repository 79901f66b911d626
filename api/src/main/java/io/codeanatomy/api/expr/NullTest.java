package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code operand IS NULL}, or {@code IS NOT NULL} when negated. */
record NullTest(Field<?> operand, boolean negated) implements Condition {
    NullTest {
        requireNonNull(operand, "operand is null");
    }

    @Override
    public ExprKind kind() {
        return ExprKind.NULL_TEST;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(operand);
    }

    @Override
    public Condition withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 1, this);
        return new NullTest(children.get(0), negated);
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitNullTest(operand, negated);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
