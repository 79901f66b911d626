package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A list, set or dict comprehension or a generator expression, each its own scope in CPython 3.11.
 *
 * @param inAnnotation it is inside an annotation (no scope in CPython 3.11 under
 *                     {@code from __future__ import annotations})
 */
public record ComprehensionRow(
        String id, long bstart, long bend,
        ComprehensionKind kind, int generatorCount, boolean isAsync, String scopeId, String parentDefId,
        boolean inAnnotation) implements Row {
    public ComprehensionRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
