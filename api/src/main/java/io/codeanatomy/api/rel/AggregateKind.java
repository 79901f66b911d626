package io.codeanatomy.api.rel;

/** The aggregate functions an {@link AggregateCall} can apply. */
public enum AggregateKind {
    /** Number of rows ({@code COUNT(*)}) or of non-null argument values; INT64. */
    COUNT,
    /** Sum of a numeric argument, in the argument's type. */
    SUM,
    MIN,
    MAX,
    /** The argument values as a list, ordered by the call's sort keys ({@code ARRAY_AGG}). */
    COLLECT,
    /** An aggregate function contributed by a plugin, called by its registered name. */
    REGISTERED
}
