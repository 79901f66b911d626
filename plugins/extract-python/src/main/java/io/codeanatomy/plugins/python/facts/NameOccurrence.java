package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.Node;

/**
 * An identifier occurrence that CPython's symbol table sees, as the walk meets it: where, what,
 * in which scope, and the node it belongs to. The walker decides all of it (that is the symbol
 * table's logic); collectors only turn it into rows.
 *
 * @param symbol         the name as the symbol table holds it (private names mangled)
 * @param scope          the scope whose table holds it
 * @param bindingScopeId the other scope CPython also enters it in (a {@code global} declaration's
 *                       module, a comprehension's {@code :=} target's function or module), else null
 * @param introducedId   the def, parameter, import or scope-declaration row it names, else null
 * @param node           the node it belongs to: the Name, the def or class, the {@code arg}, the
 *                       import {@code alias}, the except handler, the match pattern, the type
 *                       parameter, or the global/nonlocal statement
 */
public record NameOccurrence(
        int bstart, int bend, String name, String symbol, NameContext ctx, NameIntroducer introducedBy,
        Scope scope, String bindingScopeId, boolean inAnnotation, String introducedId, Node node) {
    public NameOccurrence {
        requireNonNull(name, "name is null");
        requireNonNull(symbol, "symbol is null");
        requireNonNull(ctx, "ctx is null");
        requireNonNull(introducedBy, "introducedBy is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(node, "node is null");
    }
}
