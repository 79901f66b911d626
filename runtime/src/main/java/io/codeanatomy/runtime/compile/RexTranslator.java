package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.ArithmeticOperator;
import io.codeanatomy.api.expr.ComparisonOperator;
import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.FieldVisitor;
import io.codeanatomy.api.expr.LogicalOperator;
import io.codeanatomy.runtime.function.FunctionRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Translates api expressions to Calcite row expressions over one input row (a join's condition sees
 * the left row followed by the right row). Column references are resolved through a {@link Scope}
 * and their declared types checked against the input's real types, so a spec that disagrees with its
 * tables fails at compile time, naming the column.
 */
final class RexTranslator implements FieldVisitor<RexNode> {
    private final RexBuilder rex;
    private final RelDataTypeFactory types;
    private final Scope scope;
    private final RelDataType rowType;
    private final FunctionRegistry functions;
    private final List<Correlation> outers;

    RexTranslator(RexBuilder rex, Scope scope, RelDataType rowType, FunctionRegistry functions) {
        this(rex, scope, rowType, functions, List.of());
    }

    /**
     * @param outers the rows of enclosing relations a subquery may reference, innermost last; a
     *     qualified column the scope does not have resolves to the innermost outer row that has it
     */
    RexTranslator(RexBuilder rex, Scope scope, RelDataType rowType, FunctionRegistry functions, List<Correlation> outers) {
        this.outers = List.copyOf(requireNonNull(outers, "outers is null"));
        this.rex = requireNonNull(rex, "rex is null");
        this.types = rex.getTypeFactory();
        this.scope = requireNonNull(scope, "scope is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.functions = requireNonNull(functions, "functions is null");
    }

    RexNode translate(Field<?> field) {
        return field.accept(this);
    }

    @Override
    public RexNode visitLiteral(DataType<?> type, Object value) {
        if (value == null) {
            return rex.makeNullLiteral(TypeMapping.toCalcite(type, true, types));
        }
        RelDataType calcite = TypeMapping.toCalcite(type, false, types);
        return switch (type.kind()) {
            case BOOLEAN -> rex.makeLiteral((Boolean) value);
            case INT32, INT64 -> rex.makeExactLiteral(BigDecimal.valueOf(((Number) value).longValue()), calcite);
            case FLOAT64 -> rex.makeApproxLiteral(BigDecimal.valueOf((Double) value), calcite);
            case STRING -> rex.makeLiteral(value, calcite, false);
            case BINARY -> rex.makeLiteral(new ByteString((byte[]) value), calcite, false);
            case STRUCT, LIST -> throw new IllegalArgumentException("no literal of type " + type + " exists");
        };
    }

    @Override
    public RexNode visitColumn(Optional<String> relation, String name, DataType<?> type) {
        int index = scope.find(relation, name);
        if (index < 0 && relation.isPresent()) {
            for (int i = outers.size() - 1; i >= 0; i--) {
                Correlation outer = outers.get(i);
                int outerIndex = outer.scope().find(relation, name);
                if (outerIndex >= 0) {
                    checkType(relation, name, type, outer.rowType().getFieldList().get(outerIndex).getType());
                    return rex.makeFieldAccess(outer.variable(), outerIndex);
                }
            }
        }
        index = index >= 0 ? index : scope.resolve(relation, name);
        RelDataType actual = rowType.getFieldList().get(index).getType();
        checkType(relation, name, type, actual);
        return rex.makeInputRef(actual, index);
    }

    private static void checkType(Optional<String> relation, String name, DataType<?> type, RelDataType actual) {
        Optional<DataType<?>> actualApi = TypeMapping.toApi(actual);
        if (actualApi.isEmpty() || !actualApi.get().equals(type)) {
            throw new IllegalArgumentException("column " + relation.map(r -> r + ".").orElse("") + name + " is used as " + type
                    + " but its relation gives " + actualApi.map(Object::toString).orElse(actual.getFullTypeString()));
        }
    }

    @Override
    public RexNode visitComparison(ComparisonOperator operator, Field<?> left, Field<?> right) {
        SqlOperator op = switch (operator) {
            case EQ -> SqlStdOperatorTable.EQUALS;
            case NE -> SqlStdOperatorTable.NOT_EQUALS;
            case LT -> SqlStdOperatorTable.LESS_THAN;
            case LE -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case GT -> SqlStdOperatorTable.GREATER_THAN;
            case GE -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
        };
        return rex.makeCall(op, translate(left), translate(right));
    }

    @Override
    public RexNode visitNullTest(Field<?> operand, boolean negated) {
        return rex.makeCall(negated ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL, translate(operand));
    }

    @Override
    public RexNode visitIn(Field<?> operand, List<Field<?>> values) {
        return rex.makeIn(translate(operand), translateAll(values));
    }

    @Override
    public RexNode visitJunction(LogicalOperator operator, List<Condition> operands) {
        return rex.makeCall(operator == LogicalOperator.AND ? SqlStdOperatorTable.AND : SqlStdOperatorTable.OR, translateAll(operands));
    }

    @Override
    public RexNode visitNot(Condition operand) {
        return rex.makeCall(SqlStdOperatorTable.NOT, translate(operand));
    }

    @Override
    public RexNode visitPredicate(Field<Boolean> operand) {
        return translate(operand);
    }

    @Override
    public RexNode visitArithmetic(ArithmeticOperator operator, DataType<?> type, Field<?> left, Field<?> right) {
        SqlOperator op = switch (operator) {
            case PLUS -> SqlStdOperatorTable.PLUS;
            case MINUS -> SqlStdOperatorTable.MINUS;
            case TIMES -> SqlStdOperatorTable.MULTIPLY;
            case DIVIDE -> SqlStdOperatorTable.DIVIDE;
            case MOD -> SqlStdOperatorTable.MOD;
        };
        return rex.makeCall(op, translate(left), translate(right));
    }

    @Override
    public RexNode visitNegate(Field<?> operand) {
        return rex.makeCall(SqlStdOperatorTable.UNARY_MINUS, translate(operand));
    }

    @Override
    public RexNode visitCase(DataType<?> type, List<Condition> whens, List<Field<?>> thens, Field<?> otherwise) {
        List<RexNode> operands = new ArrayList<>();
        for (int i = 0; i < whens.size(); i++) {
            operands.add(translate(whens.get(i)));
            operands.add(translate(thens.get(i)));
        }
        operands.add(translate(otherwise));
        return rex.makeCall(SqlStdOperatorTable.CASE, operands);
    }

    @Override
    public RexNode visitCast(Field<?> operand, DataType<?> target) {
        RexNode value = translate(operand);
        return rex.makeCast(TypeMapping.toCalcite(target, value.getType().isNullable(), types), value);
    }

    @Override
    public RexNode visitCall(String name, DataType<?> returnType, List<Field<?>> arguments) {
        SqlFunction function = functions.scalar(name).orElseThrow(() -> new IllegalArgumentException(
                "no scalar function '" + name + "' is registered; registered: " + functions.scalars().keySet()));
        RexNode call = rex.makeCall(function, translateAll(arguments));
        Optional<DataType<?>> actual = TypeMapping.toApi(call.getType());
        if (actual.isEmpty() || !actual.get().equals(returnType)) {
            throw new IllegalArgumentException("function '" + name + "' is called as returning " + returnType
                    + " but returns " + actual.map(Object::toString).orElse(call.getType().getFullTypeString()));
        }
        return call;
    }

    @Override
    public RexNode visitStruct(DataType<?> type, List<String> names, List<Field<?>> values) {
        List<RexNode> operands = translateAll(values);
        List<RelDataType> memberTypes = operands.stream().map(RexNode::getType).toList();
        return rex.makeCall(types.createStructType(memberTypes, names), SqlStdOperatorTable.ROW, operands);
    }

    @Override
    public RexNode visitMember(Field<?> struct, String member, DataType<?> type) {
        return rex.makeFieldAccess(translate(struct), member, true);
    }

    @Override
    public RexNode visitCoalesce(DataType<?> type, List<Field<?>> operands) {
        return rex.makeCall(SqlStdOperatorTable.COALESCE, translateAll(operands));
    }

    private List<RexNode> translateAll(List<? extends Field<?>> fields) {
        List<RexNode> nodes = new ArrayList<>(fields.size());
        for (Field<?> field : fields) {
            nodes.add(translate(field));
        }
        return nodes;
    }
}
