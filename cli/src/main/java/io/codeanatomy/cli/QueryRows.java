package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.session.Session;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Streams the rows of one query to a consumer, one at a time: what exports read the CPG with. */
final class QueryRows {
    /** A result column: its name and SQL type. */
    record Column(String name, SqlTypeName type) {
        Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    private QueryRows() {
    }

    /** The columns {@code sql} would produce, without running it. */
    static List<Column> columns(Session session, String sql) {
        return columns(plan(session, sql));
    }

    /**
     * Runs {@code sql} and hands each row to {@code rows}; the rows are never collected.
     *
     * @throws UserError (exit 1) if the query fails
     */
    static void forEach(Session session, String sql, Consumer<Object[]> rows) {
        PlannedSql planned = plan(session, sql);
        forEach(session, planned.query(), planned.columnNames().size(), rows);
    }

    /** As {@link #forEach(Session, String, Consumer)} for a planned query of {@code columnCount} columns. */
    static void forEach(Session session, PlannedQuery query, int columnCount, Consumer<Object[]> rows) {
        boolean single = columnCount == 1;
        try (Enumerator<?> enumerator = session.executor().rows(query.physical())) {
            while (enumerator.moveNext()) {
                Object current = enumerator.current();
                try {
                    rows.accept(single ? new Object[] {current} : (Object[]) current);
                } catch (RuntimeException e) {
                    throw new ConsumerFailure(e);
                }
            }
        } catch (ConsumerFailure e) {
            // The consumer's own failure (an export's full disk) is not the query's: it goes up as thrown.
            throw e.getCause();
        } catch (ExceptionInInitializerError e) {
            throw QueryErrors.translate(e);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw QueryErrors.translate(e);
        }
    }

    /** Carries a consumer's exception past the translation of the query's own. */
    private static final class ConsumerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static PlannedSql plan(Session session, String sql) {
        try {
            return session.planSql(sql);
        } catch (RuntimeException e) {
            throw QueryErrors.translate(e);
        }
    }

    private static List<Column> columns(PlannedSql planned) {
        List<RelDataTypeField> fields = planned.query().physical().getRowType().getFieldList();
        List<String> names = planned.columnNames();
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> new Column(names.get(i), fields.get(i).getType().getSqlTypeName()))
                .toList();
    }
}
