package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * An operand whose value can be the value of its expression: the two branches of
 * {@code b if t else c}, each operand of {@code a or b} and {@code a and b}. The span is the operand's.
 *
 * @param position the branch (0 for the body, 1 for the else) or the operand's index
 */
public record OperandRow(String id, long bstart, long bend, String exprId, String operandExprId, int position)
        implements Row {
    public OperandRow {
        requireNonNull(id, "id is null");
        requireNonNull(exprId, "exprId is null");
        requireNonNull(operandExprId, "operandExprId is null");
    }
}
