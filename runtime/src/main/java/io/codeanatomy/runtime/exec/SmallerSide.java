package io.codeanatomy.runtime.exec;

import io.codeanatomy.runtime.plan.ProbeSide;
import io.codeanatomy.runtime.plan.SemiNaiveFixpoint;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.EqualityComparer;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * Hash joins that build their table on the smaller input, whichever side the plan put it on.
 * Calcite's hash join builds on its right input; the planner cannot know which side is smaller
 * when one side reads a spool (a view computed earlier in the same run: its rows are counted only
 * once it is computed, after the plan is made), and on the standard library 176 inner joins
 * hashed 76 million rows on the larger side: a 2-million-row table of expressions hashed to be
 * probed by 800 rows, a third of a build's CPU samples in building those tables.
 *
 * <p>Only the executed copy of a plan changes, as with {@link Metering}: the recorded plan and its
 * hash stay as planned. The left input of every inner or left hash join is handed over through a
 * {@link ProbeSide}, whose rows are the input's and whose {@code hashJoin} (the method Calcite's
 * generated code calls on the left rows) reads both inputs a chunk at a time until one ends, then
 * builds on that one and streams the other. The rows are those of the plan's join; when the left
 * input is the smaller one they come out in another order (by right row, then left row; for a left
 * join the left rows without a match last), the same order for the same input whatever the
 * number of threads. The step of a semi-naive fixpoint is left as planned: its joins keep their
 * right inputs' tables from round to round ({@code MemoRows}). When neither input ends within
 * {@link #READ_AHEAD} left rows, the right one is hashed as planned.
 */
public final class SmallerSide {
    /** Rows read from one input before switching to the other. */
    static final int CHUNK = 1024;
    /**
     * Left rows read ahead at most: when neither input has ended by then, the right one is hashed,
     * as planned, so that two large inputs cost at most this many rows more than the planned join.
     */
    static final int READ_AHEAD = 1 << 20;

    private static final Method PROBE = Types.lookupMethod(SmallerSide.class, "probe", Enumerable.class);

    private SmallerSide() {
    }

    /** The plan with the left input of each inner or left hash join outside a fixpoint's step under a {@link ProbeSide}. */
    public static EnumerableRel rewrite(EnumerableRel plan) {
        return (EnumerableRel) rewrite((RelNode) plan);
    }

    private static RelNode rewrite(RelNode node) {
        List<RelNode> inputs = new ArrayList<>(node.getInputs());
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode input = inputs.get(i);
            RelNode rewritten = node instanceof SemiNaiveFixpoint && i == 1 ? input : rewrite(input);
            if (i == 0 && eligible(node) && rewritten instanceof EnumerableRel) {
                rewritten = new ProbeSide(rewritten, PROBE);
            }
            changed |= rewritten != input;
            inputs.set(i, rewritten);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    private static boolean eligible(RelNode node) {
        return node instanceof EnumerableHashJoin join && !join.isSemiJoin()
                && (join.getJoinType() == JoinRelType.INNER || join.getJoinType() == JoinRelType.LEFT);
    }

    /** Called by generated code: the rows of {@code rows}, joined by {@link Sided#hashJoin} on the smaller side. */
    public static <T> Enumerable<T> probe(Enumerable<T> rows) {
        return new Sided<>(rows, READ_AHEAD);
    }

    /** As {@link #probe(Enumerable)}, reading at most {@code readAhead} left rows ahead. */
    static <T> Enumerable<T> probe(Enumerable<T> rows, int readAhead) {
        return new Sided<>(rows, readAhead);
    }

    /** Rows whose hash joins build on the smaller input. */
    static final class Sided<T> extends ProbeSide.Rows<T> {
        private final int readAhead;

        Sided(Enumerable<T> rows, int readAhead) {
            super(rows);
            this.readAhead = readAhead;
        }

        @Override
        public <I, K, R> Enumerable<R> hashJoin(Enumerable<I> inner, Function1<T, K> outerKey, Function1<I, K> innerKey,
                Function2<T, I, R> result, EqualityComparer<K> comparer, boolean generateNullsOnLeft, boolean generateNullsOnRight,
                Predicate2<T, I> predicate) {
            if (generateNullsOnLeft || (generateNullsOnRight && predicate != null)) {
                // Right and full joins, and left joins with a condition beyond the keys, as planned.
                return planned(inner, outerKey, innerKey, result, comparer, generateNullsOnLeft, generateNullsOnRight, predicate);
            }
            return new AbstractEnumerable<R>() {
                @Override
                public Enumerator<R> enumerator() {
                    return join(inner, outerKey, innerKey, result, comparer, generateNullsOnRight, predicate);
                }
            };
        }

        private <I, K, R> Enumerator<R> join(Enumerable<I> inner, Function1<T, K> outerKey, Function1<I, K> innerKey,
                Function2<T, I, R> result, EqualityComparer<K> comparer, boolean left, Predicate2<T, I> predicate) {
            Enumerator<T> outers = rows.enumerator();
            Enumerator<I> inners = inner.enumerator();
            List<T> outerRows = new ArrayList<>();
            List<I> innerRows = new ArrayList<>();
            try {
                while (true) {
                    // The right input first in each round, so that on a tie the join is the planned one.
                    boolean innerEnded = !read(inners, innerRows);
                    if (innerEnded || outerRows.size() >= readAhead) {
                        // The planned join: the right rows hashed (those read, then the rest), the left streamed.
                        Enumerable<I> right = innerEnded ? Linq4j.asEnumerable(innerRows) : new Rest<>(innerRows, inners);
                        if (innerEnded) {
                            inners.close();
                        }
                        return EnumerableDefaults.hashJoin(new Rest<>(outerRows, outers), right, outerKey, innerKey, result, comparer,
                                false, left, predicate).enumerator();
                    }
                    if (!read(outers, outerRows)) {
                        outers.close();
                        // Built on the left rows; for a left join, a left row without a match is a "right" join's unmatched inner row.
                        Predicate2<I, T> swapped = predicate == null ? null : (i, o) -> predicate.apply(o, i);
                        return EnumerableDefaults.hashJoin(new Rest<>(innerRows, inners), Linq4j.asEnumerable(outerRows), innerKey,
                                outerKey, (I i, T o) -> result.apply(o, i), comparer, left, false, swapped).enumerator();
                    }
                }
            } catch (RuntimeException | Error e) {
                outers.close();
                inners.close();
                throw e;
            }
        }

        /** Reads up to {@link #CHUNK} rows into {@code into}; false once the rows have ended. */
        private static <X> boolean read(Enumerator<X> rows, List<X> into) {
            for (int i = 0; i < CHUNK; i++) {
                if (!rows.moveNext()) {
                    return false;
                }
                into.add(rows.current());
            }
            return true;
        }
    }

    /** Rows read ahead, then the rest of their enumerator: enumerated once, by the join. */
    private static final class Rest<X> extends AbstractEnumerable<X> {
        private final List<X> head;
        private final Enumerator<X> tail;

        Rest(List<X> head, Enumerator<X> tail) {
            this.head = head;
            this.tail = tail;
        }

        @Override
        public Enumerator<X> enumerator() {
            return new Enumerator<X>() {
                private int next;
                private X current;

                @Override
                public X current() {
                    return current;
                }

                @Override
                public boolean moveNext() {
                    if (next < head.size()) {
                        current = head.get(next);
                        head.set(next++, null);
                        return true;
                    }
                    if (tail.moveNext()) {
                        current = tail.current();
                        return true;
                    }
                    return false;
                }

                @Override
                public void reset() {
                    throw new UnsupportedOperationException("the rows of a join's input are read once");
                }

                @Override
                public void close() {
                    tail.close();
                }
            };
        }
    }
}
