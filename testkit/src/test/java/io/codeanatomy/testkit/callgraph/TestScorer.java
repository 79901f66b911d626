package io.codeanatomy.testkit.callgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestScorer {
    private static final FixtureTruth ONE = new FixtureTruth("one", Path.of("one"),
            List.of(truth("one", "m", "m.a", "callback"), truth("one", "m.a", "m.b"),
                    truth("one", "m.b", "m.c", "implicit-call")),
            List.of(def("module", "m"), def("function", "m.a"), def("function", "m.b"), def("function", "m.c"),
                    def("class", "m.K")));
    private static final FixtureTruth OTHER = new FixtureTruth("other", Path.of("other"),
            List.of(truth("other", "x", "x.f")), List.of(def("module", "x"), def("function", "x.f")));

    @Test
    void countsTruePositivesFalsePositivesAndFalseNegativesOnDefinedNamesOnly() {
        CategoryScore score = Scorer.score(ONE, Set.of(
                edge("m", "m.a"), edge("m.a", "m.b"),
                edge("m.a", "m.c"),
                edge("m.a", "builtins.print"), edge("m", "m.K"), edge("m.zzz", "m.a")));

        assertThat(score.score()).isEqualTo(new Score(2, 1, 1));
        assertThat(score.ignored()).isEqualTo(3);
        assertThat(score.falsePositives()).containsExactly(edge("m.a", "m.c"));
        assertThat(score.falseNegatives()).containsExactly(edge("m.b", "m.c"));
        assertThat(score.score().precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(score.score().recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(score.score().f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(score.patterns()).containsExactlyInAnyOrderEntriesOf(
                Map.of("callback", new Score(1, 0, 0), "implicit-call", new Score(0, 0, 1)));
    }

    @Test
    void theOverallScoreIsMicroAveragedOverPairs() {
        Map<FixtureTruth, Set<CallEdge>> predictions = new LinkedHashMap<>();
        predictions.put(ONE, Set.of(edge("m", "m.a"), edge("m.a", "m.b"), edge("m.a", "m.c")));
        predictions.put(OTHER, Set.of());

        ScoreReport report = Scorer.score(predictions);

        assertThat(report.category("other").score()).isEqualTo(new Score(0, 0, 1));
        assertThat(report.category("other").score().precision()).isEqualTo(1.0);
        assertThat(report.category("other").score().recall()).isEqualTo(0.0);
        assertThat(report.overall()).isEqualTo(new Score(2, 1, 2));
        assertThat(report.overall().precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.overall().recall()).isCloseTo(0.5, within(1e-12));
        assertThat(report.overall().f1()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(report.format()).isEqualTo("""
                category              P      R     F1    tp    fp    fn ignored
                one               0.667  0.667  0.667     2     1     1       0
                other             1.000  0.000  0.000     0     0     1       0
                overall           0.667  0.500  0.571     2     1     2       0
                pattern callback                 recall 1.000 (1 of 1)
                pattern implicit-call            recall 0.000 (0 of 1)
                FP one m.a -> m.c
                FN one m.b -> m.c
                FN other x -> x.f
                """);
    }

    @Test
    void fixturesOfOneCategoryAreAddedUp() {
        FixtureTruth second = new FixtureTruth("one", Path.of("one-more"), List.of(truth("one", "y", "y.g")),
                List.of(def("module", "y"), def("function", "y.g")));

        ScoreReport report = ScoreReport.of(List.of(Scorer.score(ONE, Set.of(edge("m", "m.a"))),
                Scorer.score(second, Set.of(edge("y", "y.g"), edge("y.g", "y.g")))));

        assertThat(report.categories()).hasSize(1);
        assertThat(report.category("one").score()).isEqualTo(new Score(2, 1, 2));
        assertThat(report.category("one").falsePositives()).containsExactly(edge("y.g", "y.g"));
    }

    @Test
    void nothingPredictedHasFullPrecisionAndNothingTrueHasFullRecall() {
        assertThat(new Score(0, 0, 3).precision()).isEqualTo(1.0);
        assertThat(new Score(0, 2, 0).recall()).isEqualTo(1.0);
        assertThat(new Score(0, 2, 0).precision()).isEqualTo(0.0);
        assertThat(new Score(0, 2, 3).f1()).isEqualTo(0.0);
    }

    @Test
    void stdlibRecallCountsTheObservedPairsFound() {
        Score recall = Scorer.recall(List.of(edge("a", "b"), edge("a", "c"), edge("b", "c"), edge("a", "b")),
                List.of(edge("a", "b"), edge("c", "d")));

        assertThat(recall).isEqualTo(new Score(1, 0, 2));
    }

    private static CallEdge edge(String caller, String callee) {
        return new CallEdge(caller, callee);
    }

    private static TruthEdge truth(String category, String caller, String callee, String... patterns) {
        return new TruthEdge(category, edge(caller, callee), List.of(new CallSite("main.py", 1)), List.of(patterns));
    }

    private static Definition def(String kind, String name) {
        return new Definition(kind, name, "main.py", 1);
    }
}
