package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.If;
import io.codeanatomy.python.syntax.ast.IfExp;
import io.codeanatomy.python.syntax.ast.While;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;
import java.util.List;

/** {@code py_branches_v1}: every {@code if} and {@code while} statement and conditional expression. */
final class BranchCollector implements FactCollector {
    @Override
    public void statement(stmt s, WalkContext context) {
        if (s instanceof If i) {
            emit(BranchKind.IF, s.bstart(), s.bend(), i.test(), i.body(), i.orelse(), context);
        } else if (s instanceof While w) {
            emit(BranchKind.WHILE, s.bstart(), s.bend(), w.test(), w.body(), w.orelse(), context);
        }
    }

    @Override
    public void expression(expr e, WalkContext context) {
        if (e instanceof IfExp i) {
            context.emit(new BranchRow(context.id(IdKinds.BRANCH, e.bstart(), e.bend()), e.bstart(), e.bend(), BranchKind.IF_EXP,
                    context.scope().id(), context.exprId(i.test()), i.body().bstart(), i.body().bend(), i.orelse().bstart(),
                    i.orelse().bend()));
        }
    }

    private static void emit(BranchKind kind, long bstart, long bend, expr test, List<stmt> body, List<stmt> orelse, WalkContext context) {
        // Only a tree recovered from a syntax error (`if x:` over a Python 2 `print 1`) has an empty body.
        boolean hasBody = !body.isEmpty();
        boolean otherwise = !orelse.isEmpty();
        context.emit(new BranchRow(context.id(IdKinds.BRANCH, bstart, bend), bstart, bend, kind, context.scope().id(), context.exprId(test),
                hasBody ? body.get(0).bstart() : -1, hasBody ? body.get(body.size() - 1).bend() : -1,
                otherwise ? orelse.get(0).bstart() : -1, otherwise ? orelse.get(orelse.size() - 1).bend() : -1));
    }
}
