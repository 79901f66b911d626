package io.codeanatomy.runtime.plan;

import java.lang.reflect.Method;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.EqualityComparer;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.RelNode;

/**
 * The probe side of an inner hash join whose build side is a lookup kept across a fixpoint's rounds
 * ({@link MemoRows}): when that lookup is empty the join gives no rows, so the probe side is not
 * read at all. On the standard library many rules' lookups stay empty for most rounds (a rule for
 * a construct few modules use), and each round every such rule read the delta's hundreds of
 * thousands of rows to probe nothing. Otherwise the join is Calcite's, rows and order unchanged.
 */
public final class KeptLookupProbe {
    private static final Method PROBING = Types.lookupMethod(KeptLookupProbe.class, "probing", Enumerable.class);

    private KeptLookupProbe() {
    }

    /** {@code input} as the probe side of such a join. */
    static RelNode of(RelNode input) {
        return new ProbeSide(input, PROBING);
    }

    /** Called by generated code: {@code rows}, whose hash join reads them only when the kept lookup it probes has rows. */
    public static <T> Enumerable<T> probing(Enumerable<T> rows) {
        return new Probing<>(rows);
    }

    private static final class Probing<T> extends ProbeSide.Rows<T> {
        Probing(Enumerable<T> rows) {
            super(rows);
        }

        @Override
        public <I, K, R> Enumerable<R> hashJoin(Enumerable<I> inner, Function1<T, K> outerKey, Function1<I, K> innerKey,
                Function2<T, I, R> result, EqualityComparer<K> comparer, boolean generateNullsOnLeft, boolean generateNullsOnRight,
                Predicate2<T, I> predicate) {
            Enumerable<R> joined = planned(inner, outerKey, innerKey, result, comparer, generateNullsOnLeft, generateNullsOnRight, predicate);
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
