package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/** A parameter of a function or lambda; {@code position} counts all parameters in declaration order from 0. */
public record ParamRow(
        String id, long bstart, long bend,
        String defId, String name, ParamKind kind, int position,
        boolean hasDefault, boolean hasAnnotation) implements Row {
    public ParamRow {
        requireNonNull(id, "id is null");
        requireNonNull(defId, "defId is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
