package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A boolean field that is not itself a condition (column, literal, call, ...) used as one. */
record Predicate(Field<Boolean> operand) implements Condition {
    Predicate {
        requireNonNull(operand, "operand is null");
        if (operand instanceof Condition) {
            throw new IllegalArgumentException("The expression " + operand + " is already a condition and needs no wrapping.");
        }
        Nodes.typed(operand, DataType.BOOLEAN, "predicate");
    }

    @Override
    public ExprKind kind() {
        return ExprKind.PREDICATE;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(operand);
    }

    /** A condition child replaces the wrapper itself, so wrappers never nest. */
    @Override
    public Condition withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 1, this);
        return Nodes.asCondition(children.get(0));
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitPredicate(operand);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
