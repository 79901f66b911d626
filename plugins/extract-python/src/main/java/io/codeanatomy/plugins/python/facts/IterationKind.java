package io.codeanatomy.plugins.python.facts;

/** A statement or clause that binds a target from a source. */
public enum IterationKind {
    /** {@code for t in it} (and {@code async for}): t takes the elements of it. */
    FOR,
    /** A comprehension's {@code for t in it}. */
    COMPREHENSION,
    /** A {@code with e as t} item (and {@code async with}): t takes what e's {@code __enter__} returns. */
    WITH
}
