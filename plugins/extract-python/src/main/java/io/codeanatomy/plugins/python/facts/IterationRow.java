package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A {@code for}, comprehension generator or {@code with} item. The span is the source's (the
 * iterable, or the context manager expression).
 *
 * @param scopeId      the scope the target binds in (a comprehension's own scope for its generators,
 *                     though CPython evaluates the first iterable in the enclosing one)
 * @param targetExprId the target; null for a {@code with} item without {@code as}
 * @param itemIndex    0-based position of the with item or the comprehension generator; 0 for {@code for}
 * @param compId       the comprehension of a generator; null for statements
 */
public record IterationRow(
        String id, long bstart, long bend,
        IterationKind kind, boolean isAsync, String scopeId, String targetExprId, String sourceExprId,
        int itemIndex, String compId) implements Row {
    public IterationRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(sourceExprId, "sourceExprId is null");
    }
}
