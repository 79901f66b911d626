package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * The default value of a parameter: the expression, evaluated once in the enclosing scope when the
 * {@code def} or {@code lambda} runs, whose value the parameter takes when a call does not pass it.
 * The span is the default expression's.
 */
public record ParamDefaultRow(String id, long bstart, long bend, String paramId, String defId, String valueExprId)
        implements Row {
    public ParamDefaultRow {
        requireNonNull(id, "id is null");
        requireNonNull(paramId, "paramId is null");
        requireNonNull(defId, "defId is null");
        requireNonNull(valueExprId, "valueExprId is null");
    }
}
