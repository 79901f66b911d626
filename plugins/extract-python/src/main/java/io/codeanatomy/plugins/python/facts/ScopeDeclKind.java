package io.codeanatomy.plugins.python.facts;

/** A {@code global} or a {@code nonlocal} declaration. */
public enum ScopeDeclKind {
    GLOBAL, NONLOCAL
}
