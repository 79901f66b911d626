package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A base or keyword of a class statement: {@code B} and {@code metaclass=M} in
 * {@code class C(B, metaclass=M)}. Spans are the expression's ({@code *bases} with its star, the
 * value of a keyword without its name).
 *
 * @param position   0-based among the positional bases (starred ones included); -1 for keywords
 * @param keyword    the keyword's name; null for positional bases and for {@code **mapping}
 * @param isStarred  {@code *bases} among the positional bases, or {@code **mapping} among the keywords
 * @param dottedName {@code a.b.C} when the expression is a Name or a chain of Attributes on a Name
 * @param scopeId    the scope the class statement is evaluated in
 * @param exprId     the expression's {@code py_exprs_v1} row
 */
public record ClassBaseRow(
        String id, long bstart, long bend,
        String defId, int position, String keyword, boolean isStarred, String text, String dottedName,
        String scopeId, String exprId) implements Row {
    public ClassBaseRow {
        requireNonNull(id, "id is null");
        requireNonNull(defId, "defId is null");
        requireNonNull(text, "text is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(exprId, "exprId is null");
    }
}
