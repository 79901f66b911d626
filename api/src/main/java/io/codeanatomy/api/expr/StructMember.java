package io.codeanatomy.api.expr;

import static java.util.Objects.requireNonNull;

/**
 * One named member of a {@link TypeKind#STRUCT} data type.
 *
 * @param name member name, unique within its struct
 * @param type member type
 * @param nullable whether the member may be null
 */
public record StructMember(String name, DataType<?> type, boolean nullable) {
    public StructMember {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A struct member name must not be empty.");
        }
    }

    /** A nullable member. */
    public static StructMember of(String name, DataType<?> type) {
        return new StructMember(name, type, true);
    }

    @Override
    public String toString() {
        return Names.quote(name) + " " + type + (nullable ? "" : " NOT NULL");
    }
}
