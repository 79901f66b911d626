package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores per category and overall, micro-averaged over pairs (a category with more pairs weighs
 * more), and recall per pattern over all categories. Thresholds are the caller's: a test asserts
 * on {@link #overall()}, {@link #category(String)} or {@link #pattern(String)}.
 */
public record ScoreReport(List<CategoryScore> categories, Score overall, Map<String, Score> patterns) {
    public ScoreReport {
        categories = List.copyOf(categories);
        requireNonNull(overall, "overall is null");
        patterns = Map.copyOf(patterns);
    }

    /** Adds up the counts: scores of one category (several fixtures) into one, then all; categories sorted by name. */
    public static ScoreReport of(List<CategoryScore> scores) {
        Map<String, CategoryScore> byCategory = new TreeMap<>();
        for (CategoryScore score : scores) {
            byCategory.merge(score.category(), score, ScoreReport::merge);
        }
        List<CategoryScore> sorted = List.copyOf(byCategory.values());
        Score overall = Score.ZERO;
        Map<String, Score> patterns = new TreeMap<>();
        for (CategoryScore score : sorted) {
            overall = overall.plus(score.score());
            score.patterns().forEach((pattern, s) -> patterns.merge(pattern, s, Score::plus));
        }
        return new ScoreReport(sorted, overall, patterns);
    }

    private static CategoryScore merge(CategoryScore a, CategoryScore b) {
        List<CallEdge> falsePositives = new ArrayList<>(a.falsePositives());
        falsePositives.addAll(b.falsePositives());
        List<CallEdge> falseNegatives = new ArrayList<>(a.falseNegatives());
        falseNegatives.addAll(b.falseNegatives());
        Map<String, Score> patterns = new TreeMap<>(a.patterns());
        b.patterns().forEach((pattern, s) -> patterns.merge(pattern, s, Score::plus));
        return new CategoryScore(a.category(), a.score().plus(b.score()), falsePositives, falseNegatives,
                a.ignored() + b.ignored(), patterns);
    }

    public CategoryScore category(String name) {
        return categories.stream().filter(c -> c.category().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the report has no category " + name));
    }

    public Score pattern(String name) {
        Score score = patterns.get(name);
        if (score == null) {
            throw new IllegalArgumentException("the report has no pattern " + name);
        }
        return score;
    }

    /** A table per category, the overall line, pattern recall, then every false positive and negative. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-16s %6s %6s %6s %5s %5s %5s %7s%n",
                "category", "P", "R", "F1", "tp", "fp", "fn", "ignored"));
        for (CategoryScore c : categories) {
            row(out, c.category(), c.score(), c.ignored());
        }
        row(out, "overall", overall, categories.stream().mapToInt(CategoryScore::ignored).sum());
        Map<String, Score> sortedPatterns = new TreeMap<>(patterns);
        for (Map.Entry<String, Score> p : sortedPatterns.entrySet()) {
            out.append(String.format(Locale.ROOT, "pattern %-24s recall %.3f (%d of %d)%n",
                    p.getKey(), p.getValue().recall(), p.getValue().truePositives(), p.getValue().truth()));
        }
        Map<String, List<CallEdge>> misses = new LinkedHashMap<>();
        for (CategoryScore c : categories) {
            c.falsePositives().forEach(e -> out.append("FP ").append(c.category()).append(' ').append(e).append('\n'));
            misses.put(c.category(), c.falseNegatives());
        }
        misses.forEach((category, edges) ->
                edges.forEach(e -> out.append("FN ").append(category).append(' ').append(e).append('\n')));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Score s, int ignored) {
        out.append(String.format(Locale.ROOT, "%-16s %6.3f %6.3f %6.3f %5d %5d %5d %7d%n",
                name, s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives(), ignored));
    }
}
