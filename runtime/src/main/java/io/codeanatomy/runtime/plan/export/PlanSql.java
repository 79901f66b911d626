package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.dialect.SparkSqlDialect;

/**
 * P1 unparsed to SQL by Calcite's {@link RelToSqlConverter}, for people and other engines to read;
 * diagnostic only, never executed. Scans with pushed-down filters are written as plain scans under
 * those filters ({@link ScanExpansion}), windows as projections with windowed expressions
 * ({@link WindowExpansion}). A dialect the plan cannot be written in (a recursive query, a
 * plugin operator) yields the converter's one-line reason instead of the SQL.
 */
public final class PlanSql {
    private static final Map<String, SqlDialect> DIALECTS = dialects();

    private PlanSql() {
    }

    private static Map<String, SqlDialect> dialects() {
        Map<String, SqlDialect> dialects = new LinkedHashMap<>();
        // Checked by running every plan of the CPG in DuckDB (bench's DuckDbBench).
        dialects.put("duckdb", DuckDbDialect.DEFAULT);
        dialects.put("postgresql", PostgresqlSqlDialect.DEFAULT);
        dialects.put("spark", SparkSqlDialect.DEFAULT);
        return dialects;
    }

    /** Dialect name to the outcome of unparsing {@code plan} in it. */
    public static SortedMap<String, Unparsed> of(RelNode plan) {
        requireNonNull(plan, "plan is null");
        SortedMap<String, Unparsed> unparsed = new TreeMap<>();
        RelNode expanded;
        try {
            // Once for every dialect: the expansions copy the whole plan.
            expanded = WindowExpansion.expand(ScanExpansion.expand(plan));
        } catch (RuntimeException | AssertionError e) {
            DIALECTS.keySet().forEach(name -> unparsed.put(name, failure(e)));
            return unparsed;
        }
        DIALECTS.forEach((name, dialect) -> unparsed.put(name, unparse(expanded, dialect)));
        return unparsed;
    }

    private static Unparsed unparse(RelNode expanded, SqlDialect dialect) {
        try {
            return Unparsed.written(new RelToSqlConverter(dialect).visitRoot(expanded).asStatement().toSqlString(dialect).getSql());
        } catch (RuntimeException | AssertionError e) {
            // The converter throws for operators a dialect lacks; the bundle records why.
            return failure(e);
        }
    }

    private static Unparsed failure(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return Unparsed.failure(message.lines().findFirst().orElse(message));
    }
}
