package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.BinOp;
import io.codeanatomy.python.syntax.ast.Compare;
import io.codeanatomy.python.syntax.ast.UnaryOp;
import io.codeanatomy.python.syntax.ast.expr;

/**
 * {@code py_operator_operands_v1}: the operands of operators and comparisons with the operator,
 * for the implicit dunder calls of call resolution.
 */
final class OperatorOperandCollector implements FactCollector {
    @Override
    public void expression(expr e, WalkContext context) {
        if (e instanceof BinOp b) {
            emit(e, b.left(), 0, b.op().name(), context);
            emit(e, b.right(), 1, b.op().name(), context);
        } else if (e instanceof UnaryOp u) {
            emit(e, u.operand(), 0, u.op().name(), context);
        } else if (e instanceof Compare c) {
            emit(e, c.left(), 0, null, context);
            for (int i = 0; i < c.comparators().size(); i++) {
                emit(e, c.comparators().get(i), i + 1, c.ops().get(i).name(), context);
            }
        }
    }

    private static void emit(expr e, expr operand, int position, String op, WalkContext context) {
        context.emit(new OperatorOperandRow(context.id(IdKinds.OPERATOR_OPERAND, operand.bstart(), operand.bend()),
                operand.bstart(), operand.bend(), context.exprId(e), context.exprId(operand), position, op));
    }
}
