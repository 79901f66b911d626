package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Grouping;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.Lookup;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.FlatLists;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The build side of a hash join in a semi-naive step, kept across the rounds of one evaluation:
 * the join asks its right input for a lookup by its key each round, and this input answers with
 * the lookup it built in the first round, extended by the rows that are new since. Over static
 * rows (spools computed before the fixpoint) the lookup is built once; over rows that read the
 * fixpoint's total once (a filter, a projection, joins with static rows), only the total's rows
 * added since the last round are read ({@link FixpointTable#readFrom}), which gives exactly the new
 * rows since the input is linear in the total. A round then costs what its delta joins, not the
 * size of every relation it joins with.
 *
 * <p>When the build side is a filter and projection ({@code EnumerableCalc}) of a table whose rows
 * are kept anyway (a spool, the fixpoint's total or delta), the node takes the calculation over
 * ({@link #absorbing}): the lookup keeps the table's own rows and projects them when the join reads
 * them, instead of keeping a projected copy of each (tens of millions of copies in a standard-library
 * build with calls, docs/decisions.md). The rows the join reads are the same, in the same order.
 */
public final class MemoRows extends SingleRel implements EnumerableRel {
    private final Memo memo;
    /** The filter and projection taken over from a calculation over the input, or null: the input's rows as they are. */
    private final @Nullable RexProgram program;

    MemoRows(RelOptCluster cluster, RelTraitSet traits, RelNode input, Memo memo) {
        this(cluster, traits, input, memo, null);
    }

    private MemoRows(RelOptCluster cluster, RelTraitSet traits, RelNode input, Memo memo, @Nullable RexProgram program) {
        super(cluster, traits, input);
        this.memo = requireNonNull(memo, "memo is null");
        this.program = program;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new MemoRows(getCluster(), traitSet, inputs.get(0), memo, program);
    }

    @Override
    protected RelDataType deriveRowType() {
        return program == null ? super.deriveRowType() : program.getOutputRowType();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("program", program, program != null);
    }

    /**
     * This node reading the table under its input's calculation and doing that calculation itself
     * when its input is one ({@code EnumerableCalc}, through nodes that pass rows on) over a scan of
     * rows a table keeps ({@link SpoolScan}, {@link IndexedScan}); else this node. The lookup is
     * kept in the memo {@code shared} gives for that scan and calculation (null: in this node's
     * memo): it keeps the scanned rows, so joins whose build sides filter the same rows alike and
     * look them up by the same key can keep one, whatever each projects (the fixpoint's facts of a
     * kind, kept whole and projected three ways, were indexed three times).
     */
    RelNode absorbing(@Nullable BiFunction<RelNode, RexProgram, Memo> shared) {
        if (program != null) {
            return this;
        }
        if (!(beneath(getInput()) instanceof EnumerableCalc calc) || !keptRows(calc.getInput())
                || calc.getProgram().getExprList().stream().anyMatch(RexUtil::containsCorrelation)) {
            return this;
        }
        Memo kept = shared == null ? memo : shared.apply(beneath(calc.getInput()), calc.getProgram());
        return new MemoRows(getCluster(), getTraitSet(), calc.getInput(), kept, calc.getProgram());
    }

    /** The memo this node's lookup is kept in. */
    Memo memo() {
        return memo;
    }

    /** The variables a correlated calculation reads, of which an absorbed one reads none. */
    private static RexToLixTranslator.InputGetter noCorrelation(String name) {
        throw new IllegalStateException("a kept lookup's calculation reads correlation variable " + name);
    }

    private static boolean keptRows(RelNode node) {
        RelNode scan = beneath(node);
        return scan instanceof SpoolScan || scan instanceof IndexedScan;
    }

    /** The first node under {@code node}, itself included, that does not just pass its input's rows on. */
    private static RelNode beneath(RelNode node) {
        while (node instanceof PassThrough && node.getInputs().size() == 1) {
            node = node.getInput(0);
        }
        return node;
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("rows", input.block);
        Expression stashed = implementor.stash(memo, Memo.class);
        if (program == null) {
            builder.add(Expressions.call(MemoRows.class, "memoized", rows, stashed));
            return implementor.result(input.physType, builder.toBlock());
        }
        // The calculation as two functions of an input row, generated as EnumerableCalc generates them.
        JavaTypeFactory typeFactory = implementor.getTypeFactory();
        PhysType physType = PhysTypeImpl.of(typeFactory, getRowType(), pref.prefer(input.format));
        ParameterExpression row = Expressions.parameter(Object.class, "row");
        RexToLixTranslator.InputGetter getter = new RexToLixTranslator.InputGetterImpl(
                EnumUtils.convert(row, input.physType.getJavaRowType()), input.physType);
        Expression condition = Expressions.constant(null, Predicate1.class);
        if (program.getCondition() != null) {
            BlockBuilder body = new BlockBuilder();
            body.add(Expressions.return_(null, RexToLixTranslator.translateCondition(program, typeFactory, body, getter,
                    MemoRows::noCorrelation, implementor.getConformance())));
            condition = Expressions.lambda(Predicate1.class, body.toBlock(), row);
        }
        BlockBuilder body = new BlockBuilder();
        List<Expression> values = RexToLixTranslator.translateProjects(program, typeFactory, implementor.getConformance(), body, null,
                physType, DataContext.ROOT, getter, MemoRows::noCorrelation);
        body.add(Expressions.return_(null, physType.record(values)));
        Expression projection = Expressions.lambda(Function1.class, body.toBlock(), row);
        builder.add(Expressions.call(MemoRows.class, "memoized", rows, stashed, condition, projection));
        return implementor.result(physType, builder.toBlock());
    }

    /** The rows of {@code rows}, whose lookups {@code memo} keeps; called by generated code. */
    public static <T> Enumerable<T> memoized(Enumerable<T> rows, Memo memo) {
        return new Memoized<>(rows, memo, null, null);
    }

    /**
     * The rows of {@code rows} that {@code condition} (if not null) keeps, each as {@code projection}
     * makes it, whose lookups {@code memo} keeps by the rows of {@code rows}; called by generated code.
     */
    @SuppressWarnings("unchecked")
    public static <T> Enumerable<T> memoized(Enumerable<?> rows, Memo memo, @Nullable Predicate1<Object> condition,
            Function1<Object, T> projection) {
        return new Memoized<>((Enumerable<Object>) rows, memo, condition, (Function1<Object, Object>) projection);
    }

    /**
     * Whether {@code rows} are a kept lookup's ({@link #memoized}) and have no row by {@code key} (the
     * lookup brought up to date, as the join would); false for any other rows.
     */
    static <T, K> boolean keptAndEmpty(Enumerable<T> rows, Function1<T, K> key) {
        return rows instanceof Memoized<T> memoized && memoized.toLookup(key).isEmpty();
    }

    /** The state the {@link MemoRows} nodes of one lookup keep for an evaluation (several, when their build sides differ only in what they project). */
    public static final class Memo {
        private final FixpointTable total;
        private MultiLookup<Object, Object> lookup;
        private int indexed;

        Memo(FixpointTable total) {
            this.total = total;
        }

        /** The table whose new rows extend the lookup each round, or null: static rows, looked up once built. */
        FixpointTable grows() {
            return total;
        }

        synchronized void clear() {
            lookup = null;
            indexed = 0;
        }

        /** The keys the lookup holds now: none before it is first read and after {@link #clear}. */
        synchronized int keysKept() {
            return lookup == null ? 0 : lookup.size();
        }

        /**
         * The lookup by {@code key} of {@code rows} made by {@code projection} from the rows of
         * {@code input} that {@code condition} keeps (both null: the input's rows themselves).
         */
        @SuppressWarnings("unchecked")
        synchronized <K, T> Lookup<K, T> lookup(Enumerable<Object> input, @Nullable Predicate1<Object> condition,
                @Nullable Function1<Object, Object> projection, Function1<T, K> key) {
            if (lookup == null) {
                lookup = new MultiLookup<>();
                indexed = total == null ? 0 : total.size();
                add(input, condition, projection, (Function1<Object, Object>) key);
            } else if (total != null && total.size() > indexed) {
                int size = total.size();
                total.readFrom(indexed);
                try {
                    add(input, condition, projection, (Function1<Object, Object>) key);
                } finally {
                    total.readFromStart();
                }
                indexed = size;
            }
            return (Lookup<K, T>) (Lookup<?, ?>) (projection == null ? lookup : lookup.viewing(projection));
        }

        /** Adds each row the condition keeps under the key of its projection; keeps the row itself, which the lookup projects when read. */
        private void add(Enumerable<Object> input, @Nullable Predicate1<Object> condition, @Nullable Function1<Object, Object> projection,
                Function1<Object, Object> key) {
            try (Enumerator<Object> enumerator = input.enumerator()) {
                while (enumerator.moveNext()) {
                    Object row = enumerator.current();
                    if (condition != null && !condition.apply(row)) {
                        continue;
                    }
                    Object k = key.apply(projection == null ? row : projection.apply(row));
                    if (k != null) {
                        lookup.add(k, row);
                    }
                }
            }
        }
    }

    /** Rows whose {@code toLookup} is the memo's; anything else reads them as they are. */
    private static final class Memoized<T> extends AbstractEnumerable<T> {
        private final Enumerable<Object> input;
        private final Memo memo;
        private final @Nullable Predicate1<Object> condition;
        private final @Nullable Function1<Object, Object> projection;

        @SuppressWarnings("unchecked")
        Memoized(Enumerable<?> input, Memo memo, @Nullable Predicate1<Object> condition, @Nullable Function1<Object, Object> projection) {
            this.input = (Enumerable<Object>) input;
            this.memo = memo;
            this.condition = condition;
            this.projection = projection;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Enumerator<T> enumerator() {
            Enumerable<Object> rows = condition == null ? input : input.where(condition);
            return (Enumerator<T>) (projection == null ? rows : rows.select(projection)).enumerator();
        }

        @Override
        public <TKey> Lookup<TKey, T> toLookup(Function1<T, TKey> keySelector) {
            return memo.lookup(input, condition, projection, keySelector);
        }
    }

    /**
     * A lookup that grows: keys to the rows with that key, in the order added. A key with one row
     * maps to the row itself, one with more to a {@link Several}: most keys of a join's build side
     * have one row, and a list per key (a list, its array) was some 50 bytes of each of the
     * millions such a fixpoint keeps for all its rounds. The keys are held by open addressing in
     * arrays (key, value, hash: {@link HashSlots}), not in a {@code HashMap}: no entry object per key for the
     * collector to trace and copy (15.9 million of them in a standard-library build), and a probe
     * compares the stored hash before it touches a key. Keys are enumerated in slot order, which
     * depends on the keys' hashes only.
     */
    static final class MultiLookup<K, V> extends AbstractEnumerable<Grouping<K, V>> implements Lookup<K, V> {
        /** A key's one row when that row is null (a row of one column holds its value itself). */
        private static final Object NULL_ROW = new Object();
        /** The stored key of a null key (a one-column key whose value is null). */
        private static final Object NULL_KEY = new Object();
        /** The class of the list Calcite wraps a join's one key column in. */
        private static final Class<?> ONE_KEY = FlatLists.ofSingle("").getClass();
        /** The keys and rows, which every view of them ({@link #viewing}) reads. */
        private final Keys keys;
        /**
         * Keys by their one value when the join's keys are one column wrapped in a list (a list,
         * 16 bytes, per key kept, and list equality on each probe); the wrapped key otherwise.
         */
        private final HashSlots slots;
        /** What a stored row is read as (a projection of it), or null: the row itself. */
        private final @Nullable Function1<Object, Object> view;

        MultiLookup() {
            this(null);
        }

        MultiLookup(@Nullable Function1<Object, Object> view) {
            this(new Keys(), view);
        }

        private MultiLookup(Keys keys, @Nullable Function1<Object, Object> view) {
            this.keys = keys;
            this.slots = keys.slots;
            this.view = view;
        }

        /** The same keys and rows, each row read as {@code view} makes it (null: the row itself); rows added to either are in both. */
        <W> MultiLookup<K, W> viewing(@Nullable Function1<Object, Object> view) {
            return new MultiLookup<>(keys, view);
        }

        void add(K key, V value) {
            if (slots.size() == 0) {
                keys.unwrapped = key.getClass() == ONE_KEY;
            }
            Object stored = stored(key);
            int hash = slots.hash(stored);
            int slot = slots.slot(stored, hash);
            if (!slots.taken(slot)) {
                slots.insert(slot, stored, hash, value == null ? NULL_ROW : value);
            } else if (slots.value(slot) instanceof Several several) {
                several.add(value);
            } else {
                Object present = slots.value(slot);
                slots.setValue(slot, new Several(present == NULL_ROW ? null : present, value));
            }
        }

        /** The value stored for {@code key}, null if none. */
        private Object value(Object key) {
            Object stored = stored(key);
            int slot = slots.slot(stored, slots.hash(stored));
            return slots.taken(slot) ? slots.value(slot) : null;
        }

        /** The stored key for {@code key}. */
        private Object stored(Object key) {
            Object stored = keys.unwrapped && key != null && key.getClass() == ONE_KEY ? ((List<?>) key).get(0) : key;
            return stored == null ? NULL_KEY : stored;
        }

        /** The key {@code stored} stands for. */
        @SuppressWarnings("unchecked")
        private K key(Object stored) {
            Object key = stored == NULL_KEY ? null : stored;
            return (K) (keys.unwrapped ? FlatLists.ofSingle(key) : key);
        }

        /** The rows of one entry's value, as they are now (each as the view reads it). */
        @SuppressWarnings("unchecked")
        private List<V> rows(Object value) {
            if (!(value instanceof Several several)) {
                Object row = value == NULL_ROW ? null : value;
                return Collections.singletonList((V) (view == null ? row : view.apply(row)));
            }
            List<Object> stored = several.snapshot();
            if (view == null) {
                return (List<V>) stored;
            }
            List<V> viewed = new ArrayList<>(stored.size());
            stored.forEach(row -> viewed.add((V) view.apply(row)));
            return viewed;
        }

        /** Calls {@code action} with each key and its rows as they are now, in slot order. */
        private void forEachKey(BiConsumer<K, List<V>> action) {
            for (int i = 0; i < slots.capacity(); i++) {
                if (slots.taken(i)) {
                    action.accept(key(slots.key(i)), rows(slots.value(i)));
                }
            }
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
            List<Grouping<K, V>> groups = new ArrayList<>(slots.size());
            forEachKey((k, rows) -> groups.add(new Group(k, rows)));
            return Linq4j.enumerator(groups);
        }

        @Override
        public <TResult> Enumerable<TResult> applyResultSelector(Function2<K, Enumerable<V>, TResult> resultSelector) {
            List<TResult> results = new ArrayList<>();
            forEachKey((k, rows) -> results.add(resultSelector.apply(k, Linq4j.asEnumerable(rows))));
            return Linq4j.asEnumerable(results);
        }

        @Override
        public int size() {
            return slots.size();
        }

        @Override
        public boolean isEmpty() {
            return slots.size() == 0;
        }

        @Override
        public boolean containsKey(Object key) {
            return value(key) != null;
        }

        @Override
        public boolean containsValue(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Enumerable<V> get(Object key) {
            Object value = value(key);
            return value == null ? null : Linq4j.asEnumerable(rows(value));
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
            Set<K> keySet = new LinkedHashSet<>();
            forEachKey((k, rows) -> keySet.add(k));
            return keySet;
        }

        @Override
        public Collection<Enumerable<V>> values() {
            List<Enumerable<V>> all = new ArrayList<>(slots.size());
            forEachKey((k, rows) -> all.add(Linq4j.asEnumerable(rows)));
            return all;
        }

        @Override
        public Set<Map.Entry<K, Enumerable<V>>> entrySet() {
            throw new UnsupportedOperationException();
        }
    }

    /** A {@link MultiLookup}'s keys and rows, shared by its views. */
    private static final class Keys {
        private final HashSlots slots = new HashSlots(false, true);
        /** Whether keys are kept by their one value, not as the one-value list the join gives. */
        private boolean unwrapped;
    }

    /** Two or more rows of one key, in the order added; a row is never one of these (the class is private). */
    private static final class Several {
        private Object[] rows;
        private int size;

        Several(Object first, Object second) {
            rows = new Object[] {first, second, null, null};
            size = 2;
        }

        void add(Object row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        /** The rows added so far; rows added later are not in it. */
        List<Object> snapshot() {
            return Arrays.asList(rows).subList(0, size);
        }
    }
}
