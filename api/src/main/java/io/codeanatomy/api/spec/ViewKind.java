package io.codeanatomy.api.spec;

/**
 * What a view does, by the operator that shapes its result; a label for diagnostics, plan
 * bundles and rule targeting. The set is closed and small on purpose: a pipeline role (normalize,
 * relate, resolve, emit) is told by the view's name and its outputs, not by a kind, so adding a
 * node or edge kind never adds a view kind. The body's operators are authoritative for what gets
 * computed; the one kind that is checked against the body is {@link #FIXPOINT}, because a
 * recursive view is what the metrics report iterations for. See docs/api.md for why each exists.
 */
public enum ViewKind {
    /** Computes columns from one input: normalizing an extraction table, ids, struct payloads, scalar subqueries. */
    PROJECT,
    /** Keeps some rows of one input, by a condition or an {@code EXISTS} subquery. */
    FILTER,
    /** Combines rows of two inputs on a condition: equi-joins, span containment, semi and anti joins. */
    JOIN,
    /** Stacks inputs, by position or by name with NULL fill: per-kind node and edge views into one table. */
    UNION,
    /** Intersects or subtracts inputs: consistency checks, "defined but never bound". */
    SET_OPERATION,
    /** Groups and aggregates: adjacency lists, counts, collected evidence. */
    AGGREGATE,
    /** Ranks rows within groups: innermost enclosing scope, best candidate, running totals (window functions). */
    RANK,
    /** One row per element of a list column ({@code UNNEST}): adjacency lists and collected lists back to rows. */
    EXPAND,
    /** A recursive query iterated to a fixpoint: the scope chain, transitive containment, points-to. */
    FIXPOINT,
    /** Orders (and possibly limits) rows. */
    SORT
}
