package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AnnAssign;
import io.codeanatomy.python.syntax.ast.Assign;
import io.codeanatomy.python.syntax.ast.AugAssign;
import io.codeanatomy.python.syntax.ast.Located;
import io.codeanatomy.python.syntax.ast.NamedExpr;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;

/** {@code py_assignments_v1}: one row per target of Assign, AnnAssign with a value, AugAssign and {@code :=}. */
final class AssignmentCollector implements FactCollector {
    @Override
    public void statement(stmt s, WalkContext context) {
        if (s instanceof Assign a) {
            for (int i = 0; i < a.targets().size(); i++) {
                row(AssignmentKind.ASSIGN, a.targets().get(i), a.value(), i, a.targets().size(), null, s, context);
            }
        } else if (s instanceof AnnAssign a && a.value() != null) {
            row(AssignmentKind.ANN_ASSIGN, a.target(), a.value(), 0, 1, null, s, context);
        } else if (s instanceof AugAssign a) {
            row(AssignmentKind.AUG_ASSIGN, a.target(), a.value(), 0, 1, a.op().name(), s, context);
        }
    }

    @Override
    public void expression(expr e, WalkContext context) {
        if (e instanceof NamedExpr n) {
            row(AssignmentKind.NAMED_EXPR, n.target(), n.value(), 0, 1, null, n, context);
        }
    }

    private static void row(AssignmentKind kind, expr target, expr value, int index, int count, String op,
                            Located node, WalkContext context) {
        context.emit(new AssignmentRow(context.id(IdKinds.ASSIGNMENT, target.bstart(), target.bend()), target.bstart(),
                target.bend(), kind, context.scope().id(), context.exprId(target), context.exprId(value), index, count,
                op, node.bstart(), node.bend()));
    }
}
