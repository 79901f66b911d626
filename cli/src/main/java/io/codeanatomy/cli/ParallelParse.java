package io.codeanatomy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Applies a function to every file on one worker per core, largest files first so the cores finish
 * together; results come back in the input order, whatever the thread timing. Workers get a large
 * stack so that deeply nested sources hit the parser's own nesting limit, not the JVM's.
 */
final class ParallelParse {
    private static final long WORKER_STACK_BYTES = 256L << 20;

    private ParallelParse() {
    }

    @SuppressWarnings("unchecked")
    static <R> List<R> run(List<Path> files, Function<Path, R> work) {
        Integer[] order = new Integer[files.size()];
        long[] sizes = new long[files.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            sizes[i] = files.get(i).toFile().length();
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
        Object[] results = new Object[files.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(null, () -> {
                for (int k; failure.get() == null && (k = next.getAndIncrement()) < order.length; ) {
                    int i = order[k];
                    try {
                        results[i] = work.apply(files.get(i));
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "parse-" + w, WORKER_STACK_BYTES);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        }
        return (List<R>) Arrays.asList(results);
    }
}
