package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A decorator expression (the span leaves out the {@code @}).
 *
 * @param dottedName the decorator's dotted name, or for a call the callee's ({@code @app.route("/")}
 *                   gives "app.route"); null when neither is a plain dotted name
 */
public record DecoratorRow(
        String id, long bstart, long bend,
        String defId, int position, String text, String dottedName, boolean isCall, String scopeId) implements Row {
    public DecoratorRow {
        requireNonNull(id, "id is null");
        requireNonNull(defId, "defId is null");
        requireNonNull(text, "text is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
