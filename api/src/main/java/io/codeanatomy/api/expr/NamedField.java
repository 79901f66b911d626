package io.codeanatomy.api.expr;

import static java.util.Objects.requireNonNull;

/**
 * An expression with an output name: a projected column, a group key or a struct member.
 *
 * @param name output name, not blank
 * @param field the expression
 */
public record NamedField<T>(String name, Field<T> field) {
    public NamedField {
        Names.requireName(name, "field name");
        requireNonNull(field, "field is null");
    }

    public DataType<T> type() {
        return field.type();
    }

    @Override
    public String toString() {
        return field + " AS " + Names.quote(name);
    }
}
