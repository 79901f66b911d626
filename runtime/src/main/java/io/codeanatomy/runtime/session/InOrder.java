package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Independent tasks run on a few threads of their own, their results in the order of their inputs:
 * what a run does for each planned fragment (planning it, writing its plan files) takes no input
 * from the others, and the results are kept, hashed and written in the inputs' order, so the
 * threads' timing reaches nothing a run writes.
 */
public final class InOrder {
    private InOrder() {
    }

    /**
     * {@code task} applied to each of {@code items} on up to {@code threads} threads named
     * {@code name-N}; on the calling thread alone when {@code threads} is 1 or there is one item.
     * When tasks fail, the failure of the first failed item in order is thrown, as a sequential run
     * would throw it, and the tasks not yet finished are interrupted.
     */
    public static <T, R> List<R> map(List<T> items, int threads, String name, Function<? super T, ? extends R> task) {
        requireNonNull(items, "items is null");
        requireNonNull(name, "name is null");
        requireNonNull(task, "task is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        List<R> results = new ArrayList<>(items.size());
        if (threads == 1 || items.size() <= 1) {
            for (T item : items) {
                results.add(task.apply(item));
            }
            return results;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<? extends R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            for (Future<? extends R> future : futures) {
                results.add(result(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code task} run for each of {@code items} as {@link #map} runs it. */
    public static <T> void forEach(List<T> items, int threads, String name, Consumer<? super T> task) {
        requireNonNull(task, "task is null");
        map(items, threads, name, item -> {
            task.accept(item);
            return null;
        });
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
