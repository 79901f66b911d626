package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A function, async function, class or lambda.
 *
 * @param nameBstart   start of the name token (a lambda's empty name span sits at {@code bstart})
 * @param qualname     CPython's {@code __qualname__}
 * @param parentDefId  the innermost enclosing definition, null at module level
 * @param scopeId      the scope the definition statement or expression is evaluated in
 * @param inAnnotation a lambda inside an annotation (CPython 3.11 gives it no scope under
 *                     {@code from __future__ import annotations}); false for the other kinds
 */
public record DefRow(
        String id, long bstart, long bend,
        DefKind kind, String name, long nameBstart, long nameBend, String qualname,
        String parentDefId, String scopeId,
        int decoratorCount, boolean isAsync, boolean hasDocstring, boolean recovered,
        boolean inAnnotation) implements Row {
    public DefRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(qualname, "qualname is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
