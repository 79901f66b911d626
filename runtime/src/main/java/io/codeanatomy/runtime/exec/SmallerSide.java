package io.codeanatomy.runtime.exec;

import io.codeanatomy.runtime.plan.KeyedJoin;
import io.codeanatomy.runtime.plan.KeyedRows;
import io.codeanatomy.runtime.plan.LookupScan;
import io.codeanatomy.runtime.plan.PassThrough;
import io.codeanatomy.runtime.plan.ProbeSide;
import io.codeanatomy.runtime.plan.SemiNaiveFixpoint;
import io.codeanatomy.runtime.plan.SpoolLookup;
import io.codeanatomy.runtime.plan.SpoolScan;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
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
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeName;

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

    /**
     * A join looks its left rows' keys up in the spool on its right when the left rows end within
     * this share of the spool's rows (at least {@link #CHUNK}); past it, the right rows are hashed as
     * planned.
     */
    static final int LOOKUP_SHARE = 8;
    /** The key types whose values compare by {@code equals} in the join as in the spool's index. */
    private static final Set<SqlTypeName> LOOKUP_TYPES = EnumSet.of(SqlTypeName.VARCHAR, SqlTypeName.INTEGER, SqlTypeName.BIGINT,
            SqlTypeName.SMALLINT, SqlTypeName.TINYINT, SqlTypeName.BOOLEAN);

    private static final Method PROBE = Types.lookupMethod(SmallerSide.class, "probe", Enumerable.class);
    private static final Method PROBE_LOOKING = Types.lookupMethod(SmallerSide.class, "probe", Enumerable.class, SpoolLookup.class);

    private SmallerSide() {
    }

    /**
     * The plan with the left input of each inner or left hash join outside a fixpoint's step under a
     * {@link ProbeSide}; where the right input reads a spool, under at most projections and filters
     * that keep the join's key columns as they are, that scan a {@link LookupScan} the join may look
     * its keys up in.
     */
    public static EnumerableRel rewrite(EnumerableRel plan) {
        return (EnumerableRel) rewrite((RelNode) plan);
    }

    private static RelNode rewrite(RelNode node) {
        List<RelNode> inputs = new ArrayList<>(node.getInputs());
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode input = inputs.get(i);
            RelNode rewritten = node instanceof SemiNaiveFixpoint && i == 1 ? input : rewrite(input);
            changed |= rewritten != input;
            inputs.set(i, rewritten);
        }
        if (eligible(node) && inputs.get(0) instanceof EnumerableRel) {
            SpoolLookup lookup = lookup((EnumerableHashJoin) node, inputs.get(1)).orElse(null);
            if (lookup != null) {
                inputs.set(1, looked(inputs.get(1), lookup));
                inputs.set(0, new ProbeSide(inputs.get(0), PROBE_LOOKING, lookup));
            } else {
                inputs.set(0, new ProbeSide(inputs.get(0), PROBE));
            }
            changed = true;
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    private static boolean eligible(RelNode node) {
        return node instanceof EnumerableHashJoin join && !join.isSemiJoin()
                && (join.getJoinType() == JoinRelType.INNER || join.getJoinType() == JoinRelType.LEFT);
    }

    /**
     * The link for {@code join} to look its keys up in the spool its right input {@code right} reads,
     * if that input is a spool's scan under pass-through nodes and projections or filters that pass
     * each key column on unchanged, and each key pairs two columns of one type whose values compare
     * by {@code equals} (text, integers, booleans) with {@code =}, under which a NULL matches nothing.
     */
    private static Optional<SpoolLookup> lookup(EnumerableHashJoin join, RelNode right) {
        JoinInfo info = join.analyzeCondition();
        // Keys compared by IS NOT DISTINCT FROM (a NULL matches a NULL: decorrelated sub-queries) are not looked up.
        if (info.leftKeys.isEmpty() || info.nullExclusionFlags.contains(false)) {
            return Optional.empty();
        }
        for (int k = 0; k < info.leftKeys.size(); k++) {
            SqlTypeName left = join.getLeft().getRowType().getFieldList().get(info.leftKeys.get(k)).getType().getSqlTypeName();
            SqlTypeName rightType = join.getRight().getRowType().getFieldList().get(info.rightKeys.get(k)).getType().getSqlTypeName();
            if (left != rightType || !LOOKUP_TYPES.contains(left)) {
                return Optional.empty();
            }
        }
        int[] columns = info.rightKeys.toIntArray();
        RelNode node = right;
        while (!(node instanceof SpoolScan)) {
            if (node instanceof EnumerableCalc calc) {
                RexProgram program = calc.getProgram();
                for (int k = 0; k < columns.length; k++) {
                    if (!(program.expandLocalRef(program.getProjectList().get(columns[k])) instanceof RexInputRef ref)) {
                        return Optional.empty();
                    }
                    columns[k] = ref.getIndex();
                }
            } else if (!(node instanceof PassThrough) || node.getInputs().size() != 1) {
                return Optional.empty();
            }
            node = node.getInput(0);
        }
        return node.getTable().unwrap(KeyedRows.class) == null ? Optional.empty() : Optional.of(new SpoolLookup(columns));
    }

    /** {@code node} with the spool's scan under it (found by {@link #lookup}) linked to its join by {@code lookup}. */
    private static RelNode looked(RelNode node, SpoolLookup lookup) {
        if (node instanceof SpoolScan scan) {
            return new LookupScan(scan, lookup);
        }
        return node.copy(node.getTraitSet(), List.of(looked(node.getInput(0), lookup)));
    }

    /** Called by generated code: the rows of {@code rows}, joined by {@link Sided#hashJoin} on the smaller side. */
    public static <T> Enumerable<T> probe(Enumerable<T> rows) {
        return new Sided<>(rows, READ_AHEAD, null);
    }

    /**
     * Called by generated code: as {@link #probe(Enumerable)}, and when the left rows are few, their
     * keys looked up in the spool on the right through {@code lookup}.
     */
    public static <T> Enumerable<T> probe(Enumerable<T> rows, SpoolLookup lookup) {
        return new Sided<>(rows, READ_AHEAD, lookup);
    }

    /** As {@link #probe(Enumerable)}, reading at most {@code readAhead} left rows ahead. */
    static <T> Enumerable<T> probe(Enumerable<T> rows, int readAhead) {
        return new Sided<>(rows, readAhead, null);
    }

    /** Rows whose hash joins build on the smaller input. */
    static final class Sided<T> extends ProbeSide.Rows<T> {
        private final int readAhead;
        private final SpoolLookup lookup;

        Sided(Enumerable<T> rows, int readAhead, SpoolLookup lookup) {
            super(rows);
            this.readAhead = readAhead;
            this.lookup = lookup;
        }

        @Override
        public <I, K, R> Enumerable<R> hashJoin(Enumerable<I> inner, Function1<T, K> outerKey, Function1<I, K> innerKey,
                Function2<T, I, R> result, EqualityComparer<K> comparer, boolean generateNullsOnLeft, boolean generateNullsOnRight,
                Predicate2<T, I> predicate) {
            // The right input was built just before this call, on this thread: the spool's rows it reads, if linked.
            SpoolLookup.Rows spool = lookup == null ? null : lookup.take();
            if (generateNullsOnLeft || (generateNullsOnRight && predicate != null)) {
                // Right and full joins, and left joins with a condition beyond the keys, as planned.
                return planned(inner, outerKey, innerKey, result, comparer, generateNullsOnLeft, generateNullsOnRight, predicate);
            }
            return new AbstractEnumerable<R>() {
                @Override
                public Enumerator<R> enumerator() {
                    return spool == null ? join(inner, outerKey, innerKey, result, comparer, generateNullsOnRight, predicate)
                            : lookUp(spool, inner, outerKey, innerKey, result, comparer, generateNullsOnRight, predicate);
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
                        return builtOnRight(new Rest<>(outerRows, outers), right, outerKey, innerKey, result, comparer, left, predicate);
                    }
                    if (!read(outers, outerRows)) {
                        outers.close();
                        return builtOnLeft(new Rest<>(innerRows, inners), outerRows, outerKey, innerKey, result, comparer, left, predicate);
                    }
                }
            } catch (RuntimeException | Error e) {
                outers.close();
                inners.close();
                throw e;
            }
        }

        /**
         * The join of a right input that reads {@code spool}: the left rows read first; when they end
         * within {@link #LOOKUP_SHARE} of the spool's rows, the spool is read for their keys only
         * ({@link SpoolLookup.Rows#select}) and the join built on the left rows, as {@link #join} builds
         * it when the left input ends first; otherwise the right rows are hashed as planned.
         */
        private <I, K, R> Enumerator<R> lookUp(SpoolLookup.Rows spool, Enumerable<I> inner, Function1<T, K> outerKey,
                Function1<I, K> innerKey, Function2<T, I, R> result, EqualityComparer<K> comparer, boolean left,
                Predicate2<T, I> predicate) {
            Enumerator<T> outers = rows.enumerator();
            List<T> outerRows = new ArrayList<>();
            int most = Math.max(CHUNK, spool.size() / LOOKUP_SHARE);
            try {
                boolean ended = false;
                while (!ended && outerRows.size() < most) {
                    ended = !read(outers, outerRows);
                }
                // Chosen anew each time the join is read: a recursive query's step reads it once per iteration.
                spool.selectAll();
                if (!ended) {
                    return builtOnRight(new Rest<>(outerRows, outers), inner, outerKey, innerKey, result, comparer, left, predicate);
                }
                outers.close();
                List<Object[]> keys = keys(outerRows, outerKey, spool.keyLength());
                if (keys != null) {
                    spool.select(keys);
                }
                return builtOnLeft(inner, outerRows, outerKey, innerKey, result, comparer, left, predicate);
            } catch (RuntimeException | Error e) {
                outers.close();
                throw e;
            }
        }

        /**
         * The distinct keys of {@code outerRows}, each as its values in key order, those with a NULL
         * left out (they match nothing); null when a key does not have {@code length} values.
         */
        private static <X, K> List<Object[]> keys(List<X> outerRows, Function1<X, K> outerKey, int length) {
            Set<List<Object>> keys = new LinkedHashSet<>();
            for (X row : outerRows) {
                K key = outerKey.apply(row);
                Object[] values = key instanceof List<?> list ? list.toArray() : key instanceof Object[] array ? array : new Object[] {key};
                if (values.length != length) {
                    return null;
                }
                if (Arrays.stream(values).noneMatch(Objects::isNull)) {
                    keys.add(Arrays.asList(values));
                }
            }
            return keys.stream().map(List::toArray).toList();
        }

        /**
         * The planned join: the right rows hashed, the left ones streamed; by {@link KeyedJoin}
         * when it gives the same rows (no comparer, no condition beyond the keys).
         */
        private static <T, I, K, R> Enumerator<R> builtOnRight(Enumerable<T> outer, Enumerable<I> inner, Function1<T, K> outerKey,
                Function1<I, K> innerKey, Function2<T, I, R> result, EqualityComparer<K> comparer, boolean left, Predicate2<T, I> predicate) {
            if (comparer == null && predicate == null) {
                return KeyedJoin.join(outer, inner, outerKey, innerKey, result, left);
            }
            return EnumerableDefaults.hashJoin(outer, inner, outerKey, innerKey, result, comparer, false, left, predicate).enumerator();
        }

        /**
         * The join built on {@code outerRows}, the right rows streamed; for a left join, a left row
         * without a match is a "right" join's unmatched inner row. An inner join without a comparer
         * or a condition beyond the keys is a {@link KeyedJoin}.
         */
        private static <T, I, K, R> Enumerator<R> builtOnLeft(Enumerable<I> inner, List<T> outerRows, Function1<T, K> outerKey,
                Function1<I, K> innerKey, Function2<T, I, R> result, EqualityComparer<K> comparer, boolean left, Predicate2<T, I> predicate) {
            if (!left && comparer == null && predicate == null) {
                return KeyedJoin.join(inner, Linq4j.asEnumerable(outerRows), innerKey, outerKey, (I i, T o) -> result.apply(o, i), false);
            }
            Predicate2<I, T> swapped = predicate == null ? null : (i, o) -> predicate.apply(o, i);
            return EnumerableDefaults.hashJoin(inner, Linq4j.asEnumerable(outerRows), innerKey, outerKey, (I i, T o) -> result.apply(o, i),
                    comparer, left, false, swapped).enumerator();
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
