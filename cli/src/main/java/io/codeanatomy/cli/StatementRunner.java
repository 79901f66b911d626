package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.session.Session;
import java.io.PrintWriter;
import java.util.List;

/** Plans and runs one SQL statement over a session's tables and prints its rows; shared by {@code query} and the shell. */
final class StatementRunner {
    private final Session session;
    private final ResultFormat format;
    private final boolean crlf;

    StatementRunner(Session session, ResultFormat format, boolean crlf) {
        this.session = requireNonNull(session, "session is null");
        this.format = requireNonNull(format, "format is null");
        this.crlf = crlf;
    }

    /**
     * @return the number of rows printed
     * @throws UserError (exit 1) for a query that does not parse, validate, plan or run
     */
    long run(String sql, PrintWriter out) {
        PlannedSql planned;
        try {
            planned = session.planSql(sql);
        } catch (RuntimeException e) {
            throw QueryErrors.translate(e);
        }
        return print(planned.query(), planned.columnNames(), out);
    }

    /**
     * Runs a planned query and prints its rows under {@code columns}.
     *
     * @return the number of rows printed
     */
    long print(PlannedQuery query, List<String> columns, PrintWriter out) {
        RowPrinter[] printer = new RowPrinter[1];
        long[] count = {0};
        // The printer starts at the first row: a query that fails at once prints no header.
        QueryRows.forEach(session, query, columns.size(), row -> {
            if (printer[0] == null) {
                printer[0] = format.printer(out, columns, crlf);
            }
            printer[0].row(row);
            count[0]++;
        });
        if (printer[0] == null) {
            printer[0] = format.printer(out, columns, crlf);
        }
        printer[0].end();
        out.flush();
        return count[0];
    }
}
