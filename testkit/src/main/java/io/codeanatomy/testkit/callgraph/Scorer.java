package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores a predicted call graph against CPython's. Only predictions whose caller is a function, class
 * or module and whose callee is a function the fixture defines are counted: a call of something
 * outside the fixture (a library function, {@code builtins.print}) or of a class is not what the
 * truth can say anything about, so it is neither a true nor a false positive.
 */
public final class Scorer {
    private Scorer() {}

    /** The score of {@code predicted} on one fixture. */
    public static CategoryScore score(FixtureTruth truth, Collection<CallEdge> predicted) {
        requireNonNull(truth, "truth is null");
        requireNonNull(predicted, "predicted is null");
        Set<String> callers = truth.callers();
        Set<String> functions = truth.functions();
        Set<CallEdge> actual = truth.pairs();
        Set<CallEdge> counted = new TreeSet<>();
        int ignored = 0;
        for (CallEdge edge : new TreeSet<>(predicted)) {
            if (callers.contains(edge.caller()) && functions.contains(edge.callee())) {
                counted.add(edge);
            } else {
                ignored++;
            }
        }
        List<CallEdge> falsePositives = counted.stream().filter(e -> !actual.contains(e)).toList();
        List<CallEdge> falseNegatives = actual.stream().filter(e -> !counted.contains(e)).toList();
        Score score = new Score(counted.size() - falsePositives.size(), falsePositives.size(), falseNegatives.size());
        Map<String, Score> patterns = new TreeMap<>();
        for (TruthEdge edge : truth.edges()) {
            Score one = counted.contains(edge.edge()) ? new Score(1, 0, 0) : new Score(0, 0, 1);
            edge.patterns().forEach(pattern -> patterns.merge(pattern, one, Score::plus));
        }
        return new CategoryScore(truth.category(), score, falsePositives, falseNegatives, ignored, patterns);
    }

    /** Scores every fixture with its prediction and adds the scores up. */
    public static ScoreReport score(Map<FixtureTruth, ? extends Collection<CallEdge>> predictions) {
        requireNonNull(predictions, "predictions is null");
        return ScoreReport.of(predictions.entrySet().stream().map(e -> score(e.getKey(), e.getValue())).toList());
    }

    /**
     * Recall of {@code predicted} on a dynamic truth with no definitions to restrict by (the standard
     * library's): how many observed pairs were predicted; the false positives are not counted.
     */
    public static Score recall(Collection<CallEdge> truth, Collection<CallEdge> predicted) {
        Set<CallEdge> actual = new TreeSet<>(truth);
        Set<CallEdge> found = new TreeSet<>(predicted);
        int hits = (int) actual.stream().filter(found::contains).count();
        return new Score(hits, 0, actual.size() - hits);
    }
}
