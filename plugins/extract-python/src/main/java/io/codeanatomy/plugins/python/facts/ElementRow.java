package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * An element of a tuple, list, set or dict display, or the element a comprehension produces. The
 * span is the element's: {@code *x} with its star, a dict entry's value ({@code **m}: the mapping).
 *
 * @param containerKind TUPLE, LIST, SET, DICT or COMPREHENSION (the container's {@code py_exprs_v1} kind)
 * @param ctx           the container's context: STORE for an unpacking target, DEL, else LOAD
 * @param elementExprId the element; for {@code *x} and {@code **m} the expression x or m; a dict
 *                      entry's or dict comprehension's value
 * @param index         0-based position among the container's elements; -1 for a comprehension's
 * @param keyExprId     a dict entry's or dict comprehension's key; null for {@code **m} and the rest
 * @param keyConstKind  the key's kind when it is an int or str constant
 * @param keyConstText  the key's value as text (see {@link Constants#text})
 * @param isStarred     {@code *x} in a tuple, list or set
 * @param isDoubleStar  {@code **m} in a dict
 * @param elementCount  how many elements the container has (1 for a comprehension)
 * @param starIndex     the index of the container's starred element, -1 when it has none
 */
public record ElementRow(
        String id, long bstart, long bend,
        String containerExprId, ExprKind containerKind, NameContext ctx, String elementExprId, int index,
        String keyExprId, ConstKind keyConstKind, String keyConstText, boolean isStarred, boolean isDoubleStar,
        int elementCount, int starIndex) implements Row {
    public ElementRow {
        requireNonNull(id, "id is null");
        requireNonNull(containerExprId, "containerExprId is null");
        requireNonNull(containerKind, "containerKind is null");
        requireNonNull(ctx, "ctx is null");
        requireNonNull(elementExprId, "elementExprId is null");
    }
}
