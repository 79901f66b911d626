package io.codeanatomy.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.runtime.plan.PlanTrace;
import io.codeanatomy.runtime.plan.RuleStep;
import io.codeanatomy.runtime.plan.export.TraceText;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestRuleChanges {
    @Test
    void eachStepIsTheDiffFromThePlanBeforeIt() {
        String p0 = "LogicalProject(a=[$0])\n  LogicalFilter(condition=[true])\n    LogicalTableScan(table=[[t]])\n";
        String step1 = "LogicalProject(a=[$0])\n  LogicalTableScan(table=[[t]])\n";
        String step2 = "EnumerableCalc(expr#0=[{inputs}], a=[$t0])\n  LogicalTableScan(table=[[t]])\n";
        String trace = TraceText.of(p0, new PlanTrace(List.of(new RuleStep(1, "calcite.FILTER_REDUCE_EXPRESSIONS", RulePhase.LOGICAL, step1),
                new RuleStep(2, "calcite.ENUMERABLE_PROJECT_TO_CALC", RulePhase.PHYSICAL, step2)), new TreeMap<>(java.util.Map.of("codeanatomy.SPOOL_SCAN", 1))));

        List<RuleChanges.Change> changes = RuleChanges.of(trace);

        assertThat(changes).extracting(RuleChanges.Change::title).containsExactly("step 1: calcite.FILTER_REDUCE_EXPRESSIONS (logical)",
                "step 2: calcite.ENUMERABLE_PROJECT_TO_CALC (physical)", "cost-based search: alternatives produced per rule");
        assertThat(changes).extracting(RuleChanges.Change::step).containsExactly(true, true, false);
        assertThat(changes.get(0).diff()).contains("-  LogicalFilter(condition=[true])").contains("+  LogicalTableScan(table=[[t]])")
                .doesNotContain("-LogicalProject");
        assertThat(changes.get(1).diff()).contains("-LogicalProject(a=[$0])").contains("+EnumerableCalc(expr#0=[{inputs}], a=[$t0])")
                .doesNotContain("LogicalFilter");
        assertThat(changes.get(2).diff()).isEqualTo("codeanatomy.SPOOL_SCAN 1\n");
    }
}
