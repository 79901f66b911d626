package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code NOT operand}. */
record Not(Condition operand) implements Condition {
    Not {
        requireNonNull(operand, "operand is null");
    }

    @Override
    public ExprKind kind() {
        return ExprKind.NOT;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(operand);
    }

    @Override
    public Condition withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 1, this);
        return new Not(Nodes.asCondition(children.get(0)));
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitNot(operand);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
