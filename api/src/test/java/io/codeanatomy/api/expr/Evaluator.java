package io.codeanatomy.api.expr;

import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reference interpreter of the algebra over one row, with SQL three-valued logic (null is
 * unknown). Tests use it to check that helpers such as {@code Spans} mean what they say. Function
 * calls are evaluated by the implementations the test passes, by name.
 */
public final class Evaluator implements FieldVisitor<Object> {
    private final Map<String, Object> row;
    private final Map<String, Function<List<Object>, Object>> functions;

    /** {@code row} maps {@code relation.column} (or {@code column}) to a value. */
    public Evaluator(Map<String, Object> row) {
        this(row, Map.of());
    }

    public Evaluator(Map<String, Object> row, Map<String, Function<List<Object>, Object>> functions) {
        this.row = row;
        this.functions = functions;
    }

    public Object eval(Field<?> field) {
        return field.accept(this);
    }

    @Override
    public Object visitLiteral(DataType<?> type, Object value) {
        return value;
    }

    @Override
    public Object visitColumn(Optional<String> relation, String name, DataType<?> type) {
        String key = relation.map(r -> r + "." + name).orElse(name);
        if (!row.containsKey(key)) {
            throw new IllegalArgumentException("no column " + key);
        }
        return row.get(key);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public Object visitComparison(ComparisonOperator operator, Field<?> left, Field<?> right) {
        Object l = eval(left);
        Object r = eval(right);
        if (l == null || r == null) {
            return null;
        }
        int c = ((Comparable) l).compareTo(r);
        return switch (operator) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    @Override
    public Object visitNullTest(Field<?> operand, boolean negated) {
        return (eval(operand) == null) != negated;
    }

    @Override
    public Object visitIn(Field<?> operand, List<Field<?>> values) {
        Object value = eval(operand);
        if (value == null) {
            return null;
        }
        boolean sawNull = false;
        for (Field<?> candidate : values) {
            Object c = eval(candidate);
            if (c == null) {
                sawNull = true;
            }
            else if (c.equals(value)) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    @Override
    public Object visitJunction(LogicalOperator operator, List<Condition> operands) {
        boolean sawNull = false;
        boolean decisive = operator == LogicalOperator.OR;
        for (Condition operand : operands) {
            Boolean value = (Boolean) eval(operand);
            if (value == null) {
                sawNull = true;
            }
            else if (value == decisive) {
                return decisive;
            }
        }
        return sawNull ? null : !decisive;
    }

    @Override
    public Object visitNot(Condition operand) {
        Boolean value = (Boolean) eval(operand);
        return value == null ? null : !value;
    }

    @Override
    public Object visitPredicate(Field<Boolean> operand) {
        return eval(operand);
    }

    @Override
    public Object visitArithmetic(ArithmeticOperator operator, DataType<?> type, Field<?> left, Field<?> right) {
        Number l = (Number) eval(left);
        Number r = (Number) eval(right);
        if (l == null || r == null) {
            return null;
        }
        if (type.equals(DataType.FLOAT64)) {
            double a = l.doubleValue();
            double b = r.doubleValue();
            return switch (operator) {
                case PLUS -> a + b;
                case MINUS -> a - b;
                case TIMES -> a * b;
                case DIVIDE -> a / b;
                case MOD -> a % b;
            };
        }
        long a = l.longValue();
        long b = r.longValue();
        long result = switch (operator) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case TIMES -> a * b;
            case DIVIDE -> a / b;
            case MOD -> a % b;
        };
        return type.equals(DataType.INT32) ? (Object) (int) result : (Object) result;
    }

    @Override
    public Object visitNegate(Field<?> operand) {
        Object value = eval(operand);
        if (value instanceof Integer) {
            return -(Integer) value;
        }
        if (value instanceof Long) {
            return -(Long) value;
        }
        return value == null ? null : -(Double) value;
    }

    @Override
    public Object visitCase(DataType<?> type, List<Condition> whens, List<Field<?>> thens, Field<?> otherwise) {
        for (int i = 0; i < whens.size(); i++) {
            if (Boolean.TRUE.equals(eval(whens.get(i)))) {
                return eval(thens.get(i));
            }
        }
        return eval(otherwise);
    }

    @Override
    public Object visitCast(Field<?> operand, DataType<?> target) {
        Object value = eval(operand);
        if (value == null) {
            return null;
        }
        return switch (target.kind()) {
            case STRING -> value.toString();
            case INT64 -> ((Number) value).longValue();
            case INT32 -> ((Number) value).intValue();
            case FLOAT64 -> ((Number) value).doubleValue();
            default -> throw new UnsupportedOperationException("cast to " + target);
        };
    }

    @Override
    public Object visitCall(String name, DataType<?> returnType, List<Field<?>> arguments) {
        Function<List<Object>, Object> function = functions.get(name);
        if (function == null) {
            throw new UnsupportedOperationException("function " + name);
        }
        return function.apply(arguments.stream().map(this::eval).toList());
    }

    @Override
    public Object visitStruct(DataType<?> type, List<String> names, List<Field<?>> values) {
        Map<String, Object> struct = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            struct.put(names.get(i), eval(values.get(i)));
        }
        return struct;
    }

    @Override
    public Object visitMember(Field<?> struct, String member, DataType<?> type) {
        Map<?, ?> value = (Map<?, ?>) eval(struct);
        return value == null ? null : value.get(member);
    }

    @Override
    public Object visitCoalesce(DataType<?> type, List<Field<?>> operands) {
        for (Field<?> operand : operands) {
            Object value = eval(operand);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
