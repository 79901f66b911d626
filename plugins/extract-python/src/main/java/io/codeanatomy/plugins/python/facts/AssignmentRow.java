package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A (target, value) pair of an assignment; the span is the target's. A tuple or list target is
 * taken apart by its {@code py_container_elements_v1} rows.
 *
 * @param scopeId     the scope that evaluates the assignment (a class body's for class attributes;
 *                    a comprehension's for {@code :=} in it, though the name binds in the enclosing
 *                    function: {@code py_names_v1.binding_scope_id})
 * @param targetIndex the target's position in a chain {@code a = b = v} (0 for the leftmost); 0 for
 *                    the other kinds
 * @param targetCount how many targets the statement has; 1 for the other kinds
 * @param op          an augmented assignment's operator as CPython names it ({@code Add}); else null
 */
public record AssignmentRow(
        String id, long bstart, long bend,
        AssignmentKind kind, String scopeId, String targetExprId, String valueExprId, int targetIndex,
        int targetCount, String op, long stmtBstart, long stmtBend) implements Row {
    public AssignmentRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(targetExprId, "targetExprId is null");
        requireNonNull(valueExprId, "valueExprId is null");
    }
}
