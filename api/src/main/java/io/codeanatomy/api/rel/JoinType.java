package io.codeanatomy.api.rel;

/** How a join combines rows; {@link #SEMI} and {@link #ANTI} keep only the left side's columns. */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    /** Left rows with at least one match. */
    SEMI,
    /** Left rows with no match. */
    ANTI
}
