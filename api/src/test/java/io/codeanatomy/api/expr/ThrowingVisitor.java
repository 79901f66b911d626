package io.codeanatomy.api.expr;

import java.util.List;
import java.util.Optional;

/** A visitor for tests that handle a few kinds: every method not overridden throws. */
abstract class ThrowingVisitor implements FieldVisitor<Field<?>> {
    private static Field<?> unexpected(String kind) {
        throw new AssertionError("unexpected " + kind);
    }

    @Override
    public Field<?> visitLiteral(DataType<?> type, Object value) {
        return unexpected("literal");
    }

    @Override
    public Field<?> visitColumn(Optional<String> relation, String name, DataType<?> type) {
        return unexpected("column");
    }

    @Override
    public Field<?> visitComparison(ComparisonOperator operator, Field<?> left, Field<?> right) {
        return unexpected("comparison");
    }

    @Override
    public Field<?> visitNullTest(Field<?> operand, boolean negated) {
        return unexpected("null test");
    }

    @Override
    public Field<?> visitIn(Field<?> operand, List<Field<?>> values) {
        return unexpected("in");
    }

    @Override
    public Field<?> visitJunction(LogicalOperator operator, List<Condition> operands) {
        return unexpected("junction");
    }

    @Override
    public Field<?> visitNot(Condition operand) {
        return unexpected("not");
    }

    @Override
    public Field<?> visitPredicate(Field<Boolean> operand) {
        return unexpected("predicate");
    }

    @Override
    public Field<?> visitArithmetic(ArithmeticOperator operator, DataType<?> type, Field<?> left, Field<?> right) {
        return unexpected("arithmetic");
    }

    @Override
    public Field<?> visitNegate(Field<?> operand) {
        return unexpected("negate");
    }

    @Override
    public Field<?> visitCase(DataType<?> type, List<Condition> whens, List<Field<?>> thens, Field<?> otherwise) {
        return unexpected("case");
    }

    @Override
    public Field<?> visitCast(Field<?> operand, DataType<?> target) {
        return unexpected("cast");
    }

    @Override
    public Field<?> visitCall(String name, DataType<?> returnType, List<Field<?>> arguments) {
        return unexpected("call");
    }

    @Override
    public Field<?> visitStruct(DataType<?> type, List<String> names, List<Field<?>> values) {
        return unexpected("struct");
    }

    @Override
    public Field<?> visitMember(Field<?> struct, String member, DataType<?> type) {
        return unexpected("member");
    }

    @Override
    public Field<?> visitCoalesce(DataType<?> type, List<Field<?>> operands) {
        return unexpected("coalesce");
    }
}
