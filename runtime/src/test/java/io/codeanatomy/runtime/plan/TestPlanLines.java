package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.canonical.Sha256;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPlanLines {

    @Test
    void textHashAndDiffLinesAreThoseOfTheWholeText() {
        List<PlanLines.Line> lines = List.of(
                PlanLines.Line.of("LogicalProject(a=[$0])"),
                PlanLines.Line.of("  LogicalValues(tuples=[[{ 'two\nlines', 'cr\r' }]])"),
                PlanLines.Line.of("  LogicalFilter(condition=[=($0, 'caf\u00e9 \u20ac')])"),
                PlanLines.Line.of("    ends with a break\n"));
        PlanLines plan = new PlanLines(lines);
        String text = "LogicalProject(a=[$0])\n  LogicalValues(tuples=[[{ 'two\nlines', 'cr\r' }]])\n"
                + "  LogicalFilter(condition=[=($0, 'caf\u00e9 \u20ac')])\n    ends with a break\n\n";

        assertThat(plan.text()).isEqualTo(text);
        assertThat(plan.sha256()).isEqualTo(Sha256.hex(text));
        assertThat(plan.diffLines()).isEqualTo(text.lines().toList());
        PlanLines given = PlanLines.ofText(text);
        assertThat(given.text()).isEqualTo(text);
        assertThat(given.sha256()).isEqualTo(plan.sha256());
        assertThat(given.diffLines()).isEqualTo(plan.diffLines());
        assertThat(given).isEqualTo(plan);
    }

    @Test
    void aPlanIsItsLinesObjectForObjectOnly() {
        PlanLines.Line a = PlanLines.Line.of("A");
        PlanLines.Line b = PlanLines.Line.of("  B");
        PlanLines plan = new PlanLines(List.of(a, b));

        assertThat(plan.hasLines(List.of(a, b))).isTrue();
        assertThat(plan.hasLines(List.of(a, PlanLines.Line.of("  B")))).as("an equal line made again").isFalse();
        assertThat(plan.hasLines(List.of(a))).isFalse();
        assertThat(PlanLines.ofText("A\n  B\n").hasLines(List.of(a, b))).isFalse();
    }
}
