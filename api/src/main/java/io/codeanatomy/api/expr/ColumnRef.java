package io.codeanatomy.api.expr;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A column of an input, optionally qualified by the alias of the relation it comes from. */
record ColumnRef<T>(Optional<String> relation, String name, DataType<T> type) implements Field<T> {
    ColumnRef {
        requireNonNull(relation, "relation is null");
        relation.ifPresent(r -> Names.requireName(r, "relation name"));
        Names.requireName(name, "column name");
        requireNonNull(type, "type is null");
    }

    @Override
    public ExprKind kind() {
        return ExprKind.COLUMN;
    }

    @Override
    public List<Field<?>> children() {
        return List.of();
    }

    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 0, this);
        return this;
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitColumn(relation, name, type);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
