package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.DictComp;
import io.codeanatomy.python.syntax.ast.GeneratorExp;
import io.codeanatomy.python.syntax.ast.ListComp;
import io.codeanatomy.python.syntax.ast.SetComp;
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
        List<comprehension> generators = FactWalker.generators(node);
        boolean async = false;
        for (comprehension g : generators) {
            async |= g.is_async() != 0;
        }
        Scope outer = scope.parent();
        context.emit(new ComprehensionRow(scope.id(), node.bstart(), node.bend(), kind(node), generators.size(), async,
                outer.id(), outer.enclosingDefId()));
    }

    static ComprehensionKind kind(expr node) {
        if (node instanceof ListComp) {
            return ComprehensionKind.LIST;
        } else if (node instanceof SetComp) {
            return ComprehensionKind.SET;
        } else if (node instanceof DictComp) {
            return ComprehensionKind.DICT;
        } else if (node instanceof GeneratorExp) {
            return ComprehensionKind.GENERATOR;
        }
        throw new IllegalArgumentException("not a comprehension: " + node.getClass().getSimpleName());
    }
}
