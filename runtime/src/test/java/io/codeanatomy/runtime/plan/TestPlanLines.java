package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.canonical.Sha256;
import io.codeanatomy.runtime.testing.PlanningFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.tools.RelBuilder;
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
    void aChainOfStepsHashesEachPlanAsItsWholeText() {
        // Plans that keep a prefix of the previous plan's lines (the same objects), of every length
        // around the chain's saving stride, growing and shrinking, and plans sharing nothing.
        Random random = new Random(14);
        List<PlanLines.Line> lines = new ArrayList<>();
        PlanLines.Chain chain = new PlanLines.Chain();
        for (int step = 0; step < 400; step++) {
            int keep = random.nextInt(4) == 0 ? 0 : random.nextInt(lines.size() + 1);
            lines.subList(keep, lines.size()).clear();
            int add = random.nextInt(step % 50 == 0 ? 120 : 40);
            for (int i = 0; i < add; i++) {
                lines.add(PlanLines.Line.of("  ".repeat(random.nextInt(5)) + "Op" + step + "_" + i + (random.nextBoolean() ? "(\u00e9)" : "")));
            }
            PlanLines plan = new PlanLines(lines);
            String expected = Sha256.hex(plan.text());

            assertThat(chain.sha256(plan)).as("step %d, %d lines, %d kept", step, lines.size(), keep).isEqualTo(expected);
            assertThat(plan.sha256()).isEqualTo(expected);
        }
        PlanLines text = PlanLines.ofText("A\n");
        assertThat(chain.sha256(text)).isEqualTo(Sha256.hex("A\n"));
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

    @Test
    void anOperatorAtTwoDepthsIsRenderedAtEachAndARenderingThatChangedNothingIsTheSamePlan() {
        RelBuilder builder = new PlanningFixture().builder();
        RelNode values = builder.values(new String[] {"a", "b"}, 1, "x", 2, "y").build();
        RelNode filtered = builder.push(values).filter(builder.equals(builder.field("a"), builder.literal(1))).build();
        // The values are an input at depth 2 (of the filter) and at depth 1 (of the union).
        RelNode union = builder.push(filtered).push(values).union(true).build();
        PlanText text = new PlanText();

        PlanLines first = text.of(union);
        PlanLines again = text.of(union);

        assertThat(first.text()).isEqualTo(RelOptUtil.toString(union));
        assertThat(first.text().lines().filter(line -> line.trim().startsWith("LogicalValues")).map(line -> line.indexOf('L')))
                .containsExactly(4, 2);
        assertThat(again).isSameAs(first);
        assertThat(text.of(filtered).text()).isEqualTo(RelOptUtil.toString(filtered));
    }
}
