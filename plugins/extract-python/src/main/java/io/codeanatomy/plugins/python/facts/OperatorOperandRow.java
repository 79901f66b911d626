package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * An operand of an arithmetic, bitwise, unary or comparison operator ({@code BinOp}, {@code UnaryOp},
 * {@code Compare}): the calls the language makes implicitly ({@code __add__}, {@code __neg__},
 * {@code __lt__}, {@code __contains__}) are found by the operands' values and the operator. The span
 * is the operand's.
 *
 * @param position 0 the left operand (a UnaryOp's only one); 1 the right one; a comparison's
 *     comparators 1, 2, ... in order
 * @param op CPython's operator class name: a BinOp's ({@code Add}) and a UnaryOp's ({@code USub},
 *     {@code Not}) on each of its rows; for a comparison the operator between the previous operand
 *     and this one ({@code Lt}, {@code In}), null on the left operand
 */
public record OperatorOperandRow(String id, long bstart, long bend, String exprId, String operandExprId, int position,
        String op) implements Row {
    public OperatorOperandRow {
        requireNonNull(id, "id is null");
        requireNonNull(exprId, "exprId is null");
        requireNonNull(operandExprId, "operandExprId is null");
    }
}
