package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.FactCollector;
import io.codeanatomy.plugins.python.facts.FileExtractor;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.modules.ModulePath;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.spi.source.SourceWorkers;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Extracts files on a pool of worker threads ({@link SourceWorkers}) and hands their facts to one
 * consumer, on the calling thread, in the order of the file list. At most a window of files' facts
 * is alive at once, never a whole repository's trees: a worker drops a tree as soon as it has
 * walked it.
 */
public final class ParallelExtraction {
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
        SourceWorkers.forEach(files, workers, "extract-python", f -> extractors.get().extract(f.path(), f.file(), modules.apply(f)), consumer);
    }
}
