package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Names each unnamed expression of a query's result after its text as written, as DuckDB does:
 * {@code SELECT COUNT(*) FROM t} gives a column {@code COUNT(*)}, not Calcite's {@code EXPR$0}.
 * Only the outermost select list is named; inner ones are not seen by anyone.
 */
final class ReadableColumnNames {
    private final String sql;
    private final int[] lineStarts;

    ReadableColumnNames(String sql) {
        this.sql = requireNonNull(sql, "sql is null");
        this.lineStarts = lineStarts(sql);
    }

    /** Adds an {@code AS "<text>"} to each unnamed item of the select list that produces the result. */
    void name(SqlNode query) {
        SqlSelect select = resultSelect(query);
        if (select == null) {
            return;
        }
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlIdentifier || item.getKind() == SqlKind.AS) {
                continue;
            }
            String text = text(item.getParserPosition());
            if (text != null) {
                SqlParserPos pos = item.getParserPosition();
                items.set(i, SqlStdOperatorTable.AS.createCall(pos, item, new SqlIdentifier(text, pos)));
            }
        }
    }

    private static SqlSelect resultSelect(SqlNode node) {
        if (node instanceof SqlSelect select) {
            return select;
        }
        if (node instanceof SqlOrderBy orderBy) {
            return resultSelect(orderBy.query);
        }
        if (node instanceof SqlWith with) {
            return resultSelect(with.body);
        }
        // A set operation takes its column names from its first input.
        if (node instanceof SqlBasicCall call && node.getKind().belongsTo(SqlKind.SET_QUERY)) {
            return resultSelect(call.operand(0));
        }
        return null;
    }

    /** The source text at {@code pos}, whitespace collapsed; null when the parser gave no usable span. */
    private String text(SqlParserPos pos) {
        int start = offset(pos.getLineNum(), pos.getColumnNum());
        int end = offset(pos.getEndLineNum(), pos.getEndColumnNum());
        if (start < 0 || end < 0 || end < start || end >= sql.length()) {
            return null;
        }
        String text = sql.substring(start, end + 1).strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? null : text;
    }

    /** Calcite's positions are 1-based lines and columns; the end column is inclusive. */
    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 1) {
            return -1;
        }
        return lineStarts[line - 1] + column - 1;
    }

    private static int[] lineStarts(String sql) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
