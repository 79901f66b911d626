package io.codeanatomy.testkit.callgraph;

import java.util.Locale;

/**
 * Counts of predicted pairs against true pairs: true positives, false positives, false negatives.
 * Precision with nothing predicted, and recall with nothing true, are 1 (nothing was wrong,
 * nothing was missed); F1 is 0 when both precision and recall are.
 */
public record Score(int truePositives, int falsePositives, int falseNegatives) {
    public static final Score ZERO = new Score(0, 0, 0);

    public Score {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts are not negative: " + truePositives + ", " + falsePositives
                    + ", " + falseNegatives);
        }
    }

    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
        int actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** The pairs CPython made, found or not. */
    public int truth() {
        return truePositives + falseNegatives;
    }

    /** Micro-averaging: counts add up, the ratios are computed from the sums. */
    public Score plus(Score other) {
        return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
                precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
    }
}
