package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.runtime.testing.MemoryTable;
import io.codeanatomy.runtime.testing.PlanningFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

class TestQueryPlanner {
    private static final double MILLION = 1_000_000;

    private final PlanningFixture fixture = new PlanningFixture()
            .add("defs", table(rows(1_000), MILLION, 1))
            .add("files", table(rows(200), 200_000, 0));

    @Test
    void equiJoinOfLargeInputsBecomesHashJoin() {
        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(joinPlan(fixture.builder()));

        assertThat(planned.physicalText()).contains("EnumerableHashJoin").doesNotContain("EnumerableMergeJoin");
    }

    @Test
    void withTheMergeJoinRuleBackTheCostModelPicksMergeJoin() {
        // The control for the test above: the shape is one where Calcite's costs prefer a merge join.
        PlannerRule mergeJoin = new PlannerRule("test.merge_join", RulePhase.PHYSICAL, EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);

        PlannedQuery planned = QueryPlanner.create(List.of(mergeJoin), Set.of()).plan(joinPlan(fixture.builder()));

        assertThat(planned.physicalText()).contains("EnumerableMergeJoin");
    }

    @Test
    void traceRecordsThePlanAfterEveryLogicalRuleFiring() {
        RelBuilder b = fixture.builder();
        RelNode plan = b.push(joinPlan(b)).filter(b.equals(b.field("name"), b.literal("f3"))).build();

        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(plan);

        List<RuleStep> firings = planned.trace().logicalSteps();
        assertThat(planned.trace().firedLogicalRules()).contains("calcite.FILTER_INTO_JOIN");
        RuleStep pushed = firings.stream().filter(f -> f.ruleId().equals("calcite.FILTER_INTO_JOIN")).findFirst().orElseThrow();
        // After the push the filter sits below the join, on the files side.
        assertThat(pushed.planAfter().indexOf("LogicalFilter")).isGreaterThan(pushed.planAfter().indexOf("LogicalJoin"));
        assertThat(firings.get(firings.size() - 1).planAfter()).isEqualTo(planned.optimizedText());
        assertThat(firings).extracting(RuleStep::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(planned.trace().physicalProductions()).containsKey("calcite.EnumerableJoinRule");
    }

    @Test
    void traceTextIsCalcitesPlanTextInEveryRuleByRulePhase() {
        RelBuilder b = fixture.builder();
        RelNode plan = b.push(joinPlan(b)).filter(b.equals(b.field("name"), b.literal("f3")))
                .project(b.field("name"), b.call(SqlStdOperatorTable.CHAR_LENGTH, b.field("name"))).build();

        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(plan);

        List<RuleStep> physical = planned.trace().steps().stream().filter(step -> step.phase() == RulePhase.PHYSICAL).toList();
        assertThat(physical).isNotEmpty();
        assertThat(physical.get(physical.size() - 1).planAfter()).isEqualTo(planned.physicalText()).contains("EnumerableCalc(");
        List<RuleStep> logical = planned.trace().logicalSteps();
        assertThat(logical.get(logical.size() - 1).planAfter()).isEqualTo(planned.optimizedText());
    }

    @Test
    void disabledRuleDoesNotFire() {
        RelBuilder b = fixture.builder();
        RelNode plan = b.push(joinPlan(b)).filter(b.equals(b.field("name"), b.literal("f3"))).build();

        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of("calcite.FILTER_INTO_JOIN")).plan(plan);

        assertThat(planned.trace().firedLogicalRules()).doesNotContain("calcite.FILTER_INTO_JOIN");
        String optimized = planned.optimizedText();
        assertThat(optimized.indexOf("LogicalFilter")).isLessThan(optimized.indexOf("LogicalJoin"));
    }

    @Test
    void pluginLogicalRulesRunAfterTheBuiltinOnes() {
        PlannerRule toCalc = new PlannerRule("test.filter_to_calc", RulePhase.LOGICAL, CoreRules.FILTER_TO_CALC);
        RelBuilder b = fixture.builder();
        RelNode plan = b.scan("defs")
                .filter(b.greaterThan(b.field("id"), b.literal(5)))
                .filter(b.lessThan(b.field("id"), b.literal(50)))
                .build();

        PlannedQuery planned = QueryPlanner.create(List.of(toCalc), Set.of()).plan(plan);

        assertThat(planned.trace().firedLogicalRules()).containsExactly("calcite.FILTER_MERGE", "test.filter_to_calc");
        assertThat(planned.optimizedText()).contains("LogicalCalc");
        assertThat(planned.physicalText()).contains("EnumerableCalc");
    }

    @Test
    void unknownDisabledRuleIsAnError() {
        assertThatThrownBy(() -> QueryPlanner.create(List.of(), Set.of("calcite.NO_SUCH_RULE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calcite.NO_SUCH_RULE");
    }

    @Test
    void duplicateRuleIdIsAnError() {
        PlannerRule clash = new PlannerRule("calcite.FILTER_MERGE", RulePhase.LOGICAL, CoreRules.FILTER_TO_CALC);

        assertThatThrownBy(() -> QueryPlanner.create(List.of(clash), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'calcite.FILTER_MERGE'");
    }

    @Test
    void builtinRuleIdsAreUnique() {
        List<PlannerRule> all = new ArrayList<>(BuiltinRules.logical());
        all.addAll(BuiltinRules.physical());

        assertThat(all).extracting(PlannerRule::id).doesNotHaveDuplicates();
        assertThat(all).extracting(PlannerRule::id).contains("calcite.EnumerableJoinRule")
                .noneMatch(id -> id.contains("MergeJoin"));
    }

    @Test
    void sharedSubtreeStaysSharedThroughThePlanner() {
        RelBuilder b = fixture.builder();
        RelNode view = b.scan("files").filter(b.greaterThan(b.field("id"), b.literal(10))).build();
        RelNode plan = b.push(view).push(view).union(true).build();

        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(plan);

        assertThat(planned.optimized().getInput(0)).isSameAs(planned.optimized().getInput(1));
        assertThat(planned.physical().getInput(0)).isSameAs(planned.physical().getInput(1));
    }

    static RelNode joinPlan(RelBuilder b) {
        return b.scan("defs").scan("files")
                .join(JoinRelType.INNER, b.equals(b.field(2, 0, "file_id"), b.field(2, 1, "id")))
                .project(b.field("id"), b.field("name"))
                .build();
    }

    /** Declared sorted on the join key, the case where the cost model likes merge joins best. */
    static MemoryTable table(List<Object[]> rows, double declaredRowCount, int sortedByColumn) {
        return new MemoryTable(tf -> tf.builder()
                .add("id", SqlTypeName.INTEGER)
                .add("file_id", SqlTypeName.INTEGER)
                .add("name", SqlTypeName.VARCHAR).nullable(true)
                .build(), rows, declaredRowCount, List.of(RelCollations.of(sortedByColumn)));
    }

    static List<Object[]> rows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {i, i % 200, i % 7 == 0 ? null : "f" + i});
        }
        return rows;
    }
}
