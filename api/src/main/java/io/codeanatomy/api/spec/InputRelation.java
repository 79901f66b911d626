package io.codeanatomy.api.spec;

import static java.util.Objects.requireNonNull;

/**
 * A table the spec reads (an extraction output), with the schema it must have.
 *
 * @param name the name views scan it by
 * @param schema its expected schema
 */
public record InputRelation(String name, SchemaContract schema) {
    public InputRelation {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An input relation name must not be blank.");
        }
    }
}
