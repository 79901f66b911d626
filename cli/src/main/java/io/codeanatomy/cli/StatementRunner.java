package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.session.Session;
import java.io.PrintWriter;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;

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
        List<String> columns = planned.columnNames();
        boolean single = columns.size() == 1;
        long count = 0;
        try (Enumerator<?> rows = session.executor().rows(planned.query().physical())) {
            // The first row is fetched before anything is printed: a query that fails at once prints no header.
            boolean first = rows.moveNext();
            RowPrinter printer = format.printer(out, columns, crlf);
            for (boolean more = first; more; more = rows.moveNext()) {
                Object current = rows.current();
                printer.row(single ? new Object[] {current} : (Object[]) current);
                count++;
            }
            printer.end();
        } catch (ExceptionInInitializerError e) {
            throw QueryErrors.translate(e);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw QueryErrors.translate(e);
        }
        out.flush();
        return count;
    }
}
