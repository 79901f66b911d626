package io.codeanatomy.api.expr;

import java.util.List;
import java.util.Optional;

/**
 * Renders expressions as SQL-like text. The typed form adds every column's and literal's type
 * and spells doubles exactly; it is canonical (same tree, same text, on every JVM) and is what
 * spec fingerprints hash. The untyped form is for people.
 */
final class Renderer implements FieldVisitor<String> {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Renderer TYPED = new Renderer(true);
    private static final Renderer PLAIN = new Renderer(false);

    private final boolean typed;

    private Renderer(boolean typed) {
        this.typed = typed;
    }

    static String render(Field<?> field, boolean typed) {
        return field.accept(typed ? TYPED : PLAIN);
    }

    private String r(Field<?> field) {
        return field.accept(this);
    }

    private String list(List<? extends Field<?>> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(r(fields.get(i)));
        }
        return out.toString();
    }

    @Override
    public String visitLiteral(DataType<?> type, Object value) {
        if (value == null) {
            return "NULL:" + type;
        }
        String text = switch (type.kind()) {
            case BOOLEAN -> ((Boolean) value) ? "TRUE" : "FALSE";
            case STRING -> "'" + ((String) value).replace("'", "''") + "'";
            case BINARY -> {
                byte[] bytes = (byte[]) value;
                StringBuilder out = new StringBuilder("X'");
                for (byte b : bytes) {
                    out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
                yield out.append('\'').toString();
            }
            // Double.toString changed between JDK releases; the hex form is exact and stable.
            case FLOAT64 -> typed ? Double.toHexString((Double) value) : value.toString();
            default -> value.toString();
        };
        return typed ? text + ":" + type : text;
    }

    @Override
    public String visitColumn(Optional<String> relation, String name, DataType<?> type) {
        String text = relation.map(r -> Names.quote(r) + ".").orElse("") + Names.quote(name);
        return typed ? text + ":" + type : text;
    }

    @Override
    public String visitComparison(ComparisonOperator operator, Field<?> left, Field<?> right) {
        return "(" + r(left) + " " + operator.symbol() + " " + r(right) + ")";
    }

    @Override
    public String visitNullTest(Field<?> operand, boolean negated) {
        return "(" + r(operand) + (negated ? " IS NOT NULL)" : " IS NULL)");
    }

    @Override
    public String visitIn(Field<?> operand, List<Field<?>> values) {
        return "(" + r(operand) + " IN (" + list(values) + "))";
    }

    @Override
    public String visitJunction(LogicalOperator operator, List<Condition> operands) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(' ').append(operator.name()).append(' ');
            }
            out.append(r(operands.get(i)));
        }
        return out.append(')').toString();
    }

    @Override
    public String visitNot(Condition operand) {
        return "(NOT " + r(operand) + ")";
    }

    @Override
    public String visitPredicate(Field<Boolean> operand) {
        return "(" + r(operand) + " IS TRUE)";
    }

    @Override
    public String visitArithmetic(ArithmeticOperator operator, DataType<?> type, Field<?> left, Field<?> right) {
        return "(" + r(left) + " " + operator.symbol() + " " + r(right) + ")";
    }

    @Override
    public String visitNegate(Field<?> operand) {
        return "(- " + r(operand) + ")";
    }

    @Override
    public String visitCase(DataType<?> type, List<Condition> whens, List<Field<?>> thens, Field<?> otherwise) {
        StringBuilder out = new StringBuilder("CASE");
        for (int i = 0; i < whens.size(); i++) {
            out.append(" WHEN ").append(r(whens.get(i))).append(" THEN ").append(r(thens.get(i)));
        }
        return out.append(" ELSE ").append(r(otherwise)).append(" END").toString();
    }

    @Override
    public String visitCast(Field<?> operand, DataType<?> target) {
        return "CAST(" + r(operand) + " AS " + target + ")";
    }

    @Override
    public String visitCall(String name, DataType<?> returnType, List<Field<?>> arguments) {
        String text = Names.quote(name) + "(" + list(arguments) + ")";
        return typed ? text + ":" + returnType : text;
    }

    @Override
    public String visitStruct(DataType<?> type, List<String> names, List<Field<?>> values) {
        StringBuilder out = new StringBuilder("STRUCT(");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(Names.quote(names.get(i))).append(" := ").append(r(values.get(i)));
        }
        return out.append(')').toString();
    }

    @Override
    public String visitMember(Field<?> struct, String member, DataType<?> type) {
        return r(struct) + "[" + Names.quote(member) + "]";
    }

    @Override
    public String visitCoalesce(DataType<?> type, List<Field<?>> operands) {
        return "COALESCE(" + list(operands) + ")";
    }
}
