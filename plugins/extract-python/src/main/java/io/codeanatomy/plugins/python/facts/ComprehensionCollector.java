package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.comprehension;
import io.codeanatomy.python.syntax.ast.expr;
import java.util.List;

/** {@code py_comprehensions_v1}: one row per comprehension, as its scope is entered. */
final class ComprehensionCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (scope.kind() != ScopeKind.COMPREHENSION) {
            return;
        }
        expr node = (expr) scope.node();
        ComprehensionKind kind = ComprehensionKind.of(node);
        List<comprehension> generators = kind.generators(node);
        boolean async = false;
        for (comprehension g : generators) {
            async |= g.is_async() != 0;
        }
        Scope outer = scope.parent();
        context.emit(new ComprehensionRow(scope.id(), node.bstart(), node.bend(), kind, generators.size(), async,
                outer.id(), outer.enclosingDefId(), context.inAnnotation()));
    }
}
