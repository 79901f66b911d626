package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's plan DAG drawn as SVG, left to right: the tables the plans scan, the shared views
 * (spools) and the outputs, each box coloured by the time its plan took, an arrow from every
 * producer to each of its readers. The layout is layered (a node's column is the longest path
 * to it) with the crossings reduced by barycentre sweeps; ties break by id, so equal DAGs draw
 * the same.
 */
final class PlanGraph {
    private static final int WIDTH = 210;
    private static final int HEIGHT = 46;
    private static final int GAP_X = 80;
    private static final int GAP_Y = 12;
    private static final int MARGIN = 20;
    private static final int SWEEPS = 6;

    /**
     * @param id unique, also the sort key that breaks ties
     * @param href where a click leads (a fragment's details), or empty
     */
    record Node(String id, String label, String detail, String tooltip, String fill, boolean hottest, String href) {
        Node {
            requireNonNull(id, "id is null");
            requireNonNull(label, "label is null");
            requireNonNull(detail, "detail is null");
            requireNonNull(tooltip, "tooltip is null");
            requireNonNull(fill, "fill is null");
            requireNonNull(href, "href is null");
        }
    }

    /** An arrow from {@code from} (the producer) to {@code to} (its reader). */
    record Edge(String from, String to) {
        Edge {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    private PlanGraph() {
    }

    /** Column of every node: 0 for nodes nothing feeds, else one more than its furthest producer. */
    static Map<String, Integer> layers(List<Node> nodes, List<Edge> edges) {
        Map<String, List<String>> producers = new HashMap<>();
        for (Edge edge : edges) {
            producers.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
        }
        Map<String, Integer> layers = new TreeMap<>();
        for (Node node : nodes) {
            layer(node.id(), producers, layers, new HashMap<>());
        }
        return layers;
    }

    private static int layer(String id, Map<String, List<String>> producers, Map<String, Integer> layers, Map<String, Boolean> visiting) {
        Integer known = layers.get(id);
        if (known != null) {
            return known;
        }
        if (visiting.put(id, Boolean.TRUE) != null) {
            throw new IllegalArgumentException("the plan graph has a cycle through " + id);
        }
        int layer = 0;
        for (String producer : producers.getOrDefault(id, List.of())) {
            layer = Math.max(layer, layer(producer, producers, layers, visiting) + 1);
        }
        visiting.remove(id);
        layers.put(id, layer);
        return layer;
    }

    /** The nodes of each column, top to bottom. */
    static List<List<String>> order(List<Node> nodes, List<Edge> edges) {
        Map<String, Integer> layers = layers(nodes, edges);
        int columns = layers.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> order = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            order.add(new ArrayList<>());
        }
        nodes.stream().map(Node::id).sorted().forEach(id -> order.get(layers.get(id)).add(id));
        Map<String, List<String>> producers = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        for (Edge edge : edges) {
            producers.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
            readers.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean down = sweep % 2 == 0;
            Map<String, Double> position = positions(order);
            for (int c = down ? 1 : columns - 2; down ? c < columns : c >= 0; c += down ? 1 : -1) {
                Map<String, List<String>> neighbours = down ? producers : readers;
                Map<String, Double> key = new HashMap<>();
                for (String id : order.get(c)) {
                    List<String> near = neighbours.getOrDefault(id, List.of());
                    key.put(id, near.isEmpty() ? position.get(id)
                            : near.stream().mapToDouble(position::get).average().orElseThrow());
                }
                order.get(c).sort(Comparator.<String>comparingDouble(key::get).thenComparing(Comparator.naturalOrder()));
                position = positions(order);
            }
        }
        return order;
    }

    /** Each node's place in its column, scaled to [0, 1] so columns of different heights compare. */
    private static Map<String, Double> positions(List<List<String>> order) {
        Map<String, Double> position = new HashMap<>();
        for (List<String> column : order) {
            for (int i = 0; i < column.size(); i++) {
                position.put(column.get(i), column.size() == 1 ? 0.5 : (double) i / (column.size() - 1));
            }
        }
        return position;
    }

    static String svg(List<Node> nodes, List<Edge> edges) {
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (byId.put(node.id(), node) != null) {
                throw new IllegalArgumentException("two plan graph nodes are called " + node.id());
            }
        }
        for (Edge edge : edges) {
            if (!byId.containsKey(edge.from()) || !byId.containsKey(edge.to())) {
                throw new IllegalArgumentException("the plan graph edge " + edge + " names a node it does not have");
            }
        }
        List<List<String>> order = order(nodes, edges);
        int tallest = order.stream().mapToInt(List::size).max().orElse(0);
        int height = MARGIN * 2 + Math.max(1, tallest) * (HEIGHT + GAP_Y) - GAP_Y;
        int width = MARGIN * 2 + Math.max(1, order.size()) * (WIDTH + GAP_X) - GAP_X;
        Map<String, int[]> at = new HashMap<>();
        for (int c = 0; c < order.size(); c++) {
            List<String> column = order.get(c);
            int top = MARGIN + (tallest - column.size()) * (HEIGHT + GAP_Y) / 2;
            for (int i = 0; i < column.size(); i++) {
                at.put(column.get(i), new int[] {MARGIN + c * (WIDTH + GAP_X), top + i * (HEIGHT + GAP_Y)});
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"plan-graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" style=\"max-width:%dpx\" role=\"img\" aria-label=\"plan DAG\">%n",
                width, height, width, height, width));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#80868b\"/></marker></defs>\n");
        for (Edge edge : edges.stream().sorted(Comparator.comparing(Edge::from).thenComparing(Edge::to)).toList()) {
            int[] a = at.get(edge.from());
            int[] b = at.get(edge.to());
            int x1 = a[0] + WIDTH;
            int y1 = a[1] + HEIGHT / 2;
            int x2 = b[0];
            int y2 = b[1] + HEIGHT / 2;
            svg.append(String.format(Locale.ROOT,
                    "<path class=\"edge\" d=\"M %d %d C %d %d, %d %d, %d %d\" fill=\"none\" stroke=\"#9aa0a6\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>%n",
                    x1, y1, x1 + GAP_X / 2, y1, x2 - GAP_X / 2, y2, x2, y2));
        }
        for (List<String> column : order) {
            for (String id : column) {
                Node node = byId.get(id);
                int[] p = at.get(id);
                String ink = Html.ink(node.fill());
                String box = String.format(Locale.ROOT,
                        "<g class=\"node%s\" data-node=\"%s\"><title>%s</title>"
                                + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>"
                                + "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"13\" font-weight=\"600\">%s</text>"
                                + "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"11\">%s</text></g>",
                        node.hottest() ? " hottest" : "", Html.escape(id), Html.escape(node.tooltip()),
                        p[0], p[1], WIDTH, HEIGHT, node.fill(), node.hottest() ? "#202124" : "#5f6368", node.hottest() ? "2.5" : "1",
                        p[0] + 8, p[1] + 19, ink, Html.escape(Html.shorten(node.label(), 27)),
                        p[0] + 8, p[1] + 36, ink, Html.escape(Html.shorten(node.detail(), 34)));
                if (node.href().isEmpty()) {
                    svg.append(box);
                } else {
                    svg.append("<a class=\"frag-link\" href=\"").append(Html.escape(node.href())).append("\">").append(box).append("</a>");
                }
                svg.append('\n');
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }
}
