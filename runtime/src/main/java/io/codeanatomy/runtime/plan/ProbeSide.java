package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Enumerator;
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
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * The probe (left) input of a hash join, handed to the generated code through a static method that
 * takes its {@code Enumerable} and returns one with the same rows whose {@code hashJoin} (the
 * method Calcite's generated code calls on the left rows) joins in its own way: on the smaller side
 * ({@code SmallerSide}), or not at all while a kept lookup is empty ({@link KeptLookupProbe}). Only
 * executed copies of plans hold it; the recorded plans stay as planned.
 */
public final class ProbeSide extends SingleRel implements EnumerableRel, PassThrough {
    private final Method through;
    /** What {@link #through} gets after the rows, if it takes two arguments; null otherwise. */
    private final Object argument;

    /** {@code input} handed to {@code through}, a public static method from {@code Enumerable} to {@code Enumerable}. */
    public ProbeSide(RelNode input, Method through) {
        this(input.getCluster(), input.getTraitSet(), input, through, null);
    }

    /**
     * {@code input} handed to {@code through}, a public static method from {@code Enumerable} and
     * {@code argument} (of its second parameter's type) to {@code Enumerable}.
     */
    public ProbeSide(RelNode input, Method through, Object argument) {
        this(input.getCluster(), input.getTraitSet(), input, through, requireNonNull(argument, "argument is null"));
    }

    private ProbeSide(RelOptCluster cluster, RelTraitSet traits, RelNode input, Method through, Object argument) {
        super(cluster, traits, input);
        this.through = requireNonNull(through, "through is null");
        this.argument = argument;
        if (!Enumerable.class.isAssignableFrom(through.getReturnType())) {
            throw new IllegalArgumentException(through + " does not return an Enumerable");
        }
        if (through.getParameterCount() != (argument == null ? 1 : 2)) {
            throw new IllegalArgumentException(through + " does not take " + (argument == null ? "the rows alone" : "the rows and an argument"));
        }
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ProbeSide(getCluster(), traitSet, inputs.get(0), through, argument);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("through", through.getDeclaringClass().getSimpleName() + "." + through.getName())
                .itemIf("with", argument, argument != null);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        BlockBuilder builder = new BlockBuilder();
        Expression rows = builder.append("probing", input.block);
        builder.add(argument == null ? Expressions.call(through, rows)
                : Expressions.call(through, rows, stashed(implementor)));
        return new Result(builder.toBlock(), input.physType, input.format);
    }

    @SuppressWarnings("unchecked")
    private Expression stashed(EnumerableRelImplementor implementor) {
        return implementor.stash(argument, (Class<Object>) through.getParameterTypes()[1]);
    }

    /** Rows handed on as they are, whose subclass joins them its own way ({@code hashJoin}). */
    public abstract static class Rows<T> extends AbstractEnumerable<T> {
        protected final Enumerable<T> rows;

        protected Rows(Enumerable<T> rows) {
            this.rows = requireNonNull(rows, "rows is null");
        }

        @Override
        public Enumerator<T> enumerator() {
            return rows.enumerator();
        }

        /** The join as Calcite's generated code asked for it. */
        protected <I, K, R> Enumerable<R> planned(Enumerable<I> inner, Function1<T, K> outerKey, Function1<I, K> innerKey,
                Function2<T, I, R> result, EqualityComparer<K> comparer, boolean generateNullsOnLeft, boolean generateNullsOnRight,
                Predicate2<T, I> predicate) {
            return EnumerableDefaults.hashJoin(rows, inner, outerKey, innerKey, result, comparer, generateNullsOnLeft,
                    generateNullsOnRight, predicate);
        }
    }
}
