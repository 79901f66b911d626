package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A parameter, return or variable annotation; the span is the annotation expression's.
 *
 * @param ownerId    what is annotated: a {@code param_id}, the function's {@code def_id} for its
 *                   return, the target's {@code expr_id} for a variable
 * @param defId      the function of a PARAM or RETURN annotation; null for VARIABLE
 * @param scopeId    the scope that evaluates the annotation (a function's enclosing scope for its
 *                   parameters and return)
 * @param dottedName {@code a.b.C} when the annotation is a Name or a chain of Attributes on a Name,
 *                   or a string whose value, stripped, is such a dotted name ({@code "C"}); else null
 * @param isString   the annotation is a string constant (a forward reference)
 */
public record AnnotationRow(
        String id, long bstart, long bend,
        AnnotationKind kind, String ownerId, String defId, String scopeId, String annotationExprId, String text,
        String dottedName, boolean isString) implements Row {
    public AnnotationRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(ownerId, "ownerId is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(annotationExprId, "annotationExprId is null");
        requireNonNull(text, "text is null");
    }
}
