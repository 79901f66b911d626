package io.codeanatomy.api.expr;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The first non-null of two or more operands of one type. */
record Coalesce<T>(DataType<T> type, List<Field<T>> operands) implements Field<T> {
    Coalesce {
        requireNonNull(type, "type is null");
        operands = List.copyOf(requireNonNull(operands, "operands is null"));
        if (operands.size() < 2) {
            throw new IllegalArgumentException("COALESCE needs at least two operands, got " + operands.size() + ".");
        }
        for (Field<T> operand : operands) {
            Nodes.typed(operand, type, "COALESCE operand");
        }
    }

    @Override
    public ExprKind kind() {
        return ExprKind.COALESCE;
    }

    @Override
    public List<Field<?>> children() {
        return List.copyOf(operands);
    }

    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, operands.size(), this);
        List<Field<T>> typed = new ArrayList<>(children.size());
        for (Field<?> child : children) {
            typed.add(Nodes.typed(child, type, "COALESCE operand"));
        }
        return new Coalesce<>(type, typed);
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitCoalesce(type, List.copyOf(operands));
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
