package io.codeanatomy.plugins.spans;

/**
 * {@code span_merge(bstart, bend)}, an aggregate: the smallest span covering every span of the
 * group, {@code [min(bstart), max(bend))}, as a struct {@code {bstart, bend}} (an {@code Object[]}
 * in member order, Calcite's representation); null for a group without spans. Calcite's
 * user-defined aggregate convention, with {@code merge} for partial aggregation.
 */
public final class SpanMerge {
    /** The covering span so far; {@code empty} until the first span. */
    public static final class Hull {
        private boolean empty = true;
        private long bstart;
        private long bend;
    }

    public Hull init() {
        return new Hull();
    }

    public Hull add(Hull hull, Long bstart, Long bend) {
        if (bstart == null || bend == null) {
            return hull;
        }
        hull.bstart = hull.empty ? bstart : Math.min(hull.bstart, bstart);
        hull.bend = hull.empty ? bend : Math.max(hull.bend, bend);
        hull.empty = false;
        return hull;
    }

    public Hull merge(Hull a, Hull b) {
        return b.empty ? a : add(a, b.bstart, b.bend);
    }

    public Object[] result(Hull hull) {
        return hull.empty ? null : new Object[] {hull.bstart, hull.bend};
    }
}
