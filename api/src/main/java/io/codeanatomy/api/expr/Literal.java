package io.codeanatomy.api.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/** A constant of a scalar type, or a typed null of any type. Binary values are copied in and out. */
record Literal<T>(DataType<T> type, Object value) implements Field<T> {
    Literal {
        requireNonNull(type, "type is null");
        if (value != null) {
            if (type.kind() == TypeKind.STRUCT || type.kind() == TypeKind.LIST) {
                throw new IllegalArgumentException("Only null literals exist for " + type + "; build nested values with Exprs.struct or a function.");
            }
            if (!type.accepts(value)) {
                throw new IllegalArgumentException("The value " + value + " (" + value.getClass().getName() + ") is not a " + type + ".");
            }
            if (value instanceof byte[]) {
                value = ((byte[]) value).clone();
            }
        }
    }

    @Override
    public Object value() {
        return value instanceof byte[] ? ((byte[]) value).clone() : value;
    }

    @Override
    public ExprKind kind() {
        return ExprKind.LITERAL;
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
        return visitor.visitLiteral(type, value());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Literal<?>)) {
            return false;
        }
        Literal<?> that = (Literal<?>) other;
        if (!type.equals(that.type)) {
            return false;
        }
        if (value instanceof byte[] && that.value instanceof byte[]) {
            return Arrays.equals((byte[]) value, (byte[]) that.value);
        }
        return Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        int valueHash = value instanceof byte[] ? Arrays.hashCode((byte[]) value) : Objects.hashCode(value);
        return 31 * type.hashCode() + valueHash;
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
