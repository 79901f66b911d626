package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * An expression, for the value-flow analysis to join on.
 *
 * @param nodeType    CPython's node type ({@code Attribute}); with the span it gives the id
 * @param scopeId     the scope that evaluates it, as in {@code py_names_v1}
 * @param ctx         LOAD, STORE or DEL for the node types that have a context, else null
 * @param name        a Name's identifier
 * @param attr        an Attribute's attribute name
 * @param baseExprId  an Attribute's or Subscript's object, a Call's callee
 * @param indexExprId a Subscript's index (its {@code slice})
 * @param valueExprId the operand of a Starred, Await, Yield, YieldFrom, and a NamedExpr's value
 * @param constKind   a constant's kind; a Subscript's index's when it is an int or str constant
 * @param constText   an int's or str's value as text (see {@link Constants#text}); for a Subscript its index's
 * @param refId       the row of another table for the same node: a Name's {@code name_id}, a
 *                    Call's {@code call_id}, a Lambda's {@code def_id}, a comprehension's {@code comp_id}
 */
public record ExprRow(
        String id, long bstart, long bend,
        ExprKind kind, String nodeType, String scopeId, NameContext ctx, String name, String attr,
        String baseExprId, String indexExprId, String valueExprId, ConstKind constKind, String constText,
        String refId) implements Row {
    public ExprRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(nodeType, "nodeType is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
