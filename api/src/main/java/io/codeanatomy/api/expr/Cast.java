package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code CAST(operand AS type)}; whether a conversion is possible is decided by the engine. */
record Cast<T>(Field<?> operand, DataType<T> type) implements Field<T> {
    Cast {
        requireNonNull(operand, "operand is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public ExprKind kind() {
        return ExprKind.CAST;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(operand);
    }

    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 1, this);
        return new Cast<>(children.get(0), type);
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitCast(operand, type);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
