package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.PassThrough;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.util.Util;

/**
 * Per-operator metrics of an Enumerable plan: before it runs, every operator whose inputs are
 * Enumerable is put under a {@link Metered} node that wraps the operator's rows in a counting
 * enumerable, so the generated code counts each operator's rows and times the steps of its
 * enumerator. Only the executed copy is changed: the recorded P2 and its hash stay as planned.
 * Rows are counted exactly; time is measured on an operator's first {@value #TIMED_STEPS} steps
 * (where a hash join builds its table, an aggregate its groups) and then on every
 * {@value #SAMPLED_EVERY}th step, standing for the steps around it: a {@code System.nanoTime()}
 * pair on every step of every operator was 59% of a call-resolution fixpoint's samples, whose
 * rows pass through a dozen operators each. A sampled step's collector pause is counted once, not
 * for every step it stands for ({@link SampledTime}).
 */
public final class Metering {
    /** Steps of an enumerator that are all timed. */
    static final int TIMED_STEPS = 16;
    /** After those, one step in this many is timed, standing for them all. */
    static final int SAMPLED_EVERY = 16;

    private Metering() {
    }

    /** The plan with every operator metered; the counters, root first, are added to {@code counters}. */
    public static EnumerableRel instrument(EnumerableRel plan, String planName, List<OperatorCounter> counters) {
        requireNonNull(plan, "plan is null");
        requireNonNull(planName, "planName is null");
        return (EnumerableRel) instrument(plan, planName, "0", counters);
    }

    private static RelNode instrument(RelNode node, String planName, String path, List<OperatorCounter> counters) {
        if (!(node instanceof EnumerableRel)) {
            return node;
        }
        // Root first: the operator's place is taken before its inputs are visited.
        int at = counters.size();
        counters.add(null);
        List<RelNode> inputs = new ArrayList<>();
        List<String> inputPaths = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < node.getInputs().size(); i++) {
            RelNode input = node.getInput(i);
            String inputPath = path + "." + i;
            RelNode metered = input instanceof EnumerableRel ? instrument(input, planName, inputPath, counters) : input;
            if (metered != input) {
                inputPaths.add(inputPath);
                changed = true;
            }
            inputs.add(metered);
        }
        counters.set(at, new OperatorCounter(planName, path, node.getRelTypeName(), inputPaths));
        RelNode copy = changed ? node.copy(node.getTraitSet(), inputs) : node;
        return new Metered(copy.getCluster(), copy.getTraitSet(), copy, counters.get(at));
    }

    /** The metrics of {@code counters} (one plan's, root first), with each operator's own time. */
    public static List<OperatorMetrics> metrics(List<OperatorCounter> counters) {
        List<OperatorMetrics> metrics = new ArrayList<>();
        for (OperatorCounter counter : counters) {
            long inputs = 0;
            for (OperatorCounter other : counters) {
                if (counter.inputPaths().contains(other.path())) {
                    inputs += other.nanos();
                }
            }
            metrics.add(new OperatorMetrics(counter.plan(), counter.path(), counter.operator(), counter.rows(),
                    counter.nanos(), Math.max(0, counter.nanos() - inputs)));
        }
        return metrics;
    }

    /** Wraps {@code rows}: counts the rows and the time of each step. Called by generated code. */
    public static <T> Enumerable<T> wrap(Enumerable<T> rows, OperatorCounter counter) {
        return new AbstractEnumerable<T>() {
            @Override
            public Enumerator<T> enumerator() {
                long start = System.nanoTime();
                Enumerator<T> enumerator = rows.enumerator();
                counter.add(System.nanoTime() - start, false);
                SampledTime sampled = new SampledTime(SampledTime.COLLECTOR_MILLIS);
                return new Enumerator<T>() {
                    @Override
                    public T current() {
                        return enumerator.current();
                    }

                    private long steps;

                    @Override
                    public boolean moveNext() {
                        long step = steps++;
                        if (step >= TIMED_STEPS && step % SAMPLED_EVERY != 0) {
                            boolean moved = enumerator.moveNext();
                            counter.add(0, moved);
                            return moved;
                        }
                        long begin = System.nanoTime();
                        boolean moved = enumerator.moveNext();
                        long elapsed = System.nanoTime() - begin;
                        counter.add(step < TIMED_STEPS ? elapsed : sampled.standsFor(elapsed, SAMPLED_EVERY), moved);
                        return moved;
                    }

                    @Override
                    public void reset() {
                        enumerator.reset();
                    }

                    @Override
                    public void close() {
                        enumerator.close();
                    }
                };
            }
        };
    }

    /** The pass-through node that meters its input's rows. */
    static final class Metered extends SingleRel implements EnumerableRel, PassThrough {
        private final OperatorCounter counter;

        Metered(RelOptCluster cluster, RelTraitSet traits, RelNode input, OperatorCounter counter) {
            super(cluster, traits, input);
            this.counter = counter;
        }

        @Override
        public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
            return new Metered(getCluster(), traitSet, Util.first(inputs.get(0), getInput()), counter);
        }

        @Override
        public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
            Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
            BlockBuilder builder = new BlockBuilder();
            Expression rows = builder.append("metered", input.block);
            builder.add(Expressions.call(Metering.class, "wrap", rows, implementor.stash(counter, OperatorCounter.class)));
            return new Result(builder.toBlock(), input.physType, input.format);
        }
    }
}
