package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code left op right} over two fields of one numeric type, producing that type. */
record Arithmetic<T>(ArithmeticOperator operator, Field<T> left, Field<T> right) implements Field<T> {
    Arithmetic {
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        Nodes.requireNumeric(left, "apply " + operator.symbol() + " to");
        Nodes.requireSameType(left, right, "apply " + operator.symbol() + " to");
        if (operator == ArithmeticOperator.MOD && !left.type().kind().isIntegral()) {
            throw new IllegalArgumentException("Cannot apply % to " + left + ": the remainder needs an integral type, not " + left.type() + ".");
        }
    }

    @Override
    public DataType<T> type() {
        return left.type();
    }

    @Override
    public ExprKind kind() {
        return ExprKind.ARITHMETIC;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(left, right);
    }

    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 2, this);
        return new Arithmetic<>(operator, Nodes.typed(children.get(0), type(), "left operand"), Nodes.typed(children.get(1), type(), "right operand"));
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitArithmetic(operator, left.type(), left, right);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
