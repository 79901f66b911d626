package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan}, {@code diff}, {@code rules}, {@code ab} and {@code build --baseline} over a small source tree. */
class TestPlanCommands {
    @TempDir
    static Path temp;
    private static Path source;

    @BeforeAll
    static void source() throws IOException {
        source = temp.resolve("src");
        Files.createDirectories(source.resolve("pkg"));
        Files.writeString(source.resolve("pkg/shapes.py"), "class Shape:\n    def area(self):\n        return 0\n\nasync def fetch(url):\n    return url\n",
                StandardCharsets.UTF_8);
        Files.writeString(source.resolve("run.py"), "def main():\n    pass\n", StandardCharsets.UTF_8);
    }

    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            return runs.reduce((a, b) -> a.compareTo(b) < 0 ? b : a).orElseThrow();
        }
    }

    @Test
    void planPrintsP1OrDotAndWritesTheBundleWithoutBuilding() throws IOException {
        Path out = temp.resolve("plan-out");
        CliRun p1 = CliRun.of("plan", source.toString(), "--out", out.toString(), "--workers", "1");
        CliRun dot = CliRun.of("plan", source.toString(), "--out", temp.resolve("plan-dot").toString(), "--show", "dot");

        assertThat(p1.exitCode()).as(p1.err()).isZero();
        assertThat(p1.out()).contains("LogicalUnion").doesNotContain("Enumerable");
        assertThat(p1.err()).contains("plan bundle: ");
        // One section per fragment of the DAG; cpg_nodes' is its bundle file, word for word.
        assertThat(p1.out()).contains("-- cpg_nodes\n" + Files.readString(onlyRun(out).resolve("plan/cpg_nodes/p1.txt")));
        assertThat(out.resolve("cpg")).doesNotExist();
        assertThat(dot.out()).contains("-- cpg_nodes\ndigraph plan {");
    }

    @Test
    void diffSaysIdenticalForEqualRunsAndNamesTheDisabledRuleOtherwise() throws IOException {
        CliRun.of("plan", source.toString(), "--out", temp.resolve("a").toString(), "--workers", "1");
        CliRun.of("plan", source.toString(), "--out", temp.resolve("b").toString(), "--workers", "2");
        CliRun.of("plan", source.toString(), "--out", temp.resolve("c").toString(), "--disable-rule", "calcite.FILTER_INTO_JOIN");

        CliRun same = CliRun.of("diff", onlyRun(temp.resolve("a")).toString(), onlyRun(temp.resolve("b")).toString());
        CliRun changed = CliRun.of("diff", onlyRun(temp.resolve("a")).toString(), onlyRun(temp.resolve("c")).toString());
        CliRun usage = CliRun.of("diff", temp.toString(), onlyRun(temp.resolve("a")).toString());

        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).isEqualTo("identical: same envelope, same P1\n");
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out()).startsWith("expected change: ").contains("rules.calcite.FILTER_INTO_JOIN.enabled");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("is not a run directory with a plan bundle");
    }

    @Test
    void configFileDisablesRulesAndEnableRuleTurnsThemBackOn() throws IOException {
        Path config = temp.resolve("planner.properties");
        Files.writeString(config, "planner.disabled_rules=calcite.FILTER_INTO_JOIN, calcite.UNION_MERGE\nprofile=small\n");
        Path typo = temp.resolve("typo.properties");
        Files.writeString(typo, "planner.disable_rules=calcite.FILTER_INTO_JOIN\n");

        CliRun rules = CliRun.of("rules", "--config", config.toString(), "--enable-rule", "calcite.UNION_MERGE");
        CliRun bad = CliRun.of("rules", "--config", typo.toString());
        CliRun unknown = CliRun.of("rules", "--enable-rule", "calcite.NOPE");

        assertThat(rules.exitCode()).as(rules.err()).isZero();
        assertThat(rules.out()).startsWith("id").containsPattern("calcite\\.FILTER_INTO_JOIN +logical +calcite +on +off\n")
                .containsPattern("calcite\\.UNION_MERGE +logical +calcite +on +on\n")
                .containsPattern("calcite\\.ENUMERABLE_PROJECT_TO_CALC +physical");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("has the unknown key 'planner.disable_rules'");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("cannot enable unknown optimizer rule(s) [calcite.NOPE]");
    }

    @Test
    void abBuildsBothSidesAndFindsTheOutputsIdentical() {
        Path out = temp.resolve("ab");
        CliRun ab = CliRun.of("ab", source.toString(), "--rule", "calcite.FILTER_INTO_JOIN", "--out", out.toString(), "--workers", "1");

        assertThat(ab.exitCode()).as(ab.err() + ab.out()).isZero();
        // The definition nodes are a spool (the class hierarchy reads them too), so the rule shows there.
        assertThat(ab.out()).containsPattern("plan: P1 differs in [^\\n]*spool\\.def_nodes").contains("@@ ")
                .containsPattern("with +wall \\d+\\.\\d+ s").containsPattern("without +wall \\d+\\.\\d+ s")
                .contains("outputs: identical row by row");
        // Each side lists its slowest operators, with rows, by plan and place in the plan.
        assertThat(ab.out()).containsPattern("operators by own time \\(\\d+ metered")
                .containsPattern("\\d+\\.\\d\\d s +[\\d,]+ rows  (spool\\.)?\\w+ 0(\\.\\d+)* (Enumerable|Compiled|Array|Spool)\\w+");
        assertThat(out.resolve("with/cpg/cpg_nodes")).isDirectory();
        assertThat(out.resolve("without/cpg/cpg_nodes")).isDirectory();
    }

    @Test
    void buildAgainstABaselineReportsTheComparison() throws IOException {
        Path first = temp.resolve("base");
        CliRun base = CliRun.of("build", source.toString(), "--out", first.toString());
        CliRun again = CliRun.of("build", source.toString(), "--out", temp.resolve("again").toString(), "--baseline", onlyRun(first).toString());
        CliRun notARun = CliRun.of("build", source.toString(), "--out", temp.resolve("never").toString(), "--baseline", temp.toString());

        assertThat(base.exitCode()).as(base.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("identical: same envelope, same P1");
        assertThat(notARun.exitCode()).isEqualTo(2);
        assertThat(notARun.err()).contains("is not a run directory");
        assertThat(temp.resolve("never")).doesNotExist();
    }

    @Test
    void queryTakesTheRuleTogglesToo() throws IOException {
        Path built = temp.resolve("query-out");
        CliRun.of("build", source.toString(), "--out", built.toString());
        String sql = "SELECT COUNT(*) AS n FROM cpg_nodes WHERE node_kind = 'PY_CLASS'";

        CliRun plain = CliRun.of("query", built.toString(), sql, "--format", "csv");
        CliRun toggled = CliRun.of("query", built.toString(), sql, "--format", "csv", "--disable-rule", "calcite.FILTER_SCAN");
        CliRun unknown = CliRun.of("query", built.toString(), sql, "--disable-rule", "calcite.NOPE");

        assertThat(plain.out()).isEqualTo("n\n1\n");
        assertThat(toggled.out()).isEqualTo(plain.out());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("cannot disable unknown optimizer rule(s) [calcite.NOPE]");
    }
}
