package io.codeanatomy.api.expr;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Checks shared by the node records, so every node validates itself the same way. */
final class Nodes {
    private Nodes() {}

    static void requireArity(List<Field<?>> children, int expected, Field<?> node) {
        requireNonNull(children, "children is null");
        if (children.size() != expected) {
            throw new IllegalArgumentException("A " + node.kind() + " node has " + expected + " children, got " + children.size() + ".");
        }
    }

    /** Returns {@code field} typed as {@code type}, or throws naming the {@code role} it was meant for. */
    @SuppressWarnings("unchecked")
    static <T> Field<T> typed(Field<?> field, DataType<T> type, String role) {
        requireNonNull(field, role + " is null");
        if (!field.type().equals(type)) {
            throw new IllegalArgumentException("The " + role + " " + field + " has type " + field.type() + " where " + type + " is needed.");
        }
        return (Field<T>) field;
    }

    /** Returns {@code field} as a condition, wrapping a plain boolean field; throws for other types. */
    @SuppressWarnings("unchecked")
    static Condition asCondition(Field<?> field) {
        requireNonNull(field, "condition is null");
        if (field instanceof Condition) {
            return (Condition) field;
        }
        if (!field.type().equals(DataType.BOOLEAN)) {
            throw new IllegalArgumentException("The expression " + field + " has type " + field.type() + " and cannot be used as a condition.");
        }
        return new Predicate((Field<Boolean>) field);
    }

    static void requireSameType(Field<?> left, Field<?> right, String what) {
        if (!left.type().equals(right.type())) {
            throw new IllegalArgumentException("Cannot " + what + " " + left + " (" + left.type() + ") and " + right + " (" + right.type()
                    + "): both need the same type; cast one of them.");
        }
    }

    static void requireNumeric(Field<?> field, String what) {
        if (!field.type().isNumeric()) {
            throw new IllegalArgumentException("Cannot " + what + " " + field + ": its type " + field.type() + " is not numeric.");
        }
    }
}
