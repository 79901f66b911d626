package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.stmt;

/** {@code py_scope_decls_v1}: one row per name of a {@code global} or {@code nonlocal} statement. */
final class ScopeDeclCollector implements FactCollector {
    @Override
    public void name(NameOccurrence n, WalkContext context) {
        ScopeDeclKind kind = switch (n.introducedBy()) {
            case GLOBAL -> ScopeDeclKind.GLOBAL;
            case NONLOCAL -> ScopeDeclKind.NONLOCAL;
            default -> null;
        };
        if (kind != null) {
            stmt s = (stmt) n.node();
            context.emit(new ScopeDeclRow(n.introducedId(), n.bstart(), n.bend(), kind, n.name(), n.scope().id(),
                    s.bstart(), s.bend()));
        }
    }
}
