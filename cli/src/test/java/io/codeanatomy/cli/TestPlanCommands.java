package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.runtime.result.RunRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan}, {@code diff}, {@code rules}, {@code ab} and {@code build --baseline} over a small source tree. */
class TestPlanCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void planAsJsonGivesEveryUnitWithItsPlanText() throws IOException {
        Path out = temp.resolve("plan-json");
        CliRun run = CliRun.of("plan", source.toString(), "--out", out.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("plan bundle: ");
        JsonNode plan = JSON.readTree(run.out());
        assertThat(fieldNames(plan)).containsExactly("show", "plans");
        assertThat(plan.path("show").asText()).isEqualTo("p1");
        List<String> names = new ArrayList<>();
        plan.path("plans").forEach(unit -> names.add(unit.path("name").asText()));
        // Every unit of the bundle, by name; each plan is its bundle file, word for word.
        try (Stream<Path> units = Files.list(onlyRun(out).resolve("plan"))) {
            assertThat(names).isEqualTo(units.filter(Files::isDirectory).map(unit -> unit.getFileName().toString()).sorted().toList());
        }
        JsonNode nodes = StreamSupport.stream(plan.path("plans").spliterator(), false)
                .filter(unit -> unit.path("name").asText().equals("cpg_nodes")).findFirst().orElseThrow();
        assertThat(fieldNames(nodes)).containsExactly("name", "plan");
        // The nodes are a spool: the adjacency outputs read them too, for each node's path.
        assertThat(nodes.path("plan").asText()).isEqualTo(Files.readString(onlyRun(out).resolve("plan/cpg_nodes/p1.txt")))
                .contains("[[spool, nodes]]");
        JsonNode spool = StreamSupport.stream(plan.path("plans").spliterator(), false)
                .filter(unit -> unit.path("name").asText().equals("spool.nodes")).findFirst().orElseThrow();
        assertThat(spool.path("plan").asText()).isEqualTo(Files.readString(onlyRun(out).resolve("plan/spool.nodes/p1.txt")))
                .contains("LogicalUnion");
    }

    @Test
    void aBadFormatIsOneSentenceWithExitTwoAndNoOutput() {
        Path out = temp.resolve("plan-yaml");
        for (List<String> command : List.of(List.of("plan", source.toString(), "--out", out.toString()),
                List.of("diff", temp.toString(), temp.toString()), List.of("rules"),
                List.of("ab", source.toString(), "--rule", "calcite.FILTER_INTO_JOIN", "--out", out.toString()))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--format", "yaml"));
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(command.get(0)).isEqualTo(2);
            assertThat(run.err()).as(command.get(0)).isEqualTo("codeanatomy: --format must be text or json, not 'yaml'.\n");
            assertThat(run.out()).as(command.get(0)).isEmpty();
        }
        assertThat(out).doesNotExist();
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
    void diffAsJsonGivesTheVerdictTheChangedKeysAndTheChangedPlans() throws IOException {
        CliRun.of("plan", source.toString(), "--out", temp.resolve("json-a").toString(), "--workers", "1");
        CliRun.of("plan", source.toString(), "--out", temp.resolve("json-b").toString(), "--workers", "2");
        CliRun.of("plan", source.toString(), "--out", temp.resolve("json-c").toString(), "--disable-rule", "calcite.FILTER_INTO_JOIN");
        String a = onlyRun(temp.resolve("json-a")).toString();

        CliRun same = CliRun.of("diff", a, onlyRun(temp.resolve("json-b")).toString(), "--format", "json");
        CliRun changed = CliRun.of("diff", a, onlyRun(temp.resolve("json-c")).toString(), "--format", "json");
        CliRun again = CliRun.of("diff", a, onlyRun(temp.resolve("json-c")).toString(), "--format", "json");

        assertThat(same.exitCode()).as(same.err()).isZero();
        JsonNode identical = JSON.readTree(same.out());
        assertThat(fieldNames(identical)).containsExactly("verdict", "exitCode", "changedKeys", "changedPlans");
        assertThat(identical.path("verdict").asText()).isEqualTo("identical");
        assertThat(identical.path("exitCode").asInt()).isZero();
        assertThat(identical.path("changedKeys")).isEmpty();
        assertThat(identical.path("changedPlans")).isEmpty();
        assertThat(changed.exitCode()).isEqualTo(1);
        JsonNode expected = JSON.readTree(changed.out());
        assertThat(expected.path("verdict").asText()).isEqualTo("expected_change");
        assertThat(expected.path("exitCode").asInt()).isEqualTo(1);
        List<String> keys = new ArrayList<>();
        expected.path("changedKeys").forEach(key -> keys.add(key.asText()));
        assertThat(keys).contains("rules.calcite.FILTER_INTO_JOIN.enabled").isSorted();
        // The definition nodes are a spool (the class hierarchy reads them too), so the rule shows there.
        JsonNode spool = StreamSupport.stream(expected.path("changedPlans").spliterator(), false)
                .filter(plan -> plan.path("name").asText().equals("spool.def_nodes")).findFirst().orElseThrow();
        assertThat(fieldNames(spool)).containsExactly("name", "firstDifferingRule", "diff");
        assertThat(spool.path("diff").asText()).contains("@@ ").contains("spool.def_nodes/p1.txt");
        assertThat(again.out()).isEqualTo(changed.out());
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
    void rulesAsJsonListEveryRuleWithItsDefaultAndConfiguredState() throws IOException {
        CliRun text = CliRun.of("rules", "--disable-rule", "calcite.FILTER_INTO_JOIN");
        CliRun json = CliRun.of("rules", "--disable-rule", "calcite.FILTER_INTO_JOIN", "--format", "json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode rules = JSON.readTree(json.out()).path("rules");
        // One object per line of the text, in the same (planning) order.
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));
        assertThat(ids).isEqualTo(text.out().lines().skip(1).map(line -> line.split(" +")[0]).toList());
        JsonNode filterIntoJoin = rules.get(ids.indexOf("calcite.FILTER_INTO_JOIN"));
        assertThat(fieldNames(filterIntoJoin)).containsExactly("id", "phase", "origin", "enabledByDefault", "enabled");
        assertThat(filterIntoJoin.path("phase").asText()).isEqualTo("logical");
        assertThat(filterIntoJoin.path("origin").asText()).isEqualTo("calcite");
        assertThat(filterIntoJoin.path("enabledByDefault").asBoolean()).isTrue();
        assertThat(filterIntoJoin.path("enabled").asBoolean()).isFalse();
        assertThat(rules.get(ids.indexOf("calcite.ENUMERABLE_PROJECT_TO_CALC")).path("phase").asText()).isEqualTo("physical");
        assertThat(rules.get(ids.indexOf("calcite.UNION_MERGE")).path("enabled").asBoolean()).isTrue();
    }

    @Test
    void abAsJsonGivesBothSidesTheirRatiosAndTheOutputComparison() throws IOException {
        Path out = temp.resolve("ab-json");
        CliRun ab = CliRun.of("ab", source.toString(), "--rule", "calcite.FILTER_INTO_JOIN", "--out", out.toString(), "--workers", "1",
                "--format", "json");

        assertThat(ab.exitCode()).as(ab.err() + ab.out()).isZero();
        JsonNode json = JSON.readTree(ab.out());
        assertThat(fieldNames(json)).containsExactly("rules", "changedPlans", "sides", "ratios", "outputs");
        assertThat(json.path("rules").get(0).asText()).isEqualTo("calcite.FILTER_INTO_JOIN");
        List<String> changed = new ArrayList<>();
        json.path("changedPlans").forEach(plan -> changed.add(plan.path("name").asText()));
        assertThat(changed).contains("spool.def_nodes");
        JsonNode with = json.path("sides").get(0);
        JsonNode without = json.path("sides").get(1);
        assertThat(with.path("name").asText()).isEqualTo("with");
        assertThat(without.path("name").asText()).isEqualTo("without");
        assertThat(fieldNames(with)).containsExactly("name", "wallMillis", "phases", "outputs", "operatorsMetered", "slowestOperators");
        // Each side's rows per output are those of its run record.
        JsonNode record = JSON.readTree(onlyRun(out.resolve("with")).resolve(RunRecords.RUN_RESULT).toFile());
        JsonNode nodes = StreamSupport.stream(with.path("outputs").spliterator(), false)
                .filter(output -> output.path("name").asText().equals("cpg_nodes")).findFirst().orElseThrow();
        JsonNode recorded = StreamSupport.stream(record.path("outputs").spliterator(), false)
                .filter(output -> output.path("name").asText().equals("cpg_nodes")).findFirst().orElseThrow();
        assertThat(nodes.path("rows").asLong()).isPositive().isEqualTo(recorded.path("rowCount").asLong());
        assertThat(with.path("slowestOperators").size()).isBetween(1, 10).isLessThanOrEqualTo(with.path("operatorsMetered").asInt());
        assertThat(fieldNames(with.path("slowestOperators").get(0))).containsExactly("plan", "path", "operator", "rows", "selfNanos");
        // The ratio is the 'with' side's wall time over the other's.
        double ratio = json.path("ratios").path("wall").asDouble();
        assertThat(ratio).isCloseTo((double) with.path("wallMillis").asLong() / without.path("wallMillis").asLong(),
                within(0.001));
        assertThat(json.path("ratios").path("phases").get(0).path("phase").asText()).isEqualTo(with.path("phases").get(0).path("phase").asText());
        assertThat(json.path("outputs").path("identical").asBoolean()).isTrue();
        assertThat(json.path("outputs").path("tables").asInt()).isEqualTo(with.path("outputs").size());
        assertThat(json.path("outputs").path("differing")).isEmpty();
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
    void buildAgainstABaselineAsJsonIsOneDocumentHoldingTheDiff() throws IOException {
        Path first = temp.resolve("json-base");
        CliRun base = CliRun.of("build", source.toString(), "--out", first.toString());
        CliRun changed = CliRun.of("build", source.toString(), "--out", temp.resolve("json-changed").toString(), "--baseline",
                onlyRun(first).toString(), "--disable-rule", "calcite.FILTER_INTO_JOIN", "--format", "json");

        assertThat(base.exitCode()).as(base.err()).isZero();
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        // The whole of stdout is one document: a second value after it (the text diff of old) fails the parse.
        JsonNode summary = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(changed.out());
        assertThat(fieldNames(summary)).containsExactly("out", "files", "bytes", "millis", "outputs", "phases", "changes", "reuse", "problems",
                "tuning", "runRecord",
                "baseline", "diff");
        assertThat(summary.path("baseline").asText()).isEqualTo(onlyRun(first).toString());
        JsonNode diff = summary.path("diff");
        assertThat(fieldNames(diff)).containsExactly("verdict", "exitCode", "changedKeys", "changedPlans");
        assertThat(diff.path("verdict").asText()).isEqualTo("expected_change");
        assertThat(diff.path("exitCode").asInt()).isEqualTo(1);
        List<String> keys = new ArrayList<>();
        diff.path("changedKeys").forEach(key -> keys.add(key.asText()));
        assertThat(keys).contains("rules.calcite.FILTER_INTO_JOIN.enabled");
        JsonNode spool = StreamSupport.stream(diff.path("changedPlans").spliterator(), false)
                .filter(plan -> plan.path("name").asText().equals("spool.def_nodes")).findFirst().orElseThrow();
        assertThat(fieldNames(spool)).containsExactly("name", "firstDifferingRule", "diff");
        assertThat(spool.path("diff").asText()).contains("@@ ");
        assertThat(changed.out()).doesNotContain("expected change:");
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

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
