package io.codeanatomy.plugins.python.facts;

/** A construct that runs one of two parts on a test. */
public enum BranchKind {
    /** {@code if test: body else: orelse} ({@code elif} is an {@code if} in the orelse). */
    IF,
    /** {@code while test: body else: orelse}. */
    WHILE,
    /** {@code body if test else orelse}. */
    IF_EXP
}
