package io.codeanatomy.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestRuleChanges {
    @Test
    void eachStepIsTheDiffFromThePlanBeforeIt() {
        String p0 = "LogicalProject(a=[$0])\n  LogicalFilter(condition=[true])\n    LogicalTableScan(table=[[t]])\n";
        String trace = """
                === step 1: calcite.FILTER_REDUCE_EXPRESSIONS (logical)
                LogicalProject(a=[$0])
                  LogicalTableScan(table=[[t]])
                === step 2: calcite.ENUMERABLE_PROJECT_TO_CALC (physical)
                EnumerableCalc(expr#0=[{inputs}], a=[$t0])
                  LogicalTableScan(table=[[t]])

                === cost-based search: alternatives produced per rule
                codeanatomy.SPOOL_SCAN 1
                """;
        List<RuleChanges.Change> changes = RuleChanges.of(p0, trace);
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
