package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

/**
 * Rewrites {@code x IN (<many literals>)} and {@code x = 1 OR x = 2 OR ...} (many) into
 * {@code x IN (SELECT v FROM <a table of the literals>)}. Left alone, Calcite inlines a long list
 * as {@code VALUES} whose generated Java exceeds 64 KB (10,000 items), and simplifies a long OR
 * chain in quadratic time (2,000 terms ran for minutes). The tables live in a sub-schema of the
 * session, so they never show among the output's tables.
 */
final class LargeLiteralLists extends SqlShuttle {
    /** Below this many literals Calcite's own handling (a search argument, ORs) is fast and stays. */
    static final int THRESHOLD = 100;
    static final String SCHEMA = "$literals";

    private final CalciteSchema literals;
    private final Function<String, SqlNode> parser;

    /** @param parser parses a query the way the user's query was parsed */
    LargeLiteralLists(CalciteSchema schema, Function<String, SqlNode> parser) {
        requireNonNull(schema, "schema is null");
        this.parser = requireNonNull(parser, "parser is null");
        CalciteSchema existing = schema.getSubSchema(SCHEMA, true);
        this.literals = existing != null ? existing : schema.add(SCHEMA, new AbstractSchema());
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.OR) {
            SqlNode grouped = groupEqualities(call);
            if (grouped != call) {
                return grouped.accept(this);
            }
        }
        if ((call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN) && call.operand(1) instanceof SqlNodeList list) {
            SqlNode table = table(list.getList());
            if (table != null) {
                SqlNode left = call.operand(0).accept(this);
                return call.getOperator().createCall(call.getParserPosition(), left, table);
            }
        }
        return super.visit(call);
    }

    /** {@code a = 1 OR ... OR a = n OR rest}: each expression compared with many literals becomes one IN. */
    private SqlNode groupEqualities(SqlCall or) {
        List<SqlNode> terms = new ArrayList<>();
        flattenOr(or, terms);
        if (terms.size() < THRESHOLD) {
            return or;
        }
        // Keyed by the expression's text; equalsDeep confirms, so two texts never merge two expressions.
        Map<String, List<SqlNode>> literalsByExpression = new LinkedHashMap<>();
        Map<String, SqlNode> expressions = new LinkedHashMap<>();
        List<SqlNode> rest = new ArrayList<>();
        for (SqlNode term : terms) {
            SqlNode[] sides = equalityWithLiteral(term);
            if (sides == null) {
                rest.add(term);
                continue;
            }
            String key = sides[0].toString();
            SqlNode seen = expressions.putIfAbsent(key, sides[0]);
            if (seen != null && !seen.equalsDeep(sides[0], Litmus.IGNORE)) {
                rest.add(term);
                continue;
            }
            literalsByExpression.computeIfAbsent(key, k -> new ArrayList<>()).add(sides[1]);
        }
        if (literalsByExpression.values().stream().noneMatch(l -> l.size() >= THRESHOLD)) {
            return or;
        }
        List<SqlNode> disjuncts = new ArrayList<>();
        SqlParserPos pos = or.getParserPosition();
        literalsByExpression.forEach((key, values) -> {
            if (values.size() >= THRESHOLD) {
                disjuncts.add(SqlStdOperatorTable.IN.createCall(pos, expressions.get(key), new SqlNodeList(values, pos)));
            } else {
                values.forEach(v -> disjuncts.add(SqlStdOperatorTable.EQUALS.createCall(pos, expressions.get(key), v)));
            }
        });
        disjuncts.addAll(rest);
        SqlNode result = disjuncts.get(0);
        for (int i = 1; i < disjuncts.size(); i++) {
            result = SqlStdOperatorTable.OR.createCall(pos, result, disjuncts.get(i));
        }
        return result;
    }

    private static void flattenOr(SqlNode node, List<SqlNode> terms) {
        // Iterative on the left spine: the parser nests a chain of n ORs n deep.
        List<SqlNode> rights = new ArrayList<>();
        SqlNode current = node;
        while (current instanceof SqlBasicCall call && call.getKind() == SqlKind.OR) {
            for (int i = call.operandCount() - 1; i >= 1; i--) {
                rights.add(call.operand(i));
            }
            current = call.operand(0);
        }
        terms.add(current);
        for (int i = rights.size() - 1; i >= 0; i--) {
            SqlNode right = rights.get(i);
            if (right instanceof SqlBasicCall call && call.getKind() == SqlKind.OR) {
                flattenOr(right, terms);
            } else {
                terms.add(right);
            }
        }
    }

    /** {@code [expression, literal]} of {@code expression = literal} or {@code literal = expression}; null otherwise. */
    private static SqlNode[] equalityWithLiteral(SqlNode term) {
        if (!(term instanceof SqlBasicCall call) || call.getKind() != SqlKind.EQUALS) {
            return null;
        }
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        if (literal(right) != null && literal(left) == null) {
            return new SqlNode[] {left, right};
        }
        if (literal(left) != null && literal(right) == null) {
            return new SqlNode[] {right, left};
        }
        return null;
    }

    /** The list's literals as a table reference, or null when it is short or not all integers or all strings. */
    private SqlNode table(List<SqlNode> items) {
        if (items.size() < THRESHOLD) {
            return null;
        }
        List<Object> values = new ArrayList<>(items.size());
        SqlTypeName type = null;
        for (SqlNode item : items) {
            Object value = literal(item);
            SqlTypeName itemType = value instanceof Long ? SqlTypeName.BIGINT : value instanceof String ? SqlTypeName.VARCHAR : null;
            if (itemType == null || (type != null && type != itemType)) {
                return null;
            }
            type = itemType;
            values.add(value);
        }
        String name = "in_" + literals.getTableNames().size();
        literals.add(name, new LiteralListTable(type, values));
        return parser.apply("SELECT \"" + LiteralListTable.COLUMN + "\" FROM \"" + SCHEMA + "\".\"" + name + "\"");
    }

    /** An integer that fits a long, or a character string; null for anything else (NULL, decimals, expressions). */
    private static Object literal(SqlNode node) {
        if (node instanceof SqlCharStringLiteral string) {
            return string.getValueAs(String.class);
        }
        boolean negative = false;
        SqlNode operand = node;
        if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS_PREFIX) {
            negative = true;
            operand = call.operand(0);
        }
        if (operand instanceof SqlNumericLiteral number && number.isExact()) {
            BigDecimal value = number.getValueAs(BigDecimal.class);
            if (negative) {
                value = value.negate();
            }
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
