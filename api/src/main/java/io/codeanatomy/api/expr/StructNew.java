package io.codeanatomy.api.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A struct value built from named fields; its type has one nullable member per name. */
record StructNew(List<String> names, List<Field<?>> values) implements Field<Map<String, Object>> {
    StructNew {
        names = List.copyOf(requireNonNull(names, "names is null"));
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("A struct needs one value per member name; got " + names.size() + " names and " + values.size() + " values.");
        }
        // Building the type checks that there is at least one member and that names are unique.
        typeOf(names, values);
    }

    static StructNew of(List<NamedField<?>> members) {
        List<String> names = new ArrayList<>(members.size());
        List<Field<?>> values = new ArrayList<>(members.size());
        for (NamedField<?> member : members) {
            names.add(member.name());
            values.add(member.field());
        }
        return new StructNew(names, values);
    }

    private static DataType<Map<String, Object>> typeOf(List<String> names, List<Field<?>> values) {
        List<StructMember> members = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            members.add(StructMember.of(names.get(i), values.get(i).type()));
        }
        return DataType.struct(members);
    }

    @Override
    public DataType<Map<String, Object>> type() {
        return typeOf(names, values);
    }

    @Override
    public ExprKind kind() {
        return ExprKind.STRUCT;
    }

    @Override
    public List<Field<?>> children() {
        return values;
    }

    @Override
    public Field<Map<String, Object>> withChildren(List<Field<?>> children) {
        Nodes.requireArity(children, values.size(), this);
        for (int i = 0; i < children.size(); i++) {
            Nodes.typed(children.get(i), values.get(i).type(), "value of struct member " + names.get(i));
        }
        return new StructNew(names, children);
    }

    @Override
    public <R> R accept(FieldVisitor<R> visitor) {
        return visitor.visitStruct(type(), names, values);
    }

    @Override
    public String toString() {
        return Renderer.render(this, false);
    }
}
