package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A category's score with what to look at: the false positives and false negatives, sorted; how many
 * predictions were not counted because a side is no fixture definition (an external callee, a
 * class as callee); and, per pattern tagged on the category's truth, how many of its pairs were found
 * and of how many.
 */
public record CategoryScore(String category, Score score, List<CallEdge> falsePositives, List<CallEdge> falseNegatives,
        int ignored, Map<String, Score> patterns) {
    public CategoryScore {
        requireNonNull(category, "category is null");
        requireNonNull(score, "score is null");
        falsePositives = List.copyOf(falsePositives);
        falseNegatives = List.copyOf(falseNegatives);
        patterns = Map.copyOf(patterns);
        if (ignored < 0) {
            throw new IllegalArgumentException("ignored is not negative: " + ignored);
        }
    }
}
