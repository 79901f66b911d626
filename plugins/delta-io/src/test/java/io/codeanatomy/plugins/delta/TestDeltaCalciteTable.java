package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TestDeltaCalciteTable {
    @TempDir
    Path dir;

    @RegisterExtension
    final TableFixture fixture = new TableFixture();

    @Test
    void countStarThroughJdbcCalcite() throws SQLException {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 300);
        fixture.append(table, 1_000, 1_234, 300);

        assertThat(query(table, "SELECT COUNT(*) FROM delta.t")).containsExactly(List.of(1_234L));
    }

    @Test
    void filtersAndProjectionsGiveTheSameRowsAsWithoutPushdown() throws SQLException {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 1_000);
        fixture.append(table, 1_000, 2_000, 1_000);

        List<List<Object>> rows = query(table,
                "SELECT name, id FROM delta.t WHERE id >= 1990 AND flag AND name IS NOT NULL ORDER BY id");

        List<List<Object>> expected = new ArrayList<>();
        for (long i = 1990; i < 2000; i++) {
            Object[] row = SampleBatches.expectedRow(i);
            if (Boolean.TRUE.equals(row[3]) && row[1] != null) {
                expected.add(List.of(row[1], i));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void aggregatesOverAllTypes() throws SQLException {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 100, 30);

        List<List<Object>> rows = query(table,
                "SELECT SUM(id), MAX(score), COUNT(name), COUNT(payload), MIN(`count`), "
                        + "SUM(CASE WHEN flag THEN 1 ELSE 0 END) FROM delta.t WHERE id < 50 OR id = 99");

        long idSum = 0;
        double maxScore = 0;
        long names = 0;
        long payloads = 0;
        int minCount = Integer.MAX_VALUE;
        int flags = 0;
        for (long i = 0; i < 100; i++) {
            if (i < 50 || i == 99) {
                Object[] row = SampleBatches.expectedRow(i);
                idSum += i;
                maxScore = Math.max(maxScore, (Double) row[2]);
                names += row[1] == null ? 0 : 1;
                payloads += row[5] == null ? 0 : 1;
                minCount = Math.min(minCount, (Integer) row[4]);
                flags += Boolean.TRUE.equals(row[3]) ? 1 : 0;
            }
        }
        assertThat(rows).containsExactly(List.of(idSum, maxScore, names, payloads, minCount, flags));
    }

    @Test
    void sqlFiltersReachKernelAndSkipFiles() throws Exception {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 1_000);
        fixture.append(table, 1_000, 2_000, 1_000);
        // Files that a filter skips are never opened: make the first one unreadable.
        Path first = table.resolve(DeltaLog.paths(table, 0, "add").get(0));
        Files.write(first, new byte[] {1, 2, 3});

        assertThat(query(table, "SELECT COUNT(*) FROM delta.t WHERE id >= 1500")).containsExactly(List.of(500L));
        assertThat(query(table, "SELECT COUNT(*) FROM delta.t WHERE id BETWEEN 1500 AND 1600 OR id IN (1900, 1950)"))
                .containsExactly(List.of(103L));
        String smallestName = null;
        for (long i = 1991; i < 2000; i++) {
            String name = (String) SampleBatches.expectedRow(i)[1];
            if (name != null && (smallestName == null || name.compareTo(smallestName) < 0)) {
                smallestName = name;
            }
        }
        assertThat(query(table, "SELECT MIN(name) FROM delta.t WHERE score > 995.0")).containsExactly(List.of(smallestName));
        assertThatThrownBy(() -> query(table, "SELECT COUNT(*) FROM delta.t WHERE id >= 999")).isInstanceOf(SQLException.class);
    }

    private List<List<Object>> query(Path table, String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("lex", "JAVA");
        try (Connection connection = DriverManager.getConnection("jdbc:calcite:", properties)) {
            SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
            SchemaPlus delta = root.add("delta", new org.apache.calcite.schema.impl.AbstractSchema());
            delta.add("t", new DeltaCalciteTable(DeltaTableReader.open(fixture.engine, table)));
            List<List<Object>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
