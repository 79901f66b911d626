package io.codeanatomy.api.spec;

/**
 * What a view does, as a label for diagnostics and rule targeting; the body's operators are
 * authoritative for what gets computed.
 */
public enum ViewKind {
    /** Computes columns from one input. */
    PROJECT,
    /** Keeps some rows of one input. */
    FILTER,
    /** Combines rows of two or more inputs on a condition. */
    JOIN,
    /** Concatenates inputs of one shape. */
    UNION,
    /** Groups and aggregates. */
    AGGREGATE,
    /** Orders (and possibly limits) rows. */
    SORT
}
