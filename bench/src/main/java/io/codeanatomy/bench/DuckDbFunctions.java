package io.codeanatomy.bench;

import io.codeanatomy.plugins.spans.C3Linearization;
import io.codeanatomy.plugins.spans.StableEdgeId;
import io.codeanatomy.plugins.spans.StableHashId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

/**
 * Our scalar functions, as DuckDB gets them. What DuckDB's own SQL can say is a macro, at DuckDB's
 * native speed: the qualified-name functions, {@code text_concat}, and {@code line_number} /
 * {@code line_column} (a 32-step binary search over the line index with {@code list_reduce}, as ours
 * searches). The stable ids (MurmurHash3 x64 128) and {@code c3_position} (the C3 linearization) call
 * our Java code as DuckDB Java scalar functions; {@code c3_position}'s list arguments travel as text,
 * since DuckDB's Java functions take no lists. The bench's row comparison is what shows each one
 * computes what ours does.
 */
final class DuckDbFunctions {
    private static final String FIELD = "chr(31)";

    private static final List<String> MACROS = List.of(
            "qualified_name_depth(q) AS CASE WHEN q = '' THEN 0 ELSE length(q) - length(replace(q, '.', '')) + 1 END",
            "qualified_name_parent(q) AS CASE WHEN strpos(q, '.') = 0 THEN NULL ELSE regexp_extract(q, '^(.*)\\.', 1) END",
            "qualified_name_leaf(q) AS string_split(q, '.')[-1]",
            "qualified_name_join(p, l) AS CASE WHEN l IS NULL THEN NULL WHEN p IS NULL OR p = '' THEN l ELSE p || '.' || l END",
            "text_concat(a, b) AS a || b",
            // The index of the last line starting at or before off, lo and hi packed in one BIGINT (hi in the low 32 bits).
            "ca_line_index(ls, off) AS list_reduce(range(0, 32), lambda acc, i: CASE WHEN (acc >> 32) >= (acc & 4294967295) THEN acc"
                    + " WHEN ls[(((acc >> 32) + (acc & 4294967295) + 1) >> 1) + 1] <= off"
                    + " THEN ((((acc >> 32) + (acc & 4294967295) + 1) >> 1) << 32) | (acc & 4294967295)"
                    + " ELSE ((acc >> 32) << 32) | ((((acc >> 32) + (acc & 4294967295) + 1) >> 1) - 1) END,"
                    + " CAST(len(ls) - 1 AS BIGINT)) >> 32",
            "line_number(ls, off) AS CASE WHEN ls IS NULL OR off IS NULL OR len(ls) = 0 OR off < ls[1] THEN NULL"
                    + " ELSE ca_line_index(ls, off) + 1 END",
            "line_column(ls, off) AS CASE WHEN ls IS NULL OR off IS NULL OR len(ls) = 0 OR off < ls[1] THEN NULL"
                    + " ELSE off - ls[ca_line_index(ls, off) + 1] END",
            // A list as text: each element '+' and its text, or '-' for null, separated by U+001F; a null list stays null.
            "ca_list_text(l) AS CASE WHEN l IS NULL THEN NULL ELSE array_to_string(list_transform(l, lambda x: coalesce('+' || CAST(x AS VARCHAR), '-')), "
                    + FIELD + ") END",
            "c3_position(root, subs, positions, bases, candidate) AS"
                    + " ca_c3_position(root, ca_list_text(subs), ca_list_text(positions), ca_list_text(bases), candidate)");

    private DuckDbFunctions() {
    }

    static void register(Connection connection) throws SQLException {
        DuckDBFunctions.scalarFunction().withName("stable_hash_id")
                .withParameters(DuckDBColumnType.VARCHAR, DuckDBColumnType.BIGINT, DuckDBColumnType.BIGINT, DuckDBColumnType.VARCHAR)
                .withReturnType(DuckDBColumnType.VARCHAR)
                .withVectorizedFunction((in, out) -> {
                    DuckDBReadableVector path = in.vector(0);
                    DuckDBReadableVector bstart = in.vector(1);
                    DuckDBReadableVector bend = in.vector(2);
                    DuckDBReadableVector kind = in.vector(3);
                    for (long row = 0; row < in.rowCount(); row++) {
                        String id = StableHashId.of(text(path, row), nullableLong(bstart, row), nullableLong(bend, row), text(kind, row));
                        setString(out, row, id);
                    }
                })
                .register(connection);
        DuckDBFunctions.scalarFunction().withName("stable_edge_id")
                .withParameters(DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR,
                        DuckDBColumnType.BIGINT, DuckDBColumnType.BIGINT)
                .withReturnType(DuckDBColumnType.VARCHAR)
                .withVectorizedFunction((in, out) -> {
                    for (long row = 0; row < in.rowCount(); row++) {
                        String id = StableEdgeId.of(text(in.vector(0), row), text(in.vector(1), row), text(in.vector(2), row),
                                text(in.vector(3), row), nullableLong(in.vector(4), row), nullableLong(in.vector(5), row));
                        setString(out, row, id);
                    }
                })
                .register(connection);
        DuckDBFunctions.scalarFunction().withName("ca_c3_position")
                .withParameters(DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR,
                        DuckDBColumnType.VARCHAR)
                .withReturnType(DuckDBColumnType.INTEGER)
                .withVectorizedFunction((in, out) -> {
                    for (long row = 0; row < in.rowCount(); row++) {
                        Integer position = C3Linearization.position(text(in.vector(0), row), list(text(in.vector(1), row), s -> s),
                                list(text(in.vector(2), row), Long::valueOf), list(text(in.vector(3), row), s -> s),
                                text(in.vector(4), row));
                        if (position == null) {
                            out.setNull(row);
                        } else {
                            out.setInt(row, position);
                        }
                    }
                })
                .register(connection);
        try (Statement statement = connection.createStatement()) {
            for (String macro : MACROS) {
                statement.execute("CREATE MACRO " + macro);
            }
        }
    }

    private static String text(DuckDBReadableVector vector, long row) {
        return vector.isNull(row) ? null : vector.getString(row);
    }

    private static Long nullableLong(DuckDBReadableVector vector, long row) {
        return vector.isNull(row) ? null : vector.getLong(row);
    }

    private static void setString(DuckDBWritableVector out, long row, String value) {
        if (value == null) {
            out.setNull(row);
        } else {
            out.setString(row, value);
        }
    }

    /** A list {@code ca_list_text} wrote, its elements parsed by {@code element}. */
    private static <T> List<T> list(String text, Function<String, T> element) {
        if (text == null) {
            return null;
        }
        List<T> elements = new ArrayList<>();
        if (text.isEmpty()) {
            return elements;
        }
        for (String part : Arrays.asList(text.split("\u001f", -1))) {
            elements.add(part.equals("-") ? null : element.apply(part.substring(1)));
        }
        return elements;
    }
}
