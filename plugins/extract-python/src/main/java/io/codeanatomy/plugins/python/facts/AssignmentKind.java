package io.codeanatomy.plugins.python.facts;

/** The statement or expression that assigns a value to a target. */
public enum AssignmentKind {
    /** {@code a = b = v}: one row per target. */
    ASSIGN,
    /** {@code x: T = v} (with a value; {@code x: T} alone assigns nothing). */
    ANN_ASSIGN,
    /** {@code x += v}: the target is read, combined with the value by {@code op}, and stored. */
    AUG_ASSIGN,
    /** {@code (x := v)}. */
    NAMED_EXPR
}
