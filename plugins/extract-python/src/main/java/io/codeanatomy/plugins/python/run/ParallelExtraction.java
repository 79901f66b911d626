package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.FactCollector;
import io.codeanatomy.plugins.python.facts.FileExtractor;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.modules.ModulePath;
import io.codeanatomy.plugins.python.tables.TableBatches;
import io.codeanatomy.plugins.python.tables.TableSink;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.spi.source.SourceWorkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Extracts files on a pool of worker threads and hands the results to one consumer, on the calling
 * thread, in the order of the file list: either each file's facts ({@link SourceWorkers}), or, for
 * writing tables, groups of consecutive files already turned into Arrow batches by the worker that
 * parsed them ({@link #run(List, Function, TableSink, Consumer)}), so the calling thread only hands
 * finished batches on. A worker drops a tree as soon as it has walked it.
 */
public final class ParallelExtraction {
    /**
     * Memory a group in flight holds per byte of source: its files' facts while they are walked,
     * then its Arrow batches. Measured on the standard library ({@code ExtractionBench}): 39.5 bytes
     * of Arrow buffers per source byte (all {@code py_*} tables), taken with a margin for the facts.
     */
    static final long RESIDENT_BYTES_PER_SOURCE_BYTE = 48;
    /** The groups in flight a group's size is chosen for: a two-core machine's workers and one more, with room. */
    private static final long GROUPS_IN_FLIGHT = 4;
    /** The share of the heap limit that groups computed ahead of the consumer may hold. */
    private static final long LOOK_AHEAD_HEAP_DIVISOR = 8;
    private static final String THREAD_PREFIX = "extract-python";

    private final int workers;
    private final PythonVersion version;
    private final long maxFileBytes;

    private final Supplier<List<FactCollector>> extraCollectors;

    public ParallelExtraction(int workers, PythonVersion version, long maxFileBytes) {
        this(workers, version, maxFileBytes, List::of);
    }

    /**
     * @param extraCollectors makes the collectors of the fact families other plugins add, once per
     *                        worker thread (collectors are not thread-safe)
     */
    public ParallelExtraction(int workers, PythonVersion version, long maxFileBytes,
                              Supplier<List<FactCollector>> extraCollectors) {
        this.extraCollectors = requireNonNull(extraCollectors, "extraCollectors is null");
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, got " + workers);
        }
        this.workers = workers;
        this.version = requireNonNull(version, "version is null");
        this.maxFileBytes = maxFileBytes;
    }

    /** Extracts {@code files} and gives each file's facts to {@code consumer}, in list order. */
    public void run(List<SourceFile> files, Consumer<FileFacts> consumer) {
        run(files, f -> ModulePath.UNKNOWN, consumer);
    }

    /**
     * Extracts {@code files}, each the module {@code modules} gives it (called from the worker
     * threads, so it must be safe to share), and gives each file's facts to {@code consumer}, in list order.
     */
    public void run(List<SourceFile> files, Function<SourceFile, ModulePath> modules, Consumer<FileFacts> consumer) {
        requireNonNull(files, "files is null");
        requireNonNull(modules, "modules is null");
        requireNonNull(consumer, "consumer is null");
        // One extractor per worker thread: its digest and id generator are not thread-safe.
        ThreadLocal<FileExtractor> extractors = ThreadLocal.withInitial(
                () -> new FileExtractor(version, maxFileBytes, extraCollectors.get()));
        SourceWorkers.forEach(files, workers, THREAD_PREFIX, f -> extractors.get().extract(f.path(), f.file(), modules.apply(f)), consumer);
    }

    /**
     * Extracts {@code files} in groups of consecutive files ({@link FileGroups}): a worker parses
     * a group's files and appends their rows to its own Arrow batches ({@link TableSink#newBatches});
     * {@code consumer} gets the groups on the calling thread, in list order, and owns them.
     *
     * <p>Look-ahead: groups are started ahead of the consumer while the memory they are estimated
     * to hold ({@link #RESIDENT_BYTES_PER_SOURCE_BYTE}) stays within an eighth of the heap limit and
     * a quarter of the sink's Arrow memory ({@link TableSink#lookAheadLimit}), and
     * always at least one more than there are workers, so that no worker waits while input remains.
     * If anything fails, the workers are stopped and every batch built is freed before the failure
     * is rethrown.
     */
    public void run(List<SourceFile> files, Function<SourceFile, ModulePath> modules, TableSink tables,
                    Consumer<ExtractedGroup> consumer) {
        requireNonNull(files, "files is null");
        requireNonNull(modules, "modules is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(consumer, "consumer is null");
        // Groups small enough that the few always in flight fit the look-ahead's share of the Arrow
        // budget (from the budget alone, so the cut does not depend on the worker count).
        List<List<SourceFile>> groups = FileGroups.of(files, tables.lookAheadLimit() / (RESIDENT_BYTES_PER_SOURCE_BYTE * GROUPS_IN_FLIGHT));
        if (groups.isEmpty()) {
            return;
        }
        long budget = Math.min(Runtime.getRuntime().maxMemory() / LOOK_AHEAD_HEAP_DIVISOR, tables.lookAheadLimit());
        Queue<GroupWorker> idle = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, groups.size()), SourceWorkers.threadFactory(THREAD_PREFIX));
        List<Future<ExtractedGroup>> pending = new ArrayList<>(groups.size());
        boolean done = false;
        try {
            long inFlight = 0;
            for (int i = 0; i < groups.size(); i++) {
                while (pending.size() < groups.size()
                        && (pending.size() - i <= workers || inFlight + cost(groups.get(pending.size())) <= budget)) {
                    List<SourceFile> group = groups.get(pending.size());
                    inFlight += cost(group);
                    pending.add(pool.submit(() -> extractGroup(group, modules, tables, idle)));
                }
                ExtractedGroup result = SourceWorkers.await(pending.get(i));
                pending.set(i, null);
                inFlight -= cost(groups.get(i));
                consumer.accept(result);
            }
            done = true;
        } finally {
            pool.shutdownNow();
            if (!done) {
                freeUnconsumed(pool, pending);
            }
        }
    }

    private ExtractedGroup extractGroup(List<SourceFile> group, Function<SourceFile, ModulePath> modules, TableSink tables,
                                        Queue<GroupWorker> idle) {
        // At most one worker state per pool thread: a state is taken for a whole group and put back.
        GroupWorker worker = idle.poll();
        if (worker == null) {
            worker = new GroupWorker(new FileExtractor(version, maxFileBytes, extraCollectors.get()), tables.newBatches());
        }
        try {
            List<FileSummary> summaries = new ArrayList<>(group.size());
            for (SourceFile f : group) {
                FileFacts facts = worker.extractor().extract(f.path(), f.file(), modules.apply(f));
                worker.batches().append(facts);
                summaries.add(FileSummary.of(f, facts));
            }
            return new ExtractedGroup(summaries, worker.batches().finish());
        } catch (RuntimeException | Error e) {
            worker.batches().abandon();
            throw e;
        } finally {
            idle.add(worker);
        }
    }

    /** A worker thread's extractor and batches (neither is thread-safe). */
    private record GroupWorker(FileExtractor extractor, TableBatches batches) {
    }

    private static long cost(List<SourceFile> group) {
        return FileGroups.bytes(group) * RESIDENT_BYTES_PER_SOURCE_BYTE;
    }

    /** After a failure: waits for the stopped workers, then frees the groups nobody consumed. */
    private static void freeUnconsumed(ExecutorService pool, List<Future<ExtractedGroup>> pending) {
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Future<ExtractedGroup> future : pending) {
            if (future != null && future.isDone() && !future.isCancelled()) {
                try {
                    future.get().close();
                } catch (ExecutionException | InterruptedException | CancellationException e) {
                    // Its worker failed or never ran: it holds no batches.
                }
            }
        }
    }
}
