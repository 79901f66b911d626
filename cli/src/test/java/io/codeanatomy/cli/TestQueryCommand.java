package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestQueryCommand {
    @TempDir
    Path temp;

    private static CliRun query(String... args) {
        return SmallOutput.run("query", args);
    }

    private static void assertOneSentence(CliRun run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("codeanatomy: " + message + "\n");
    }

    @Test
    void divisionByZeroIsOneSentence() {
        assertOneSentence(query("SELECT 1/0"), 1, "the query failed while running: division by zero.");
    }

    @Test
    void castOfTextThatIsNoNumberIsOneSentence() {
        assertOneSentence(query("SELECT CAST('x' AS INTEGER)"), 1,
                "the query failed while running: a value is not a number (For input string: \"x\"); check the CASTs.");
    }

    @Test
    void statementsThatChangeTablesAreRefused() {
        assertOneSentence(query("DELETE FROM cpg_nodes"), 1, "invalid query: only queries run here (SELECT, WITH, VALUES); "
                + "DELETE would change a table, and a build's tables are read-only.");
        assertOneSentence(query("INSERT INTO cpg_nodes (node_id) VALUES ('x')"), 1, "invalid query: only queries run here (SELECT, WITH, VALUES); "
                + "INSERT would change a table, and a build's tables are read-only.");
    }

    @Test
    void emptyStatementIsOneSentence() {
        assertOneSentence(query(""), 1, "invalid query: the query is empty; give a SELECT statement.");
        assertOneSentence(query("  ;  "), 1, "invalid query: the query is empty; give a SELECT statement.");
    }

    @Test
    void aTrailingSemicolonIsAllowed() {
        assertThat(query("SELECT 1 AS n;", "--format", "csv").out()).isEqualTo("n\n1\n");
    }

    @Test
    void tenThousandItemInListRunsAsAJoin() throws IOException {
        String list = IntStream.range(0, 10_000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        Path file = Files.writeString(temp.resolve("in.sql"), "SELECT COUNT(*) AS n FROM cpg_nodes WHERE bstart IN (" + list + ")");
        String expected = query("SELECT COUNT(*) AS n FROM cpg_nodes WHERE bstart >= 0 AND bstart < 10000", "--format", "csv").out();

        CliRun in = query("-f", file.toString(), "--format", "csv");

        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.out()).isEqualTo(expected).isNotEqualTo("n\n0\n");
    }

    @Test
    void distinctAggregatesCountWhatSelectDistinctCounts() {
        CliRun distinct = query("SELECT COUNT(*) AS n, COUNT(DISTINCT node_kind) AS kinds, COUNT(DISTINCT path) AS files FROM cpg_nodes",
                "--format", "csv");
        CliRun plain = query("SELECT (SELECT COUNT(*) FROM cpg_nodes) AS n, (SELECT COUNT(*) FROM (SELECT DISTINCT node_kind FROM cpg_nodes)) AS kinds, "
                + "(SELECT COUNT(*) FROM (SELECT DISTINCT path FROM cpg_nodes)) AS files", "--format", "csv");
        CliRun grouped = query("SELECT path, COUNT(DISTINCT node_kind) AS kinds FROM cpg_nodes GROUP BY path ORDER BY path", "--format", "csv");
        CliRun groupedPlain = query("SELECT path, COUNT(*) AS kinds FROM (SELECT DISTINCT path, node_kind FROM cpg_nodes) GROUP BY path ORDER BY path",
                "--format", "csv");

        assertThat(distinct.exitCode()).as(distinct.err()).isZero();
        assertThat(distinct.out()).startsWith("n,kinds,files\n").isEqualTo(plain.out());
        assertThat(grouped.exitCode()).as(grouped.err()).isZero();
        assertThat(grouped.out().lines().count()).isGreaterThan(2);
        assertThat(grouped.out()).isEqualTo(groupedPlain.out());
    }

    @Test
    void longInListsOfStringsAndNotInWork() {
        String names = IntStream.range(0, 500).mapToObj(i -> "'n" + i + "'").collect(Collectors.joining(","));

        CliRun in = query("SELECT name FROM cpg_nodes WHERE node_kind = 'PY_CLASS' AND name IN ('Shape', 'Unit', " + names + ") ORDER BY name",
                "--format", "csv");
        CliRun notIn = query("SELECT name FROM cpg_nodes WHERE node_kind = 'PY_CLASS' AND name NOT IN ('Shape', " + names + ") ORDER BY name",
                "--format", "csv");

        assertThat(in.out()).as(in.err()).isEqualTo("name\nShape\nUnit\n");
        assertThat(notIn.out()).as(notIn.err()).isEqualTo("name\nCircle\nUnit\n");
    }

    @Test
    void twoThousandOrsFromStandardInputRunAsOneInList() {
        String ors = IntStream.range(0, 2_000).mapToObj(i -> "bstart = " + i).collect(Collectors.joining(" OR "));
        String expected = query("SELECT COUNT(*) AS n FROM cpg_nodes WHERE bstart < 2000 OR node_kind = 'PY_FILE'", "--format", "csv").out();

        CliRun run = withStdin("SELECT COUNT(*) AS n FROM cpg_nodes WHERE " + ors + " OR node_kind = 'PY_FILE'", () -> query("-", "--format", "csv"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(expected);
    }

    @Test
    void unnamedExpressionsAreNamedAfterTheirText() {
        CliRun run = query("SELECT COUNT(*), MAX(bstart) + 1, node_kind FROM cpg_nodes WHERE node_kind = 'PY_CLASS' GROUP BY node_kind",
                "--format", "csv");

        assertThat(run.out()).as(run.err()).isEqualTo("COUNT(*),MAX(bstart) + 1,node_kind\n3,"
                + (maxClassStart() + 1) + ",PY_CLASS\n");
    }

    private static long maxClassStart() {
        String csv = query("SELECT MAX(bstart) AS m FROM cpg_nodes WHERE node_kind = 'PY_CLASS'", "--format", "csv").out();
        return Long.parseLong(csv.split("\n")[1]);
    }

    @Test
    void tableTellsNullFromTheStringNullAndKeepsEachRowOnOneLine() {
        CliRun run = query("SELECT CAST(NULL AS VARCHAR) AS a, 'NULL' AS b, U&'two\\000alines\\0009!' AS c");

        assertThat(run.out()).isEqualTo("""
                a    | b      | c
                ---- | ------ | -------------
                NULL | 'NULL' | two\\nlines\\t!
                (1 row)
                """);
    }

    @Test
    void csvEndsLinesWithLfUnlessCrlfIsAsked() {
        String sql = "SELECT 'a,b' AS x, CAST(NULL AS VARCHAR) AS y, 'say \"hi\"' AS z";

        assertThat(query(sql, "--format", "csv").out()).isEqualTo("x,y,z\n\"a,b\",,\"say \"\"hi\"\"\"\n");
        assertThat(query(sql, "--format", "csv", "--csv-crlf").out()).isEqualTo("x,y,z\r\n\"a,b\",,\"say \"\"hi\"\"\"\r\n");
    }

    @Test
    void sqlComesFromAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("q.sql"), "-- classes\nSELECT COUNT(*) AS n\nFROM cpg_nodes\nWHERE node_kind = 'PY_CLASS';\n");

        assertThat(query("-f", file.toString(), "--format", "csv").out()).isEqualTo("n\n3\n");
    }

    @Test
    void sourceOfTheSqlMustBeExactlyOne() {
        assertOneSentence(query(), 2, "give the query as SQL, with --file FILE, or as - to read it from standard input.");
        assertOneSentence(query("SELECT 1", "-f", "q.sql"), 2, "give the query either as SQL or with --file, not both.");
        assertOneSentence(query("-f", temp.resolve("none.sql").toString()), 2, "the query file " + temp.resolve("none.sql") + " does not exist.");
        assertOneSentence(query("SELECT 1; SELECT 2"), 2, "the SQL holds 2 statements and query runs one; run a script with 'codeanatomy shell "
                + SmallOutput.out() + " < FILE'.");
    }

    @Test
    void buildIntoAPathTheFileSystemRefusesIsOneSentence() {
        // The kernel's /proc takes no new directories, whoever asks (CI runs on Linux).
        Path refused = Path.of("/proc/codeanatomy-out");

        CliRun run = CliRun.of("build", SmallOutput.source().toString(), "--out", refused.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("codeanatomy: cannot prepare output directory " + refused + " (" + refused
                + ": no such file or directory); give a writable --out directory with room to spare.\n");
    }

    private static CliRun withStdin(String text, java.util.function.Supplier<CliRun> run) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }
}
