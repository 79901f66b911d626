package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Grouping;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.Lookup;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * The build side of a hash join in a semi-naive step, kept across the rounds of one evaluation:
 * the join asks its right input for a lookup by its key each round, and this input answers with
 * the lookup it built in the first round, extended by the rows that are new since. Over static
 * rows (spools computed before the fixpoint) the lookup is built once; over rows that read the
 * fixpoint's total once (a filter, a projection, joins with static rows), only the total's rows
 * added since the last round are read ({@link FixpointTable#from}), which gives exactly the new
 * rows since the input is linear in the total. A round then costs what its delta joins, not the
 * size of every relation it joins with.
 */
public final class MemoRows extends SingleRel implements EnumerableRel {
    private final Memo memo;

    MemoRows(RelOptCluster cluster, RelTraitSet traits, RelNode input, Memo memo) {
        super(cluster, traits, input);
        this.memo = requireNonNull(memo, "memo is null");
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new MemoRows(getCluster(), traitSet, inputs.get(0), memo);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("rows", input.block);
        builder.add(Expressions.call(MemoRows.class, "memoized", rows, implementor.stash(memo, Memo.class)));
        PhysType physType = input.physType;
        return implementor.result(physType, builder.toBlock());
    }

    /** The rows of {@code rows}, whose lookups {@code memo} keeps; called by generated code. */
    public static <T> Enumerable<T> memoized(Enumerable<T> rows, Memo memo) {
        return new Memoized<>(rows, memo);
    }

    /** The state one {@link MemoRows} keeps for an evaluation. */
    public static final class Memo {
        private final FixpointTable total;
        private MultiLookup<Object, Object> lookup;
        private int indexed;

        Memo(FixpointTable total) {
            this.total = total;
        }

        synchronized void clear() {
            lookup = null;
            indexed = 0;
        }

        @SuppressWarnings("unchecked")
        synchronized <K, T> Lookup<K, T> lookup(Enumerable<T> rows, Function1<T, K> key) {
            if (lookup == null) {
                lookup = new MultiLookup<>();
                indexed = total == null ? 0 : total.size();
                add(rows, (Function1<Object, Object>) key);
            } else if (total != null && total.size() > indexed) {
                int size = total.size();
                total.from(indexed);
                try {
                    add(rows, (Function1<Object, Object>) key);
                } finally {
                    total.from(0);
                }
                indexed = size;
            }
            return (Lookup<K, T>) (Lookup<?, ?>) lookup;
        }

        @SuppressWarnings("unchecked")
        private <T> void add(Enumerable<T> rows, Function1<Object, Object> key) {
            try (Enumerator<T> enumerator = rows.enumerator()) {
                while (enumerator.moveNext()) {
                    Object row = enumerator.current();
                    Object k = key.apply(row);
                    if (k != null) {
                        lookup.add(k, row);
                    }
                }
            }
        }
    }

    /** Rows whose {@code toLookup} is the memo's; anything else reads them as they are. */
    private static final class Memoized<T> extends AbstractEnumerable<T> {
        private final Enumerable<T> rows;
        private final Memo memo;

        Memoized(Enumerable<T> rows, Memo memo) {
            this.rows = rows;
            this.memo = memo;
        }

        @Override
        public Enumerator<T> enumerator() {
            return rows.enumerator();
        }

        @Override
        public <TKey> Lookup<TKey, T> toLookup(Function1<T, TKey> keySelector) {
            return memo.lookup(rows, keySelector);
        }
    }

    /** A lookup that grows: keys to the rows with that key, in the order added. */
    private static final class MultiLookup<K, V> extends AbstractEnumerable<Grouping<K, V>> implements Lookup<K, V> {
        private final Map<K, List<V>> map = new HashMap<>();

        void add(K key, V value) {
            map.computeIfAbsent(key, k -> new ArrayList<>(2)).add(value);
        }

        @Override
        public Enumerator<Grouping<K, V>> enumerator() {
            // One key's rows as they are now: rows added later are not in it, as groupBy(...).first() gave them.
            final class Group extends AbstractEnumerable<V> implements Grouping<K, V> {
                private final K key;
                private final List<V> rows;

                Group(K key, List<V> rows) {
                    this.key = key;
                    this.rows = rows;
                }

                @Override
                public K getKey() {
                    return key;
                }

                @Override
                public Enumerator<V> enumerator() {
                    return Linq4j.enumerator(rows);
                }
            }
            List<Grouping<K, V>> groups = new ArrayList<>(map.size());
            map.forEach((k, v) -> groups.add(new Group(k, new ArrayList<>(v))));
            return Linq4j.enumerator(groups);
        }

        @Override
        public <TResult> Enumerable<TResult> applyResultSelector(Function2<K, Enumerable<V>, TResult> resultSelector) {
            List<TResult> results = new ArrayList<>();
            map.forEach((k, v) -> results.add(resultSelector.apply(k, Linq4j.asEnumerable(v))));
            return Linq4j.asEnumerable(results);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public boolean containsValue(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Enumerable<V> get(Object key) {
            List<V> values = map.get(key);
            return values == null ? null : Linq4j.asEnumerable(values);
        }

        @Override
        public Enumerable<V> put(K key, Enumerable<V> value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Enumerable<V> remove(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Map<? extends K, ? extends Enumerable<V>> m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<K> keySet() {
            return map.keySet();
        }

        @Override
        public Collection<Enumerable<V>> values() {
            return map.values().stream().map(Linq4j::asEnumerable).collect(Collectors.toList());
        }

        @Override
        public Set<Map.Entry<K, Enumerable<V>>> entrySet() {
            throw new UnsupportedOperationException();
        }
    }
}
