package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The value of one member of a struct-typed field. */
record MemberAccess<T>(Field<?> struct, String member, DataType<T> type) implements Field<T> {
    MemberAccess {
        requireNonNull(struct, "struct is null");
        Names.requireName(member, "struct member name");
        requireNonNull(type, "type is null");
        if (struct.type().kind() != TypeKind.STRUCT) {
            throw new IllegalArgumentException("Cannot read member '" + member + "' of " + struct + ": its type " + struct.type() + " is not a struct.");
        }
        StructMember declared = struct.type().member(member).orElseThrow(() -> new IllegalArgumentException(
                "The struct " + struct + " of type " + struct.type() + " has no member '" + member + "'."));
        if (!declared.type().equals(type)) {
            throw new IllegalArgumentException("The struct member '" + member + "' has type " + declared.type() + ", not " + type + ".");
        }
    }

    @Override
    public ExprKind kind() {
        return ExprKind.MEMBER;
    }

    @Override
    public List<Field<?>> children() {
        return List.of(struct);
    }

    @Override
    public Field<T> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, 1, this);
        return new MemberAccess<>(children.get(0), member, type);
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitMember(struct, member, type);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
