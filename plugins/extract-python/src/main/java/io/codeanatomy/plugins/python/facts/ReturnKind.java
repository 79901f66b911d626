package io.codeanatomy.plugins.python.facts;

/** How a value leaves a function (or, for AWAIT, comes back into one). */
public enum ReturnKind {
    /** {@code return [v]}. */
    RETURN,
    /** {@code yield [v]}: v is an element of the generator; the expression's value is what is sent in. */
    YIELD,
    /** {@code yield from v}: v's elements are the generator's; the expression's value is v's return value. */
    YIELD_FROM,
    /** {@code await v}: the expression's value is what the awaitable v returns. */
    AWAIT,
    /** A lambda's body, which is its return value. */
    LAMBDA
}
