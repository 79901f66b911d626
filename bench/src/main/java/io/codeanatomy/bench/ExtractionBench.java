package io.codeanatomy.bench;

import io.codeanatomy.plugins.python.PythonExtractor;
import io.codeanatomy.spi.extract.BatchWriter;
import io.codeanatomy.spi.extract.ExtractionRequest;
import io.codeanatomy.spi.extract.ExtractionSink;
import io.codeanatomy.spi.extract.ExtractionSummary;
import io.codeanatomy.spi.extract.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Extracts a directory with the Python extractor (the whole path: listing, reading, parsing,
 * walking, Arrow batches; the batches are counted and dropped) on one worker and on one worker
 * per core, and times CPython 3.11 doing {@code ast.parse} plus {@code symtable.symtable} (what it
 * needs for the same facts) over the same files on one core in the same run. Prints files/s,
 * lines/s and MB/s of each and the ratios. Usage:
 * {@code ExtractionBench DIR [--exclude-dir NAME]... [--rounds N]}.
 */
public final class ExtractionBench {
    private ExtractionBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchCorpus corpus = BenchCorpus.parse(args, 3);
        Path dir = corpus.dir();
        List<String> excludeGlobs = corpus.excludeGlobs();
        int rounds = corpus.rounds();
        int cores = Runtime.getRuntime().availableProcessors();
        Run single = best(dir, excludeGlobs, 1, rounds);
        Run parallel = best(dir, excludeGlobs, cores, rounds);

        List<Path> files = corpus.files();
        String[] cpython = CPythonScript.run("cpython_bench.py", files, "symtable", Integer.toString(Math.max(1, rounds / 2)));
        long files0 = Long.parseLong(cpython[0]);
        double mb = Long.parseLong(cpython[1]) / 1e6;
        long lines = Long.parseLong(cpython[2]);
        double theirs = Double.parseDouble(cpython[3]);
        System.out.printf(Locale.ROOT, "corpus: %s, %d files, %.1f MB, %d lines%n", dir, files0, mb, lines);
        print("codeanatomy extraction, 1 worker", single.seconds, files0, lines, mb, single.summary.problems() + " problems, "
                + single.summary.totalRows() + " rows");
        print("codeanatomy extraction, " + cores + " workers", parallel.seconds, files0, lines, mb,
                parallel.summary.problems() + " problems");
        print("CPython " + CPythonScript.version() + " ast.parse + symtable, 1 core", theirs, files0, lines, mb, cpython[4] + " refused");
        System.out.printf(Locale.ROOT, "ratio: 1 worker %.2fx CPython's throughput, %d workers %.2fx%n",
                theirs / single.seconds, cores, theirs / parallel.seconds);
        // What the extractor's look-ahead estimate (bytes held per source byte) is checked against.
        System.out.printf(Locale.ROOT, "Arrow: %.1f bytes of batches per source byte; at most %.0f MB allocated at once (%d workers)%n",
                parallel.arrowBytes / (mb * 1e6), parallel.peakArrowBytes / 1e6, cores);
    }

    /** @param arrowBytes the Arrow buffers of every batch; @param peakArrowBytes the most allocated at once */
    private record Run(double seconds, ExtractionSummary summary, long arrowBytes, long peakArrowBytes) {
    }

    /** The fastest of {@code rounds} extractions, after one warm-up. */
    private static Run best(Path dir, List<String> excludeGlobs, int workers, int rounds) {
        Run best = null;
        for (int r = 0; r < rounds + 1; r++) {
            try (CountingSink sink = new CountingSink()) {
                long t0 = System.nanoTime();
                ExtractionSummary summary = new PythonExtractor().extract(
                        new ExtractionRequest(dir, List.of(), excludeGlobs, workers, ProgressListener.NONE), sink);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (r > 0 && (best == null || seconds < best.seconds)) {
                    best = new Run(seconds, summary, sink.bytes.get(), sink.allocator.getPeakMemoryAllocation());
                }
            }
        }
        return best;
    }

    private static void print(String what, double seconds, long files, long lines, double mb, String note) {
        System.out.printf(Locale.ROOT, "%-48s %7.3f s  %8.0f files/s  %9.0f lines/s  %6.2f MB/s  (%s)%n",
                what + ":", seconds, files / seconds, lines / seconds, mb / seconds, note);
    }

    /** A sink that counts the rows it is handed and keeps nothing. */
    private static final class CountingSink implements ExtractionSink, AutoCloseable {
        private final BufferAllocator allocator = new RootAllocator();
        private final AtomicLong rows = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();

        @Override
        public BatchWriter writer(String table) {
            return batch -> {
                rows.addAndGet(batch.getRowCount());
                for (FieldVector v : batch.getFieldVectors()) {
                    bytes.addAndGet(v.getBufferSize());
                }
            };
        }

        @Override
        public BufferAllocator allocator() {
            return allocator;
        }

        @Override
        public void close() {
            allocator.close();
        }
    }
}
