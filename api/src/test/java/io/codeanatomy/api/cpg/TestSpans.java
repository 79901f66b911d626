package io.codeanatomy.api.cpg;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.Evaluator;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestSpans {
    private static boolean holds(Condition condition, long aStart, long aEnd, long bStart, long bEnd) {
        return Boolean.TRUE.equals(new Evaluator(Map.of("a.bstart", aStart, "a.bend", aEnd, "b.bstart", bStart, "b.bend", bEnd)).eval(condition));
    }

    @Test
    void overlapIsHalfOpen() {
        Condition overlaps = Spans.overlaps("a", "b");
        assertThat(holds(overlaps, 0, 10, 5, 15)).isTrue();
        assertThat(holds(overlaps, 0, 10, 10, 15)).as("touching spans share no byte").isFalse();
        assertThat(holds(overlaps, 5, 15, 0, 10)).isTrue();
        assertThat(holds(overlaps, 3, 3, 0, 10)).as("a position inside a span overlaps it").isTrue();
        assertThat(holds(overlaps, 10, 10, 0, 10)).as("a position at a span's end does not").isFalse();
        assertThat(holds(overlaps, 0, 0, 0, 10)).as("a position at a span's start does not").isFalse();
    }

    @Test
    void containmentIncludesEqualSpansButStrictContainmentDoesNot() {
        Condition contains = Spans.contains("a", "b");
        Condition strictly = Spans.strictlyContains(Spans.start("a"), Spans.end("a"), Spans.start("b"), Spans.end("b"));
        assertThat(holds(contains, 0, 10, 2, 8)).isTrue();
        assertThat(holds(contains, 0, 10, 0, 10)).isTrue();
        assertThat(holds(strictly, 0, 10, 0, 10)).isFalse();
        assertThat(holds(strictly, 0, 10, 0, 9)).isTrue();
        assertThat(holds(contains, 2, 8, 0, 10)).isFalse();
        assertThat(holds(contains, 0, 10, 5, 11)).isFalse();
    }

    @Test
    void helpersAreMadeOfPlainComparisons() {
        assertThat(Spans.contains("s", "d").toString()).isEqualTo("((s.bstart <= d.bstart) AND (d.bend <= s.bend))");
        assertThat(Spans.containedInSameFile("s", "d", "path").toString())
                .isEqualTo("((s.path = d.path) AND (s.bstart <= d.bstart) AND (d.bend <= s.bend))");
        assertThat(Spans.length("d").toString()).isEqualTo("(d.bend - d.bstart)");
    }
}
