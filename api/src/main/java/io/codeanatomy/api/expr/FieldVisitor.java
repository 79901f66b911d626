package io.codeanatomy.api.expr;

import java.util.List;
import java.util.Optional;

/**
 * Visits one expression node, receiving its parts. There is one method per {@link ExprKind}; the
 * algebra is closed ({@link Field} is sealed), so a visitor that implements every method handles
 * every expression. A visitor recurses by calling {@link Field#accept} on the parts it needs.
 *
 * @param <R> what the visitor produces per node (a Calcite {@code RexNode}, a string, ...)
 */
public interface FieldVisitor<R> {
    /** A constant; {@code value} is null for a typed null, a copy for binary values. */
    R visitLiteral(DataType<?> type, Object value);

    /** A column; {@code relation} is the qualifier (a scan alias) when the reference has one. */
    R visitColumn(Optional<String> relation, String name, DataType<?> type);

    /** {@code left op right}; both sides have the same type. */
    R visitComparison(ComparisonOperator operator, Field<?> left, Field<?> right);

    /** {@code operand IS NULL}, or {@code IS NOT NULL} when {@code negated}. */
    R visitNullTest(Field<?> operand, boolean negated);

    /** {@code operand IN (values...)}; values share the operand's type and are never empty. */
    R visitIn(Field<?> operand, List<Field<?>> values);

    /** {@code a AND b AND ...} or {@code a OR b OR ...}, with at least two operands. */
    R visitJunction(LogicalOperator operator, List<Condition> operands);

    /** {@code NOT operand}. */
    R visitNot(Condition operand);

    /** A boolean-typed field used as a condition (a boolean column, literal or function result). */
    R visitPredicate(Field<Boolean> operand);

    /** {@code left op right} over one numeric {@code type}. */
    R visitArithmetic(ArithmeticOperator operator, DataType<?> type, Field<?> left, Field<?> right);

    /** {@code -operand}. */
    R visitNegate(Field<?> operand);

    /**
     * {@code CASE WHEN whens[0] THEN thens[0] ... ELSE otherwise END}; {@code whens} and
     * {@code thens} have the same, non-zero size; a case without a declared else has a typed null
     * literal as {@code otherwise}.
     */
    R visitCase(DataType<?> type, List<Condition> whens, List<Field<?>> thens, Field<?> otherwise);

    /** {@code CAST(operand AS target)}. */
    R visitCast(Field<?> operand, DataType<?> target);

    /** A call of the function registered under {@code name}, declared to return {@code returnType}. */
    R visitCall(String name, DataType<?> returnType, List<Field<?>> arguments);

    /** A struct built from named values; {@code type} is a struct type with one member per name. */
    R visitStruct(DataType<?> type, List<String> names, List<Field<?>> values);

    /** The member {@code member} of a struct-typed {@code struct}. */
    R visitMember(Field<?> struct, String member, DataType<?> type);

    /** The first non-null operand, at least two operands of one type. */
    R visitCoalesce(DataType<?> type, List<Field<?>> operands);
}
