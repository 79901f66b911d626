package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One plan's operators as a tree: the lines of its physical plan text (P2), each with the metrics
 * the run recorded for the operator at the same path ({@code 0}, {@code 0.1}, … as
 * {@code run-result.json} numbers them: the root, then its inputs in order). Lines with no metrics
 * (a scan inside {@code EnumerableInterpreter}) stay in the tree, unmetered.
 */
final class OperatorTree {
    private static final int WIDTH = 176;
    private static final int HEIGHT = 42;
    private static final int GAP_X = 12;
    private static final int LEVEL = 66;
    private static final int MARGIN = 14;

    /** An operator's recorded figures. */
    record Metrics(long rowsOut, long millis, long selfMillis) {
    }

    /** One line of the plan: the operator, its text, its path, its children. */
    record Operator(String path, String name, String text, Optional<Metrics> metrics, List<Operator> children) {
        Operator {
            requireNonNull(path, "path is null");
            requireNonNull(name, "name is null");
            requireNonNull(text, "text is null");
            requireNonNull(metrics, "metrics is null");
            requireNonNull(children, "children is null");
        }
    }

    private OperatorTree() {
    }

    /**
     * Parses the plan text (two spaces of indent per level, as Calcite's explain prints it) and
     * attaches the metrics by path. Returns empty for an empty plan.
     */
    static Optional<Operator> parse(String planText, Map<String, Metrics> metricsByPath) {
        requireNonNull(planText, "planText is null");
        requireNonNull(metricsByPath, "metricsByPath is null");
        List<String> lines = planText.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        int[] next = {0};
        return Optional.of(build(lines, next, 0, "0", metricsByPath));
    }

    private static Operator build(List<String> lines, int[] next, int depth, String path, Map<String, Metrics> metrics) {
        String line = lines.get(next[0]++);
        String text = line.strip();
        int paren = text.indexOf('(');
        String name = paren < 0 ? text : text.substring(0, paren);
        List<Operator> children = new ArrayList<>();
        while (next[0] < lines.size() && indent(lines.get(next[0])) > depth) {
            children.add(build(lines, next, indent(lines.get(next[0])), path + "." + children.size(), metrics));
        }
        return new Operator(path, name, text, Optional.ofNullable(metrics.get(path)), List.copyOf(children));
    }

    private static int indent(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces / 2;
    }

    /** Every operator of the tree, root first, depth first. */
    static List<Operator> flatten(Operator root) {
        List<Operator> all = new ArrayList<>();
        flatten(root, all);
        return all;
    }

    private static void flatten(Operator operator, List<Operator> all) {
        all.add(operator);
        operator.children().forEach(child -> flatten(child, all));
    }

    /**
     * The tree drawn top-down: leaves side by side in plan order, each parent centred over its
     * inputs; fills by own time against {@code maxSelfMillis} (the run's slowest operator), which
     * itself is drawn in {@link Html#HOTTEST}.
     */
    static String svg(Operator root, long maxSelfMillis, String hottestKey, String planKey) {
        int leaves = leaves(root);
        int depth = depth(root);
        int width = MARGIN * 2 + leaves * (WIDTH + GAP_X) - GAP_X;
        int height = MARGIN * 2 + (depth - 1) * LEVEL + HEIGHT;
        StringBuilder edges = new StringBuilder();
        StringBuilder boxes = new StringBuilder();
        place(root, 0, new int[] {0}, maxSelfMillis, hottestKey, planKey, edges, boxes);
        return String.format(Locale.ROOT,
                "<svg class=\"operator-tree\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">%n",
                width, height, width, height) + edges + boxes + "</svg>\n";
    }

    /** Places {@code operator}'s subtree from leaf slot {@code slot[0]}; returns the centre x of its box. */
    private static int place(Operator operator, int level, int[] slot, long maxSelf, String hottestKey, String planKey,
            StringBuilder edges, StringBuilder boxes) {
        int y = MARGIN + level * LEVEL;
        int centre;
        if (operator.children().isEmpty()) {
            centre = MARGIN + slot[0]++ * (WIDTH + GAP_X) + WIDTH / 2;
        } else {
            List<Integer> centres = new ArrayList<>();
            for (Operator child : operator.children()) {
                centres.add(place(child, level + 1, slot, maxSelf, hottestKey, planKey, edges, boxes));
            }
            centre = (centres.get(0) + centres.get(centres.size() - 1)) / 2;
            for (int childCentre : centres) {
                edges.append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9aa0a6\" stroke-width=\"1.2\"/>%n",
                        centre, y + HEIGHT, childCentre, y + LEVEL));
            }
        }
        boolean hottest = (planKey + "#" + operator.path()).equals(hottestKey);
        String fill = operator.metrics()
                .map(m -> Html.heat(maxSelf == 0 ? 0 : (double) m.selfMillis() / maxSelf, hottest))
                .orElse("#f1f3f4");
        String ink = Html.ink(fill);
        String detail = operator.metrics()
                .map(m -> Html.count(m.rowsOut()) + " rows \u00b7 " + Html.millis(m.selfMillis()) + " own")
                .orElse("not metered (runs inside its parent)");
        boxes.append(String.format(Locale.ROOT,
                "<g class=\"op%s\" data-path=\"%s\"><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"5\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>"
                        + "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"12\" font-weight=\"600\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"10.5\">%s</text></g>%n",
                hottest ? " hottest" : "", operator.path(), Html.escape(Html.shorten(operator.text(), 4000)),
                centre - WIDTH / 2, y, WIDTH, HEIGHT, fill, hottest ? "#202124" : "#5f6368", hottest ? "2.5" : "1",
                operator.metrics().isPresent() ? "" : " stroke-dasharray=\"4 3\"",
                centre - WIDTH / 2 + 7, y + 17, ink, Html.escape(Html.shorten(operator.name().replaceFirst("^Enumerable", ""), 24)),
                centre - WIDTH / 2 + 7, y + 33, ink, Html.escape(Html.shorten(detail, 30))));
        return centre;
    }

    private static int leaves(Operator operator) {
        return operator.children().isEmpty() ? 1 : operator.children().stream().mapToInt(OperatorTree::leaves).sum();
    }

    private static int depth(Operator operator) {
        return 1 + operator.children().stream().mapToInt(OperatorTree::depth).max().orElse(0);
    }
}
