package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * A scope CPython 3.12+ creates for PEP 695 syntax ({@code Python/symtable.c}): the type parameters
 * of a generic function, class or type alias, the value of a type alias, the bound (or
 * constraints) and, from 3.13, the default of a type variable.
 *
 * @param kind          {@code TYPE_PARAMETERS}, {@code TYPE_ALIAS} or {@code TYPE_VARIABLE}
 * @param name          symtable's name for it: the function's, class's or alias's name, the type
 *                      variable's name
 * @param scopeId       the enclosing scope
 * @param ownerId       for the type parameters of a generic function or class, its def id (its
 *                      scope's parent is this scope); else null
 * @param ownerKind     for type parameters, what they belong to: {@code FUNCTION} (also async),
 *                      {@code CLASS} or {@code TYPE_ALIAS}; else null
 * @param hasKwDefaults the generic function has a keyword-only parameter with a default
 * @param seesClass     CPython's {@code ste_can_see_class_scope}: the scope is directly in a class
 *                      body (a type variable's: its type parameters' is), so it reads
 *                      {@code __classdict__}
 */
public record TypeScopeRow(
        String id, long bstart, long bend,
        ScopeKind kind, String name, String scopeId, String ownerId, String ownerKind, boolean hasKwDefaults,
        boolean seesClass) implements Row {
    public TypeScopeRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(scopeId, "scopeId is null");
        if (!kind.isTypeScope()) {
            throw new IllegalArgumentException("not a type scope: " + kind);
        }
    }
}
