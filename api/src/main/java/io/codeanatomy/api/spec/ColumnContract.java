package io.codeanatomy.api.spec;

import io.codeanatomy.api.expr.DataType;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One column of a {@link SchemaContract}.
 *
 * @param name column name, not blank
 * @param type column type
 * @param nullable whether nulls are allowed
 */
public record ColumnContract(String name, DataType<?> type, boolean nullable) {
    public ColumnContract {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A column name must not be blank.");
        }
    }

    /** A column that never holds null. */
    public static ColumnContract required(String name, DataType<?> type) {
        return new ColumnContract(name, type, false);
    }

    /** A column that may hold null. */
    public static ColumnContract optional(String name, DataType<?> type) {
        return new ColumnContract(name, type, true);
    }

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("type", type.toString());
        tree.put("nullable", nullable);
        return tree;
    }

    @Override
    public String toString() {
        return name + " " + type + (nullable ? "" : " NOT NULL");
    }
}
