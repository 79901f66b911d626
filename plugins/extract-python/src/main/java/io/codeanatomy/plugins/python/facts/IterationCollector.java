package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AsyncFor;
import io.codeanatomy.python.syntax.ast.AsyncWith;
import io.codeanatomy.python.syntax.ast.For;
import io.codeanatomy.python.syntax.ast.With;
import io.codeanatomy.python.syntax.ast.comprehension;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;
import io.codeanatomy.python.syntax.ast.withitem;
import java.util.List;

/** {@code py_iterations_v1}: every for loop, comprehension generator and with item. */
final class IterationCollector implements FactCollector {
    @Override
    public void statement(stmt s, WalkContext context) {
        if (s instanceof For f) {
            emit(IterationKind.FOR, false, f.target(), f.iter(), 0, null, context);
        } else if (s instanceof AsyncFor f) {
            emit(IterationKind.FOR, true, f.target(), f.iter(), 0, null, context);
        } else if (s instanceof With w) {
            items(w.items(), false, context);
        } else if (s instanceof AsyncWith w) {
            items(w.items(), true, context);
        }
    }

    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (scope.kind() != ScopeKind.COMPREHENSION) {
            return;
        }
        expr node = (expr) scope.node();
        List<comprehension> generators = ComprehensionKind.of(node).generators(node);
        for (int i = 0; i < generators.size(); i++) {
            comprehension g = generators.get(i);
            emit(IterationKind.COMPREHENSION, g.is_async() != 0, g.target(), g.iter(), i, scope.id(), context);
        }
    }

    private static void items(List<withitem> items, boolean async, WalkContext context) {
        for (int i = 0; i < items.size(); i++) {
            withitem item = items.get(i);
            emit(IterationKind.WITH, async, item.optional_vars(), item.context_expr(), i, null, context);
        }
    }

    private static void emit(IterationKind kind, boolean async, expr target, expr source, int index, String compId,
                             WalkContext context) {
        context.emit(new IterationRow(context.id(IdKinds.ITERATION, source.bstart(), source.bend()), source.bstart(),
                source.bend(), kind, async, context.scope().id(), target == null ? null : context.exprId(target),
                context.exprId(source), index, compId));
    }
}
