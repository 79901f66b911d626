package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Turns SQL text into a logical plan over the session schema, for people querying outputs (the
 * pipeline itself never goes through SQL). Identifiers keep the case they are written in and match
 * tables, columns and functions case-insensitively, so {@code cpg_nodes} and {@code CPG_NODES} both
 * work.
 */
public final class SqlCompiler {
    private SqlCompiler() {
    }

    /**
     * @throws InvalidQueryException with Calcite's message, which gives the position, when the SQL
     *     does not parse or validate, is empty, or is not a query (DML, DDL)
     */
    public static RelNode compile(String sql, CalciteSchema schema, RelOptCluster cluster) {
        requireNonNull(sql, "sql is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(cluster, "cluster is null");
        RelDataTypeFactory typeFactory = cluster.getTypeFactory();
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CalciteCatalogReader reader = new CalciteCatalogReader(schema, List.of(), typeFactory, new CalciteConnectionConfigImpl(properties));
        SqlParser.Config parserConfig = SqlParser.config()
                .withCaseSensitive(false)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED);
        // A statement may end with semicolons, as it does in a file or the shell.
        String statement = sql.replaceFirst("[\\s;]+$", "");
        if (statement.isBlank()) {
            throw new InvalidQueryException("the query is empty; give a SELECT statement.", null);
        }
        SqlNode parsed = parse(statement, parserConfig);
        if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
            throw new InvalidQueryException(parsed.getKind().belongsTo(SqlKind.DML)
                    ? "only queries run here (SELECT, WITH, VALUES); " + parsed.getKind() + " would change a table, and a build's tables are read-only."
                    : "only queries run here (SELECT, WITH, VALUES), not " + parsed.getKind() + ".", null);
        }
        new ReadableColumnNames(statement).name(parsed);
        parsed = parsed.accept(new LargeLiteralLists(schema, text -> parse(text, parserConfig)));
        SqlValidator validator = SqlValidatorUtil.newValidator(
                SqlOperatorTables.chain(SqlStdOperatorTable.instance(), reader), reader, typeFactory,
                SqlValidator.Config.DEFAULT.withIdentifierExpansion(true));
        SqlNode validated;
        try {
            validated = validator.validate(parsed);
        } catch (CalciteContextException e) {
            throw new InvalidQueryException(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SqlValidatorException) {
                throw new InvalidQueryException(e.getMessage(), e);
            }
            throw e;
        }
        SqlToRelConverter converter = new SqlToRelConverter((rowType, queryString, schemaPath, viewPath) -> {
            throw new UnsupportedOperationException("views are not supported");
        }, validator, reader, cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(true));
        // Forced, so the plan's field names are the query's; see PlannedSql for why they are kept apart.
        return converter.convertQuery(validated, false, true).project(true);
    }

    private static SqlNode parse(String sql, SqlParser.Config config) {
        try {
            return SqlParser.create(sql, config).parseQuery();
        } catch (SqlParseException e) {
            throw new InvalidQueryException(withPosition(firstParagraph(e.getMessage()), e), e);
        }
    }

    /** Calcite's parse messages continue with every token it would have accepted; keep the sentence with the position. */
    private static String firstParagraph(String message) {
        if (message == null) {
            return "the query does not parse";
        }
        int expecting = message.indexOf("\nWas expecting");
        String first = expecting < 0 ? message : message.substring(0, expecting);
        return first.strip();
    }

    /** Calcite's parser leaves the position out of some messages; every message we print has it. */
    private static String withPosition(String message, SqlParseException e) {
        if (e.getPos() == null || message.contains("line " + e.getPos().getLineNum())) {
            return message;
        }
        return message + " (at line " + e.getPos().getLineNum() + ", column " + e.getPos().getColumnNum() + ")";
    }
}
