package io.codeanatomy.api.expr;

/** How a registered function is called. */
public enum FunctionKind {
    /** One result per row. */
    SCALAR,
    /** One result per group, or per window frame when called over a window. */
    AGGREGATE
}
