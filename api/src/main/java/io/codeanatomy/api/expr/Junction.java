package io.codeanatomy.api.expr;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code a AND b AND ...} or {@code a OR b OR ...}; at least two operands. */
record Junction(LogicalOperator operator, List<Condition> operands) implements Condition {
    Junction {
        requireNonNull(operator, "operator is null");
        operands = List.copyOf(requireNonNull(operands, "operands is null"));
        if (operands.size() < 2) {
            throw new IllegalArgumentException("An " + operator + " needs at least two operands, got " + operands.size() + ".");
        }
    }

    @Override
    public ExprKind kind() {
        return ExprKind.JUNCTION;
    }

    @Override
    public List<Field<?>> children() {
        return List.copyOf(operands);
    }

    @Override
    public Condition withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, operands.size(), this);
        List<Condition> conditions = new ArrayList<>(children.size());
        for (Field<?> child : children) {
            conditions.add(Nodes.asCondition(child));
        }
        return new Junction(operator, conditions);
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitJunction(operator, operands);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
