package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A decorator expression (the span leaves out the {@code @}).
 *
 * @param dottedName the decorator's dotted name, or for a call the callee's ({@code @app.route("/")}
 *                   gives "app.route"); null when neither is a plain dotted name
 * @param exprId     the decorator expression's {@code py_exprs_v1} row
 */
public record DecoratorRow(
        String id, long bstart, long bend,
        String defId, int position, String text, String dottedName, boolean isCall, String scopeId,
        String exprId) implements Row {
    public DecoratorRow {
        requireNonNull(id, "id is null");
        requireNonNull(defId, "defId is null");
        requireNonNull(text, "text is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(exprId, "exprId is null");
    }
}
