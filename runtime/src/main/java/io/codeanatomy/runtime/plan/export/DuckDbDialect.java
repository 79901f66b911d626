package io.codeanatomy.runtime.plan.export;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/**
 * Calcite's DuckDB dialect with the two things DuckDB refused in our plans' SQL: a character set in
 * a type ({@code CAST(NULL AS VARCHAR CHARACTER SET "ISO-8859-1")}; DuckDB's text has none), and an
 * ordered aggregate written as {@code ARRAY_AGG(x) WITHIN GROUP (ORDER BY a, b)}, which DuckDB
 * allows only for ordered-set aggregates with one key; it is written as DuckDB's
 * {@code ARRAY_AGG(x ORDER BY a, b)}. And {@code ARRAY_AGG} leaves nulls out of the array in our
 * engine (and Calcite's) but keeps them in DuckDB's, so it is written with
 * {@code FILTER (WHERE x IS NOT NULL)}, under a {@code COALESCE} to the empty array that a group of
 * nulls gives in ours.
 */
final class DuckDbDialect extends DuckDBSqlDialect {
    static final DuckDbDialect DEFAULT = new DuckDbDialect();

    private DuckDbDialect() {
        super(DuckDBSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public boolean supportsCharSet() {
        return false;
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (call.getKind() == SqlKind.WITHIN_GROUP) {
            unparseAggregate(writer, call.operand(0), call.operand(1));
        } else if (call.getKind() == SqlKind.ARRAY_AGG) {
            unparseAggregate(writer, call, SqlNodeList.EMPTY);
        } else {
            super.unparseCall(writer, call, leftPrec, rightPrec);
        }
    }

    /** {@code AGG(args ORDER BY keys)}; an ARRAY_AGG that may see nulls without them, and an empty array rather than null when all were. */
    private static void unparseAggregate(SqlWriter writer, SqlCall aggregate, SqlNodeList order) {
        // A row constructor is never null: its array needs no filter.
        boolean arrayAgg = aggregate.getKind() == SqlKind.ARRAY_AGG && aggregate.operand(0).getKind() != SqlKind.ROW;
        SqlWriter.Frame coalesce = arrayAgg ? writer.startFunCall("COALESCE") : null;
        SqlWriter.Frame frame = writer.startFunCall(aggregate.getOperator().getName());
        if (aggregate.getFunctionQuantifier() != null) {
            aggregate.getFunctionQuantifier().unparse(writer, 0, 0);
        }
        for (SqlNode argument : aggregate.getOperandList()) {
            writer.sep(",");
            argument.unparse(writer, 0, 0);
        }
        if (!order.isEmpty()) {
            writer.keyword("ORDER BY");
            SqlWriter.Frame keys = writer.startList(SqlWriter.FrameTypeEnum.ORDER_BY_LIST);
            for (SqlNode key : order) {
                writer.sep(",");
                key.unparse(writer, 0, 0);
            }
            writer.endList(keys);
        }
        writer.endFunCall(frame);
        if (arrayAgg) {
            writer.keyword("FILTER");
            SqlWriter.Frame filter = writer.startList("(", ")");
            writer.keyword("WHERE");
            aggregate.operand(0).unparse(writer, 0, 0);
            writer.keyword("IS NOT NULL");
            writer.endList(filter);
            writer.sep(",");
            writer.print("[]");
            writer.endFunCall(coalesce);
        }
    }
}
