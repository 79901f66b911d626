package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Await;
import io.codeanatomy.python.syntax.ast.Lambda;
import io.codeanatomy.python.syntax.ast.Return;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;

/** {@code py_returns_v1}: every return statement, yield, yield from and await, and every lambda's body. */
final class ReturnCollector implements FactCollector {
    @Override
    public void statement(stmt s, WalkContext context) {
        if (s instanceof Return r) {
            emit(ReturnKind.RETURN, s.bstart(), s.bend(), r.value(), null, context);
        }
    }

    @Override
    public void expression(expr e, WalkContext context) {
        if (e instanceof Yield y) {
            emit(ReturnKind.YIELD, e.bstart(), e.bend(), y.value(), e, context);
        } else if (e instanceof YieldFrom y) {
            emit(ReturnKind.YIELD_FROM, e.bstart(), e.bend(), y.value(), e, context);
        } else if (e instanceof Await a) {
            emit(ReturnKind.AWAIT, e.bstart(), e.bend(), a.value(), e, context);
        }
    }

    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (scope.kind().isTypeScope()) {
            // A type scope's node is the generic definition (or a bound): its row comes with the definition's scope.
            return;
        }
        if (scope.node() instanceof Lambda l) {
            emit(ReturnKind.LAMBDA, l.bstart(), l.bend(), l.body(), l, context);
        }
    }

    private static void emit(ReturnKind kind, int bstart, int bend, expr value, expr node, WalkContext context) {
        Scope scope = context.scope();
        context.emit(new ReturnRow(context.id(IdKinds.RETURN, bstart, bend), bstart, bend, kind, scope.id(),
                scope.enclosingDefId(), value == null ? null : context.exprId(value),
                node == null ? null : context.exprId(node)));
    }
}
