package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A return, yield, yield from, await, or lambda body. The span is the Return statement's, the
 * Yield/YieldFrom/Await expression's, or the whole Lambda's.
 *
 * @param scopeId     the scope it is in
 * @param defId       the function or lambda it belongs to (comprehensions skipped); null outside any
 * @param valueExprId the value returned, yielded or awaited; null for a bare {@code return} or {@code yield}
 * @param exprId      the Yield, YieldFrom, Await or Lambda expression itself; null for RETURN
 */
public record ReturnRow(
        String id, long bstart, long bend,
        ReturnKind kind, String scopeId, String defId, String valueExprId, String exprId) implements Row {
    public ReturnRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
