package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code left op right} over two fields of one type. */
record Comparison(ComparisonOperator operator, Field<?> left, Field<?> right) implements Condition {
    Comparison {
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        Nodes.requireSameType(left, right, "compare");
        TypeKind kind = left.type().kind();
        if (operator.isOrdering() && (kind == TypeKind.STRUCT || kind == TypeKind.LIST)) {
            throw new IllegalArgumentException("Cannot order " + left + " and " + right + ": " + left.type() + " values have no ordering.");
        }
    }

    @Override
    public ExprKind kind() {
        return ExprKind.COMPARISON;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(left, right);
    }

    @Override
    public Condition withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 2, this);
        return new Comparison(operator, children.get(0), children.get(1));
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitComparison(operator, left, right);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
