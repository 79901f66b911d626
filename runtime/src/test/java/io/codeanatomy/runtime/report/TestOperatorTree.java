package io.codeanatomy.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestOperatorTree {
    private static final String PLAN = """
            EnumerableAggregate(group=[{0}])
              EnumerableHashJoin(condition=[=($0, $1)], joinType=[inner])
                EnumerableInterpreter
                  BindableTableScan(table=[[py_defs_v1]])
                SpoolScan(table=[[spool, py_scopes]])
            """;

    @Test
    void pathsFollowTheRunResultsNumbering() {
        OperatorTree.Operator root = OperatorTree.parse(PLAN, Map.of(
                "0", new OperatorTree.Metrics(3, 40, 1),
                "0.0", new OperatorTree.Metrics(9, 39, 5),
                "0.0.0", new OperatorTree.Metrics(12, 20, 20),
                "0.0.1", new OperatorTree.Metrics(7, 14, 14))).orElseThrow();
        List<OperatorTree.Operator> all = OperatorTree.flatten(root);
        assertThat(all).extracting(OperatorTree.Operator::path).containsExactly("0", "0.0", "0.0.0", "0.0.0.0", "0.0.1");
        assertThat(all).extracting(OperatorTree.Operator::name)
                .containsExactly("EnumerableAggregate", "EnumerableHashJoin", "EnumerableInterpreter", "BindableTableScan", "SpoolScan");
        assertThat(all.get(2).metrics()).contains(new OperatorTree.Metrics(12, 20, 20));
        // The scan inside the interpreter is not metered on its own.
        assertThat(all.get(3).metrics()).isEmpty();
        assertThat(all.get(4).text()).isEqualTo("SpoolScan(table=[[spool, py_scopes]])");
    }

    @Test
    void theSvgHasABoxPerOperatorAndHighlightsOnlyTheHottest() {
        OperatorTree.Operator root = OperatorTree.parse(PLAN, Map.of("0.0.0", new OperatorTree.Metrics(12, 20, 20))).orElseThrow();
        String svg = OperatorTree.svg(root, 20, "plan#0.0.0", "plan");
        assertThat(svg.split("data-path=\"", -1)).hasSize(6);
        assertThat(svg.split("class=\"op hottest\"", -1)).hasSize(2);
        assertThat(svg).contains("data-path=\"0.0.0\"").contains(Html.HOTTEST).contains("stroke-dasharray");
        assertThat(OperatorTree.svg(root, 20, "other#0.0.0", "plan")).doesNotContain("hottest");
    }

    @Test
    void anEmptyPlanHasNoTree() {
        assertThat(OperatorTree.parse("\n", Map.of())).isEmpty();
    }
}
