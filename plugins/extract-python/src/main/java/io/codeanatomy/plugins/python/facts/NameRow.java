package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * One identifier occurrence that CPython's symbol table sees.
 *
 * @param name           the identifier as the AST has it (NFKC-normalized)
 * @param symbol         the name as the symbol table holds it: inside a class, {@code __x} becomes
 *                       {@code _Class__x} (private name mangling); otherwise the name
 * @param scopeId        the scope whose symbol table holds it: a def, lambda or comprehension id, or
 *                       the file id for the module
 * @param bindingScopeId the other scope whose symbol table CPython also puts the name in: the module
 *                       for a {@code global} declaration, the enclosing function or module for an
 *                       assignment expression inside a comprehension; null otherwise
 * @param isAnnotation   inside an annotation
 * @param introducedId   the def, parameter, import or scope-declaration row this occurrence names, if any
 */
public record NameRow(
        String id, long bstart, long bend,
        String name, String symbol, NameContext ctx, NameIntroducer introducedBy,
        String scopeId, String bindingScopeId, boolean isAnnotation, String introducedId) implements Row {
    public NameRow {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(symbol, "symbol is null");
        requireNonNull(ctx, "ctx is null");
        requireNonNull(introducedBy, "introducedBy is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
