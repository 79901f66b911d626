package io.codeanatomy.plugins.python.facts;

/** The kinds of scope CPython's symbol table creates (3.12+ type-parameter scopes are not modelled). */
public enum ScopeKind {
    MODULE, FUNCTION, LAMBDA, CLASS, COMPREHENSION
}
