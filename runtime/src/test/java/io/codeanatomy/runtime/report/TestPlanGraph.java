package io.codeanatomy.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPlanGraph {
    private static PlanGraph.Node node(String id, boolean hottest) {
        return new PlanGraph.Node(id, id, "detail", "tip " + id, hottest ? Html.HOTTEST : "#e8f0fe", hottest, "#frag-" + id);
    }

    /** A diamond over two tables: t1, t2 -> a, b -> out; plus a long edge t1 -> out. */
    private static final List<PlanGraph.Node> NODES = List.of(node("table:t1", false), node("table:t2", false), node("spool:a", false),
            node("spool:b", false), node("output:out", true));
    private static final List<PlanGraph.Edge> EDGES = List.of(new PlanGraph.Edge("table:t1", "spool:a"),
            new PlanGraph.Edge("table:t2", "spool:b"), new PlanGraph.Edge("spool:a", "output:out"),
            new PlanGraph.Edge("spool:b", "output:out"), new PlanGraph.Edge("table:t1", "output:out"));

    @Test
    void columnIsTheLongestPathFromASource() {
        assertThat(PlanGraph.layers(NODES, EDGES)).isEqualTo(Map.of("table:t1", 0, "table:t2", 0, "spool:a", 1, "spool:b", 1, "output:out", 2));
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<PlanGraph.Node> shuffledNodes = new ArrayList<>(NODES);
        List<PlanGraph.Edge> shuffledEdges = new ArrayList<>(EDGES);
        Collections.reverse(shuffledNodes);
        Collections.reverse(shuffledEdges);
        assertThat(PlanGraph.order(shuffledNodes, shuffledEdges)).isEqualTo(PlanGraph.order(NODES, EDGES));
        assertThat(PlanGraph.svg(shuffledNodes, shuffledEdges)).isEqualTo(PlanGraph.svg(NODES, EDGES));
    }

    @Test
    void barycentreSweepsUncrossTheEdges() {
        // z feeds a and y feeds b: sorted by name alone the sources (y, z) cross their readers (a, b).
        List<PlanGraph.Node> nodes = List.of(node("y", false), node("z", false), node("a", false), node("b", false));
        List<PlanGraph.Edge> edges = List.of(new PlanGraph.Edge("z", "a"), new PlanGraph.Edge("y", "b"));
        List<List<String>> order = PlanGraph.order(nodes, edges);
        assertThat(order).hasSize(2);
        assertThat(order.get(0).indexOf("z") < order.get(0).indexOf("y")).isEqualTo(order.get(1).indexOf("a") < order.get(1).indexOf("b"));
    }

    @Test
    void drawsEveryNodeAndEdgeAndMarksTheHottest() {
        String svg = PlanGraph.svg(NODES, EDGES);
        assertThat(svg.split("data-node=\"", -1)).hasSize(NODES.size() + 1);
        assertThat(svg.split("class=\"edge\"", -1)).hasSize(EDGES.size() + 1);
        assertThat(svg.split("class=\"node hottest\"", -1)).hasSize(2);
        assertThat(svg).contains("data-node=\"output:out\"").contains("href=\"#frag-output:out\"");
    }

    @Test
    void refusesAnEdgeToAMissingNodeAndACycle() {
        assertThatThrownBy(() -> PlanGraph.svg(NODES, List.of(new PlanGraph.Edge("spool:a", "spool:missing"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spool:missing");
        assertThatThrownBy(() -> PlanGraph.layers(List.of(node("a", false), node("b", false)),
                List.of(new PlanGraph.Edge("a", "b"), new PlanGraph.Edge("b", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    }
}
