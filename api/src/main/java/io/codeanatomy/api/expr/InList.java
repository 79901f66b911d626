package io.codeanatomy.api.expr;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code operand IN (values...)}, a non-empty list of fields of the operand's type. */
record InList(Field<?> operand, List<Field<?>> values) implements Condition {
    InList {
        requireNonNull(operand, "operand is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An IN list needs at least one value; use Exprs.falseCondition() for an empty one.");
        }
        for (Field<?> value : values) {
            Nodes.requireSameType(operand, value, "match");
        }
    }

    @Override
    public ExprKind kind() {
        return ExprKind.IN;
    }

    /** The operand first, then the values. */
    @Override
    public List<Field<?>> children() {
        List<Field<?>> children = new ArrayList<>(values.size() + 1);
        children.add(operand);
        children.addAll(values);
        return List.copyOf(children);
    }

    @Override
    public Condition withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, values.size() + 1, this);
        return new InList(children.get(0), children.subList(1, children.size()));
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitIn(operand, values);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
