package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.PlanNodeKind;
import io.codeanatomy.runtime.exec.PlanExecutor;
import io.codeanatomy.runtime.exec.Spools;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedFragment;
import io.codeanatomy.spi.source.SourceWorkers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Runs the fragments of a planned DAG, up to {@code parallelism} at a time: a fragment starts once
 * every spool it reads is computed, in the DAG's order among those ready (spools come first, so the
 * fragments they unblock start soon), and a spool's rows are dropped once its last reader finished.
 * What a fragment computes depends on its plan and the spools it reads only, never on what runs
 * beside it, so the results are those of a run one at a time (a test compares). A recursive view's
 * transient table belongs to the one fragment that holds the view (a view read twice is a spool), so
 * no two running plans share one.
 *
 * <p>With parallelism 1 every fragment runs on the calling thread, in DAG order. When a fragment
 * fails, only fragments before it in DAG order still start, the running ones finish, and the
 * failure of the earliest failed fragment is thrown: the one a run one at a time would throw,
 * whatever the timing. A fragment's end, success or failure, is recorded in slots made before it
 * started and signalled by a permit, so that a fragment that fails on a full heap is still seen to
 * end (a completion queue allocates a node per end, and a lost end would leave the run waiting).
 */
final class DagRunner {
    private static final int RUNNING = 0;
    private static final int SUCCEEDED = 1;
    private static final int FAILED = 2;

    private final PlannedDag dag;
    private final Spools spools;
    private final PlanExecutor executor;
    private final int parallelism;

    DagRunner(PlannedDag dag, Spools spools, PlanExecutor executor, int parallelism) {
        this.dag = requireNonNull(dag, "dag is null");
        this.spools = requireNonNull(spools, "spools is null");
        this.executor = requireNonNull(executor, "executor is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Runs every fragment; returns what {@code outputs} made of each output fragment, in DAG order.
     * A failed run drops every spool's rows before it throws, so that what the caller does next (its
     * run record, after a full heap) has the memory they held.
     */
    <R> List<R> run(Function<PlannedFragment, R> outputs) {
        requireNonNull(outputs, "outputs is null");
        try {
            return runFragments(outputs);
        } catch (RuntimeException | Error e) {
            spools.releaseAll();
            throw e;
        } finally {
            spools.finish();
        }
    }

    private <R> List<R> runFragments(Function<PlannedFragment, R> outputs) {
        List<PlannedFragment> fragments = dag.fragments();
        Map<String, Integer> readers = new HashMap<>();
        fragments.forEach(f -> f.reads().forEach(spool -> readers.merge(spool, 1, Integer::sum)));
        // Each task sets its own index; the scheduling thread reads them after the tasks finished.
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(fragments.size());
        if (parallelism == 1) {
            for (int i = 0; i < fragments.size(); i++) {
                results.set(i, runOne(fragments.get(i), outputs));
                finished(fragments.get(i), readers);
            }
            return outputsOnly(fragments, results);
        }
        prepare(fragments);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, fragments.size()), task -> {
            Thread thread = new Thread(task, "execute-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Semaphore ended = new Semaphore(0);
            AtomicIntegerArray states = new AtomicIntegerArray(fragments.size());
            Throwable[] thrown = new Throwable[fragments.size()];
            Set<String> computed = new HashSet<>();
            boolean[] started = new boolean[fragments.size()];
            boolean[] handled = new boolean[fragments.size()];
            TreeMap<Integer, Throwable> failures = new TreeMap<>();
            int running = 0;
            while (true) {
                // After a failure only fragments before it in DAG order start: a sequential run would
                // have run those, so the earliest failure reported is the one it would report.
                int limit = failures.isEmpty() ? fragments.size() : failures.firstKey();
                for (int i = 0; i < limit && running < parallelism; i++) {
                    PlannedFragment fragment = fragments.get(i);
                    if (!started[i] && computed.containsAll(fragment.reads())) {
                        started[i] = true;
                        running++;
                        int index = i;
                        pool.execute(() -> {
                            try {
                                results.set(index, runOne(fragment, outputs));
                                states.set(index, SUCCEEDED);
                            } catch (RuntimeException | Error e) {
                                thrown[index] = e;
                                states.set(index, FAILED);
                            } finally {
                                ended.release();
                            }
                        });
                    }
                }
                if (running == 0) {
                    break;
                }
                int index = next(ended, states, handled);
                running--;
                PlannedFragment fragment = fragments.get(index);
                if (states.get(index) == FAILED) {
                    failures.put(index, thrown[index]);
                    continue;
                }
                if (fragment.kind() == PlanNodeKind.SPOOL) {
                    computed.add(fragment.name());
                }
                finished(fragment, readers);
            }
            if (!failures.isEmpty()) {
                Throwable first = failures.values().iterator().next();
                if (first instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) first;
            }
            for (int i = 0; i < started.length; i++) {
                // Unreachable for a DAG the compiler made (spools come before their readers).
                if (!started[i]) {
                    throw new IllegalStateException("fragment '" + fragments.get(i).name() + "' reads a spool no fragment computes");
                }
            }
            return outputsOnly(fragments, results);
        } finally {
            pool.shutdownNow();
            executor.discardPrepared();
        }
    }

    /** Waits for a fragment to end; returns the first in DAG order that ended and was not handled yet, marked handled. */
    private static int next(Semaphore ended, AtomicIntegerArray states, boolean[] handled) {
        try {
            ended.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the plan DAG", e);
        }
        for (int i = 0; i < handled.length; i++) {
            if (!handled[i] && states.get(i) != RUNNING) {
                handled[i] = true;
                return i;
            }
        }
        // A permit is released only after its fragment's state is set.
        throw new IllegalStateException("a fragment of the plan DAG ended without a state");
    }

    /**
     * Compiles every fragment's code first, on all the threads: a fragment waiting for spools would
     * otherwise compile only once they are computed, while threads stand idle. A plan that fails
     * to compile here is compiled again when it runs and fails then, in its turn.
     */
    private void prepare(List<PlannedFragment> fragments) {
        SourceWorkers.map(fragments, parallelism, "compile", fragment -> {
            String name = fragment.kind() == PlanNodeKind.SPOOL ? Spools.planName(fragment.name()) : fragment.name();
            try {
                executor.prepare(fragment.query().physical(), name);
            } catch (RuntimeException e) {
                // Compiled again, and failing again, when the fragment runs.
            }
            return fragment;
        });
    }

    private <R> R runOne(PlannedFragment fragment, Function<PlannedFragment, R> outputs) {
        if (fragment.kind() == PlanNodeKind.SPOOL) {
            spools.compute(fragment.name(), fragment.query().physical(), executor);
            return null;
        }
        return outputs.apply(fragment);
    }

    /** Drops the rows of each spool {@code fragment} read last. Called on the scheduling thread only. */
    private void finished(PlannedFragment fragment, Map<String, Integer> readers) {
        for (String spool : fragment.reads()) {
            if (readers.merge(spool, -1, Integer::sum) == 0) {
                spools.release(spool);
            }
        }
    }

    private static <R> List<R> outputsOnly(List<PlannedFragment> fragments, AtomicReferenceArray<R> results) {
        List<R> outputs = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            if (fragments.get(i).kind() != PlanNodeKind.SPOOL) {
                outputs.add(results.get(i));
            }
        }
        return outputs;
    }
}
