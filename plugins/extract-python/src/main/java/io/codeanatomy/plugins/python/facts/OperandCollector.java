package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.BoolOp;
import io.codeanatomy.python.syntax.ast.IfExp;
import io.codeanatomy.python.syntax.ast.expr;
import java.util.List;

/**
 * {@code py_expr_operands_v1}: the operands of conditional expressions and boolean operations, the
 * expressions whose value passes through unchanged (a comparison's or an arithmetic operator's does not).
 */
final class OperandCollector implements FactCollector {
    @Override
    public void expression(expr e, WalkContext context) {
        if (e instanceof IfExp i) {
            emit(e, List.of(i.body(), i.orelse()), context);
        } else if (e instanceof BoolOp b) {
            emit(e, b.values(), context);
        }
    }

    private static void emit(expr e, List<expr> operands, WalkContext context) {
        String exprId = context.exprId(e);
        for (int i = 0; i < operands.size(); i++) {
            expr o = operands.get(i);
            context.emit(new OperandRow(context.id(IdKinds.EXPR_OPERAND, o.bstart(), o.bend()), o.bstart(), o.bend(),
                    exprId, context.exprId(o), i));
        }
    }
}
