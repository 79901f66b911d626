package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code -operand} over a numeric field. */
record Negate<T>(Field<T> operand) implements Field<T> {
    Negate {
        requireNonNull(operand, "operand is null");
        Nodes.requireNumeric(operand, "negate");
    }

    @Override
    public DataType<T> type() {
        return operand.type();
    }

    @Override
    public ExprKind kind() {
        return ExprKind.NEGATE;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(operand);
    }

    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 1, this);
        return new Negate<>(Nodes.typed(children.get(0), type(), "operand"));
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitNegate(operand);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
