package io.codeanatomy.plugins.spans;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code span_rank(bstart, bend)}, a window function: the nesting level of a span among the spans
 * before it in its window, 1 for a span no earlier span contains. Called as
 * {@code span_rank(bstart, bend) OVER (PARTITION BY path ORDER BY bstart, bend DESC ROWS UNBOUNDED PRECEDING)},
 * so that every container comes before what it contains; for properly nested spans (a syntax
 * tree) the level is exact. Calcite's user-defined aggregate convention, evaluated as a running
 * aggregate: the accumulator is the stack of open spans.
 */
public final class SpanRank {
    /** Spans that may still contain a later one, innermost on top, as {@code {bstart, bend}}. */
    public static final class Open {
        private final Deque<long[]> spans = new ArrayDeque<>();
        private int level;
    }

    public Open init() {
        return new Open();
    }

    public Open add(Open open, Long bstart, Long bend) {
        if (bstart == null || bend == null) {
            return open;
        }
        while (!open.spans.isEmpty() && !(open.spans.peek()[0] <= bstart && bend <= open.spans.peek()[1])) {
            open.spans.pop();
        }
        open.spans.push(new long[] {bstart, bend});
        open.level = open.spans.size();
        return open;
    }

    public Integer result(Open open) {
        return open.level;
    }
}
