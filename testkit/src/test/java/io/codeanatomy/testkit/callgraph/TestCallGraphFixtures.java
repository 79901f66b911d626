package io.codeanatomy.testkit.callgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestCallGraphFixtures {
    private static List<FixtureTruth> truths;

    @BeforeAll
    static void record() {
        Python3.require();
        truths = CallGraphTruth.recordAll();
    }

    @Test
    void everyCategoryIsAFixtureThatRunsAndHasTruth() {
        assertThat(truths).extracting(FixtureTruth::category)
                .containsExactlyInAnyOrderElementsOf(CallGraphTruth.CATEGORIES);
        Map<String, Integer> counts = new TreeMap<>();
        truths.forEach(t -> counts.put(t.category(), t.pairs().size()));
        System.out.println("call-graph truth pairs per category: " + counts + ", total "
                + counts.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(15));
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isBetween(150, 500);
    }

    @Test
    void everyNamedPatternHasTruthEdges() {
        Map<String, Long> byPattern = truths.stream().flatMap(t -> t.edges().stream())
                .flatMap(e -> e.patterns().stream())
                .collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting()));
        assertThat(byPattern.keySet()).containsExactlyInAnyOrderElementsOf(CallGraphTruth.PATTERNS);
    }

    @Test
    void everyTruthEdgeJoinsNamesTheFixtureDefines() {
        for (FixtureTruth truth : truths) {
            Set<String> callers = truth.callers();
            Set<String> functions = truth.functions();
            assertThat(truth.pairs()).as(truth.category()).allSatisfy(edge -> {
                assertThat(callers).contains(edge.caller());
                assertThat(functions).contains(edge.callee());
            });
            assertThat(truth.edges()).flatExtracting(TruthEdge::sites)
                    .allSatisfy(site -> assertThat(truth.root().resolve(site.path())).isRegularFile());
        }
    }

    @Test
    void theTruthAllFixturesGiveIsTheCommittedOne() throws IOException {
        String recorded = CallGraphTruth.format(truths);
        if (!recorded.equals(CallGraphTruth.golden())) {
            Path actual = Files.createTempFile("callgraph-truth-", ".tsv");
            Files.writeString(actual, recorded);
            assertThat(recorded).as("CPython's call-graph truth differs from testkit/src/main/resources"
                    + CallGraphTruth.GOLDEN + "; if the fixtures changed on purpose, copy " + actual + " over it")
                    .isEqualTo(CallGraphTruth.golden());
        }
    }

    @Test
    void aPerfectPredictionScoresOneAndAnEmptyOneScoresNoRecall() {
        Map<FixtureTruth, Set<CallEdge>> perfect = truths.stream()
                .collect(Collectors.toMap(t -> t, FixtureTruth::pairs));
        ScoreReport report = Scorer.score(perfect);
        assertThat(report.overall().precision()).isEqualTo(1.0);
        assertThat(report.overall().recall()).isEqualTo(1.0);
        assertThat(report.patterns().keySet()).containsExactlyInAnyOrderElementsOf(CallGraphTruth.PATTERNS);

        Map<FixtureTruth, Set<CallEdge>> empty = truths.stream()
                .collect(Collectors.toMap(t -> t, t -> new TreeSet<>()));
        assertThat(Scorer.score(empty).overall().recall()).isEqualTo(0.0);
    }
}
