package io.codeanatomy.plugins.python.facts;

/**
 * How a name occurrence uses its name: CPython's expression contexts Load, Store and Del, plus
 * DECLARE for the names of {@code global} and {@code nonlocal} statements, which are neither.
 */
public enum NameContext {
    LOAD, STORE, DEL, DECLARE
}
