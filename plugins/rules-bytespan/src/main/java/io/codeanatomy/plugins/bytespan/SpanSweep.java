package io.codeanatomy.plugins.bytespan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Function2;

/**
 * The runtime of {@link EnumerableSpanJoin}: both inputs are grouped by file key, each file's spans
 * sorted by start, and one sweep per file pairs the spans that relate: O((n + m) log(n + m)) plus the
 * pairs, where a hash join on the file key alone compares every pair of spans of a file.
 *
 * <p>Generated code reaches this class through the stashed {@link Function2} only, so the plugin's
 * class loader need not be visible to Calcite's compiler. Rows with a null key or span never match,
 * as in SQL. Pairs come out file by file (files in the order the inputs first name them), in sweep
 * order within a file; a file's rows are dropped once its pairs are out.
 */
final class SpanSweep implements Function2<Enumerable<Object>, Enumerable<Object>, Enumerable<Object[]>> {
    private final SpanPredicate predicate;
    private final boolean scalarLeft;
    private final boolean scalarRight;

    /** @param scalarLeft whether left rows are bare values (a one-column input) rather than {@code Object[]} */
    SpanSweep(SpanPredicate predicate, boolean scalarLeft, boolean scalarRight) {
        this.predicate = requireNonNull(predicate, "predicate is null");
        this.scalarLeft = scalarLeft;
        this.scalarRight = scalarRight;
    }

    @Override
    public Enumerable<Object[]> apply(Enumerable<Object> left, Enumerable<Object> right) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                Map<Object, List<Object[]>[]> files = new LinkedHashMap<>();
                collect(left, scalarLeft, 0, predicate.leftKeys(), predicate.leftStart(), predicate.leftEnd(), files);
                collect(right, scalarRight, 1, predicate.rightKeys(), predicate.rightStart(), predicate.rightEnd(), files);
                return new FilePairs(files.values().iterator());
            }
        };
    }

    /** The pairs of one file after another: only one file's pairs are held at a time. */
    private final class FilePairs implements Enumerator<Object[]> {
        private final Iterator<List<Object[]>[]> files;
        private List<Object[]> pairs = List.of();
        private int next;
        private Object[] current;

        FilePairs(Iterator<List<Object[]>[]> files) {
            this.files = files;
        }

        @Override
        public Object[] current() {
            if (current == null) {
                throw new NoSuchElementException();
            }
            return current;
        }

        @Override
        public boolean moveNext() {
            while (next >= pairs.size()) {
                if (!files.hasNext()) {
                    current = null;
                    return false;
                }
                List<Object[]>[] sides = files.next();
                files.remove();
                pairs = sides[0] == null || sides[1] == null ? List.of() : pairs(sides);
                next = 0;
            }
            current = pairs.get(next++);
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("the pairs of a span join are produced once");
        }

        @Override
        public void close() {
        }
    }

    private List<Object[]> pairs(List<Object[]>[] sides) {
        List<Object[]> out = new ArrayList<>();
        Span[] l = spans(sides[0], predicate.leftStart(), predicate.leftEnd());
        Span[] r = spans(sides[1], predicate.rightStart(), predicate.rightEnd());
        if (predicate.kind() == SpanPredicate.Kind.CONTAINS) {
            contains(predicate.outerLeft() ? l : r, predicate.outerLeft() ? r : l, out);
        } else {
            overlaps(l, r, out);
        }
        return out;
    }

    /** A row with its span, read once. */
    private record Span(long start, long end, Object[] row) {
    }

    @SuppressWarnings("unchecked")
    private static void collect(Enumerable<Object> rows, boolean scalar, int side, List<Integer> keys, int start, int end,
            Map<Object, List<Object[]>[]> files) {
        try (Enumerator<Object> e = rows.enumerator()) {
            while (e.moveNext()) {
                Object[] row = scalar ? new Object[] {e.current()} : (Object[]) e.current();
                Object key = key(row, keys);
                if (key == null || row[start] == null || row[end] == null) {
                    continue;
                }
                List<Object[]>[] sides = files.computeIfAbsent(key, k -> new List[2]);
                if (sides[side] == null) {
                    sides[side] = new ArrayList<>();
                }
                sides[side].add(row);
            }
        }
    }

    /** The file key of a row, null if any part of it is null. */
    private static Object key(Object[] row, List<Integer> keys) {
        if (keys.size() == 1) {
            return row[keys.get(0)];
        }
        Object[] values = new Object[keys.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = row[keys.get(k)];
            if (values[k] == null) {
                return null;
            }
        }
        return Arrays.asList(values);
    }

    private static Span[] spans(List<Object[]> rows, int start, int end) {
        Span[] spans = new Span[rows.size()];
        for (int i = 0; i < spans.length; i++) {
            Object[] row = rows.get(i);
            spans[i] = new Span(((Number) row[start]).longValue(), ((Number) row[end]).longValue(), row);
        }
        // Stable: equal starts keep input order, so the output does not depend on the sort's choices.
        Arrays.sort(spans, Comparator.comparingLong(Span::start));
        return spans;
    }

    /**
     * Outers are taken in as their start is reached (an outer starting where an inner starts is
     * taken first) and dropped once they end before the current inner starts: no later inner can
     * be inside them.
     */
    private void contains(Span[] outers, Span[] inners, List<Object[]> out) {
        List<Span> active = new ArrayList<>();
        int next = 0;
        for (Span inner : inners) {
            while (next < outers.length && outers[next].start() <= inner.start()) {
                active.add(outers[next++]);
            }
            active.removeIf(outer -> outer.end() < inner.start());
            for (Span outer : active) {
                if (inner.end() <= outer.end()) {
                    emit(outer, inner, out);
                }
            }
        }
    }

    /**
     * Both sides in start order: each span is checked against the spans of the other side still open
     * when it starts, so every overlapping pair is found once, when its later-starting span comes.
     */
    private void overlaps(Span[] l, Span[] r, List<Object[]> out) {
        List<Span> openLeft = new ArrayList<>();
        List<Span> openRight = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < l.length || j < r.length) {
            boolean takeLeft = j >= r.length || (i < l.length && l[i].start() <= r[j].start());
            Span x = takeLeft ? l[i++] : r[j++];
            long s = x.start();
            openLeft.removeIf(span -> span.end() <= s);
            openRight.removeIf(span -> span.end() <= s);
            for (Span y : takeLeft ? openRight : openLeft) {
                if (y.start() < x.end() && x.start() < y.end()) {
                    if (takeLeft) {
                        out.add(concat(x.row(), y.row()));
                    } else {
                        out.add(concat(y.row(), x.row()));
                    }
                }
            }
            (takeLeft ? openLeft : openRight).add(x);
        }
    }

    private void emit(Span outer, Span inner, List<Object[]> out) {
        out.add(predicate.outerLeft() ? concat(outer.row(), inner.row()) : concat(inner.row(), outer.row()));
    }

    private static Object[] concat(Object[] left, Object[] right) {
        Object[] row = Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, row, left.length, right.length);
        return row;
    }
}
