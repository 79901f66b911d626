package io.codeanatomy.plugins.python.facts;

/**
 * The kinds of scope CPython's symbol table creates: the five of 3.11 and, for PEP 695 syntax
 * (3.12+), the hidden scopes of a generic definition's type parameters, of a type alias's value,
 * and of a type variable's bound or constraints (3.13+ also its default).
 */
public enum ScopeKind {
    MODULE, FUNCTION, LAMBDA, CLASS, COMPREHENSION, TYPE_PARAMETERS, TYPE_ALIAS, TYPE_VARIABLE;

    /** One of the 3.12+ scopes, which CPython's compiler treats as functions. */
    public boolean isTypeScope() {
        return this == TYPE_PARAMETERS || this == TYPE_ALIAS || this == TYPE_VARIABLE;
    }
}
