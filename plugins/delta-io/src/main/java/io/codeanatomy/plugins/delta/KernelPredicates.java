package io.codeanatomy.plugins.delta;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns Calcite filter conditions into a Kernel predicate used only to skip files and row groups.
 *
 * <p>The result must be implied by the conditions (every row that passes them passes it), never
 * the other way round: conjuncts that cannot be translated are dropped, a disjunction is kept only
 * if all its branches translate. Translated: {@code = < <= > >=} between a top-level column and a
 * literal that converts exactly to the column's type (boolean, integers, double, string, date),
 * also through a cast that widens an integer column, {@code IS [NOT] NULL}, {@code AND},
 * {@code OR}, and range searches ({@code SEARCH}) after expanding them. Left out, because they
 * would skip files they must not: float columns (SQL compares a float column with a literal in
 * double precision) and string ranges (Delta orders strings by UTF-8 bytes, Java by UTF-16 units;
 * equality does not depend on the order).
 */
final class KernelPredicates {
    private static final List<SqlTypeName> INTEGER_WIDTHS =
            List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);

    private KernelPredicates() {}

    /**
     * The conjunction of what translates from {@code filters}, if anything does; {@code rexBuilder}
     * expands Calcite's range searches ({@code SEARCH} over a {@code Sarg}) into comparisons.
     */
    static Optional<Predicate> fromCalcite(List<RexNode> filters, StructType schema, RexBuilder rexBuilder) {
        List<Predicate> parts = new ArrayList<>();
        for (RexNode filter : filters) {
            translate(filter, schema, rexBuilder).ifPresent(parts::add);
        }
        return conjunction(parts);
    }

    private static Optional<Predicate> translate(RexNode node, StructType schema, RexBuilder rexBuilder) {
        if (!(node instanceof RexCall call)) {
            return Optional.empty();
        }
        switch (call.getKind()) {
            case SEARCH -> {
                return translate(RexUtil.expandSearch(rexBuilder, null, call), schema, rexBuilder);
            }
            case AND -> {
                List<Predicate> parts = new ArrayList<>();
                for (RexNode operand : call.getOperands()) {
                    translate(operand, schema, rexBuilder).ifPresent(parts::add);
                }
                return conjunction(parts);
            }
            case OR -> {
                Predicate result = null;
                for (RexNode operand : call.getOperands()) {
                    Optional<Predicate> part = translate(operand, schema, rexBuilder);
                    if (part.isEmpty()) {
                        return Optional.empty();
                    }
                    result = result == null ? part.get() : new Or(result, part.get());
                }
                return Optional.ofNullable(result);
            }
            case IS_NULL, IS_NOT_NULL -> {
                return column(call.getOperands().get(0), schema).map(field -> new Predicate(
                        call.getKind() == SqlKind.IS_NULL ? "IS_NULL" : "IS_NOT_NULL", new Column(field.getName())));
            }
            case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison(call, schema);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<Predicate> comparison(RexCall call, StructType schema) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (left instanceof RexLiteral && !(right instanceof RexLiteral)) {
            RexNode swap = left;
            left = right;
            right = swap;
            kind = kind.reverse();
        }
        if (!(right instanceof RexLiteral literal)) {
            return Optional.empty();
        }
        Optional<StructField> field = column(left, schema);
        if (field.isEmpty() || (field.get().getDataType() instanceof StringType && kind != SqlKind.EQUALS)) {
            return Optional.empty();
        }
        Optional<Literal> value = literal(literal, field.get().getDataType());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String name = switch (kind) {
            case EQUALS -> "=";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            default -> throw new IllegalStateException("Not a comparison: " + kind);
        };
        return Optional.of(new Predicate(name, new Column(field.get().getName()), value.get()));
    }

    /** The top-level column {@code node} reads, looking through casts that widen an integer. */
    private static Optional<StructField> column(RexNode node, StructType schema) {
        RexNode operand = node;
        if (operand instanceof RexCall cast && cast.getKind() == SqlKind.CAST && widensInteger(cast)) {
            operand = cast.getOperands().get(0);
        }
        if (operand instanceof RexInputRef ref && ref.getIndex() < schema.length()) {
            return Optional.of(schema.at(ref.getIndex()));
        }
        return Optional.empty();
    }

    private static boolean widensInteger(RexCall cast) {
        int from = INTEGER_WIDTHS.indexOf(cast.getOperands().get(0).getType().getSqlTypeName());
        int to = INTEGER_WIDTHS.indexOf(cast.getType().getSqlTypeName());
        return from >= 0 && to >= from;
    }

    private static Optional<Literal> literal(RexLiteral literal, DataType type) {
        if (literal.isNull()) {
            return Optional.empty();
        }
        SqlTypeName literalType = literal.getTypeName();
        if (type instanceof BooleanType && literalType == SqlTypeName.BOOLEAN) {
            return Optional.of(Literal.ofBoolean(literal.getValueAs(Boolean.class)));
        }
        if (type instanceof StringType && SqlTypeName.CHAR_TYPES.contains(literalType)) {
            return Optional.of(Literal.ofString(literal.getValueAs(String.class)));
        }
        if (type instanceof DateType && literalType == SqlTypeName.DATE) {
            return Optional.of(Literal.ofDate(literal.getValueAs(Integer.class)));
        }
        if (!SqlTypeName.NUMERIC_TYPES.contains(literalType)) {
            return Optional.empty();
        }
        BigDecimal number = literal.getValueAs(BigDecimal.class);
        try {
            if (type instanceof DoubleType) {
                return Optional.of(Literal.ofDouble(number.doubleValue()));
            }
            if (type instanceof ByteType) {
                return Optional.of(Literal.ofByte(number.byteValueExact()));
            }
            if (type instanceof ShortType) {
                return Optional.of(Literal.ofShort(number.shortValueExact()));
            }
            if (type instanceof IntegerType) {
                return Optional.of(Literal.ofInt(number.intValueExact()));
            }
            if (type instanceof LongType) {
                return Optional.of(Literal.ofLong(number.longValueExact()));
            }
        } catch (ArithmeticException e) {
            // No exact value of the column's type: the comparison skips nothing.
        }
        return Optional.empty();
    }

    private static Optional<Predicate> conjunction(List<Predicate> parts) {
        Predicate result = null;
        for (Predicate part : parts) {
            result = result == null ? part : new And(result, part);
        }
        return Optional.ofNullable(result);
    }
}
