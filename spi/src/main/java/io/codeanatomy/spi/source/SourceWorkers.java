package io.codeanatomy.spi.source;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per source file (parse, extract) on a pool of worker threads and hands the results
 * to one consumer, on the calling thread, in the order of the file list, whatever order the workers
 * finish in: the one way extractors and the cli process many files.
 *
 * <p>Order and memory: files are submitted in list order, at most {@code window} ahead of the next
 * result to hand over; the caller waits for that result, hands it over and submits one more. So at
 * most {@code window} results are alive at once, and the output order depends only on the input.
 * Workers get a large stack so deeply nested sources hit a recursive-descent parser's own nesting
 * limit, not the thread's. The first task that throws stops the run and is rethrown to the caller.
 */
public final class SourceWorkers {
    private static final long WORKER_STACK_BYTES = 256L << 20;

    private SourceWorkers() {
    }

    /**
     * Applies {@code task} to every item on {@code workers} threads named {@code threadPrefix-N} and
     * gives the results to {@code consumer} in list order, with the default window (four per worker).
     */
    public static <T, R> void forEach(List<T> items, int workers, String threadPrefix,
            Function<? super T, ? extends R> task, Consumer<? super R> consumer) {
        forEach(items, workers, Math.max(8, 4 * workers), threadPrefix, task, consumer);
    }

    /** Same, with at most {@code window} results computed ahead of the consumer. */
    public static <T, R> void forEach(List<T> items, int workers, int window, String threadPrefix,
            Function<? super T, ? extends R> task, Consumer<? super R> consumer) {
        requireNonNull(items, "items is null");
        requireNonNull(threadPrefix, "threadPrefix is null");
        requireNonNull(task, "task is null");
        requireNonNull(consumer, "consumer is null");
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, got " + workers);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one result, got " + window);
        }
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, items.size()), threadFactory(threadPrefix));
        try {
            List<Future<R>> pending = new ArrayList<>(items.size());
            for (int i = 0; i < Math.min(window, items.size()); i++) {
                pending.add(submit(pool, task, items.get(i)));
            }
            for (int i = 0; i < items.size(); i++) {
                R result = await(pending.get(i));
                pending.set(i, null);
                if (pending.size() < items.size()) {
                    pending.add(submit(pool, task, items.get(pending.size())));
                }
                consumer.accept(result);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The results of {@code task} on every item, in list order (all of them kept: for small results). */
    public static <T, R> List<R> map(List<T> items, int workers, String threadPrefix, Function<? super T, ? extends R> task) {
        List<R> results = new ArrayList<>(items.size());
        forEach(items, workers, Math.max(1, items.size()), threadPrefix, task, results::add);
        return results;
    }

    private static <T, R> Future<R> submit(ExecutorService pool, Function<? super T, ? extends R> task, T item) {
        Callable<R> call = () -> task.apply(item);
        return pool.submit(call);
    }

    /**
     * The result of a worker's task, for a pool of one's own ({@link #threadFactory}): waits for it
     * and rethrows what the task threw as it was.
     *
     * @throws CancellationException if the calling thread is interrupted while waiting (its
     *     interrupt flag is set again)
     */
    public static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a worker");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Daemon threads named {@code prefix-N}, with the large stack workers need so that deeply
     * nested sources hit a recursive-descent parser's own nesting limit, not the thread's: for an
     * extractor that runs a pool of its own instead of {@link #forEach}.
     */
    public static ThreadFactory threadFactory(String prefix) {
        requireNonNull(prefix, "prefix is null");
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, prefix + "-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
