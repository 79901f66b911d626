package io.codeanatomy.api.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPlanDag {
    private static final PlanNode SCOPES = new PlanNode("scopes", PlanNodeKind.SPOOL, List.of(), PlanBundle.of("s0", "s1", "s2", List.of()));
    private static final PlanNode NODES = new PlanNode("cpg_nodes", PlanNodeKind.OUTPUT, List.of("spool:scopes"), PlanBundle.of("n0", "n1", "n2", List.of()));
    private static final PlanNode EDGES = new PlanNode("cpg_edges", PlanNodeKind.OUTPUT, List.of("spool:scopes"), PlanBundle.of("e0", "e1", "e2", List.of()));

    @Test
    void edgesLeadFromEachSpoolToItsReaders() {
        PlanDag dag = new PlanDag(List.of(SCOPES, NODES, EDGES));
        assertThat(dag.edges()).containsExactly(
                new PlanEdge("spool:scopes", "output:cpg_edges"),
                new PlanEdge("spool:scopes", "output:cpg_nodes"));
        assertThat(dag.nodes(PlanNodeKind.OUTPUT)).containsExactly(NODES, EDGES);
    }

    @Test
    void theHashDoesNotDependOnTheOrderOfIndependentNodes() {
        PlanDag one = new PlanDag(List.of(SCOPES, NODES, EDGES));
        PlanDag other = new PlanDag(List.of(SCOPES, EDGES, NODES));
        assertThat(other.hash()).isEqualTo(one.hash());
        assertThat(other.p1Hash()).isEqualTo(one.p1Hash());
    }

    @Test
    void aChangedPlanChangesTheHashesItIsPartOf() {
        PlanDag one = new PlanDag(List.of(SCOPES, NODES, EDGES));
        PlanNode otherP2 = new PlanNode("cpg_edges", PlanNodeKind.OUTPUT, List.of("spool:scopes"), PlanBundle.of("e0", "e1", "other", List.of()));
        PlanNode otherP1 = new PlanNode("cpg_edges", PlanNodeKind.OUTPUT, List.of("spool:scopes"), PlanBundle.of("e0", "other", "e2", List.of()));
        assertThat(new PlanDag(List.of(SCOPES, NODES, otherP2)).hash()).isNotEqualTo(one.hash());
        assertThat(new PlanDag(List.of(SCOPES, NODES, otherP2)).p1Hash()).isEqualTo(one.p1Hash());
        assertThat(new PlanDag(List.of(SCOPES, NODES, otherP1)).p1Hash()).isNotEqualTo(one.p1Hash());
    }

    @Test
    void aNodeMayReadOnlyASpoolPlacedBeforeIt() {
        assertThatThrownBy(() -> new PlanDag(List.of(NODES, SCOPES)))
                .hasMessage("Plan node 'output:cpg_nodes' reads 'spool:scopes', which is not a spool placed before it in the DAG.");
        assertThatThrownBy(() -> new PlanDag(List.of(SCOPES, NODES, NODES)))
                .hasMessage("The plan node 'output:cpg_nodes' appears twice in the DAG.");
    }
}
