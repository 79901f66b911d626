package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.FileExtractor;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.python.syntax.PythonVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Extracts files on a pool of worker threads and hands their facts to one consumer, on the
 * calling thread, in the order of the file list, whatever order the workers finish in.
 *
 * <p>Order and memory: files are submitted in list order, at most {@code window} ahead of the
 * next file to hand over; the caller waits for that file, hands it over and submits one more.
 * So at most {@code window} files' facts are alive at once (never a whole repository's trees: a
 * worker drops a tree as soon as it has walked it), and the output order, hence every table's row
 * order, depends only on the input. Workers get a large stack so deeply nested sources hit the
 * parser's own limits, not the thread's.
 */
public final class ParallelExtraction {
    private static final long WORKER_STACK_BYTES = 256L << 20;

    private final int workers;
    private final int window;
    private final PythonVersion version;
    private final long maxFileBytes;

    public ParallelExtraction(int workers, PythonVersion version, long maxFileBytes) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, got " + workers);
        }
        this.workers = workers;
        this.window = Math.max(8, 4 * workers);
        this.version = requireNonNull(version, "version is null");
        this.maxFileBytes = maxFileBytes;
    }

    /** Extracts {@code files} and gives each file's facts to {@code consumer}, in list order. */
    public void run(List<SourceFile> files, Consumer<FileFacts> consumer) {
        requireNonNull(files, "files is null");
        requireNonNull(consumer, "consumer is null");
        if (files.isEmpty()) {
            return;
        }
        ThreadLocal<FileExtractor> extractors = ThreadLocal.withInitial(() -> new FileExtractor(version, maxFileBytes));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, files.size()), threadFactory());
        try {
            List<Future<FileFacts>> pending = new ArrayList<>(files.size());
            for (int i = 0; i < Math.min(window, files.size()); i++) {
                pending.add(submit(pool, extractors, files.get(i)));
            }
            for (int i = 0; i < files.size(); i++) {
                FileFacts facts = await(pending.get(i));
                pending.set(i, null);
                if (pending.size() < files.size()) {
                    pending.add(submit(pool, extractors, files.get(pending.size())));
                }
                consumer.accept(facts);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Future<FileFacts> submit(ExecutorService pool, ThreadLocal<FileExtractor> extractors, SourceFile f) {
        return pool.submit(() -> extractors.get().extract(f.path(), f.file()));
    }

    private static FileFacts await(Future<FileFacts> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while extracting");
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

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "extract-python-" + count.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
