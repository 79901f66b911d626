package io.codeanatomy.runtime.plan;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.EqualityComparer;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * The probe side of an inner hash join whose build side is a lookup kept across a fixpoint's rounds
 * ({@link MemoRows}): when that lookup is empty the join gives no rows, so the probe side is not
 * read at all. On the standard library many rules' lookups stay empty for most rounds (a rule for
 * a construct few modules use), and each round every such rule read the delta's hundreds of
 * thousands of rows to probe nothing. Otherwise the join is Calcite's, rows and order unchanged.
 */
public final class KeptLookupProbe extends SingleRel implements EnumerableRel, PassThrough {
    KeptLookupProbe(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new KeptLookupProbe(getCluster(), traitSet, inputs.get(0));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("probing", input.block);
        builder.add(Expressions.call(KeptLookupProbe.class, "probing", rows));
        return new Result(builder.toBlock(), input.physType, input.format);
    }

    /** Called by generated code: {@code rows}, whose hash join reads them only when the kept lookup it probes has rows. */
    public static <T> Enumerable<T> probing(Enumerable<T> rows) {
        return new Probing<>(rows);
    }

    private static final class Probing<T> extends AbstractEnumerable<T> {
        private final Enumerable<T> rows;

        Probing(Enumerable<T> rows) {
            this.rows = rows;
        }

        @Override
        public Enumerator<T> enumerator() {
            return rows.enumerator();
        }

        @Override
        public <I, K, R> Enumerable<R> hashJoin(Enumerable<I> inner, Function1<T, K> outerKey, Function1<I, K> innerKey,
                Function2<T, I, R> result, EqualityComparer<K> comparer, boolean generateNullsOnLeft, boolean generateNullsOnRight,
                Predicate2<T, I> predicate) {
            Enumerable<R> joined = EnumerableDefaults.hashJoin(rows, inner, outerKey, innerKey, result, comparer, generateNullsOnLeft,
                    generateNullsOnRight, predicate);
            if (generateNullsOnLeft || generateNullsOnRight || comparer != null) {
                return joined;
            }
            // Made once and enumerated every round: the lookup is looked at when a round reads the join.
            return new AbstractEnumerable<R>() {
                @Override
                public Enumerator<R> enumerator() {
                    return MemoRows.keptAndEmpty(inner, innerKey) ? Linq4j.emptyEnumerator() : joined.enumerator();
                }
            };
        }
    }
}
