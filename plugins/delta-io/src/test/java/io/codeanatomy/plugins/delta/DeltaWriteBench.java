package io.codeanatomy.plugins.delta;

import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Write and read throughput of the Delta plugin, printed, never asserted.
 *
 * <p>Synthetic: 1M rows of {@link SampleBatches#SCHEMA} (6 columns) in batches of 65,536 rows, per
 * Parquet codec, against the time to produce the same Arrow batches without writing them. Run:
 * {@code java -cp <test classpath> io.codeanatomy.plugins.delta.DeltaWriteBench [rows]};
 * {@code -Dbench.hadoop=key=value,...} adds Hadoop settings to the engine.
 *
 * <p>Real tables: {@code DeltaWriteBench --tables DIR...} loads each Delta table into Arrow batches
 * in memory and rewrites it with Kernel's writer (ZSTD level 3, parquet-mr's default, which Kernel
 * cannot change), the columnar writer at ZSTD levels 1 and 3, and the columnar writer on one file
 * at a time; it prints each writer's total time (median of three rounds, the writers taking turns)
 * (wall and process CPU) and bytes written.
 *
 * <p>Encoders: {@code DeltaWriteBench --encoders DIR...} writes each table into one Parquet file with
 * our encoding (own pages for flat columns, plain values and string statistics) and with parquet-mr's
 * own, on this thread, taking turns, and prints each one's thread CPU time and the ratio (the files
 * must hold the same rows and statistics).
 */
public final class DeltaWriteBench {
    private static final int BATCH = 65_536;
    private static final int RUNS = 3;

    private DeltaWriteBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--tables")) {
            rewriteTables(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--encoders")) {
            compareEncoders(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        Path scratch = Files.createTempDirectory("delta-bench");
        try (TableFixture fixture = new TableFixture()) {
            long arrowBytes = arrowBytes(fixture.root, rows);
            double produce = median(() -> drain(SampleBatches.batches(fixture.root, 0, rows, BATCH)));
            System.out.printf("rows=%d columns=6 batch=%d arrowInput=%.1f MB%n", rows, BATCH, arrowBytes / 1e6);
            System.out.printf("produce batches only: %.3f s%n", produce);
            for (String codec : new String[] {"ZSTD", "SNAPPY", "UNCOMPRESSED"}) {
                TableFixture writer = new TableFixture(KernelEngine.create(settings(codec)));
                try {
                    int[] run = {0};
                    Path[] last = new Path[1];
                    double seconds = median(() -> {
                        last[0] = scratch.resolve(codec + "-" + run[0]++);
                        writer.create(last[0], 0, rows, BATCH);
                    });
                    long parquet = parquetBytes(last[0]);
                    System.out.printf("write %-12s %.3f s  %,.0f rows/s  %.1f MB/s Arrow in  %.1f MB/s Parquet out"
                                    + "  (%.1f MB on disk, %.2fx the produce-only time)%n",
                            codec, seconds, rows / seconds, arrowBytes / 1e6 / seconds, parquet / 1e6 / seconds,
                            parquet / 1e6, seconds / produce);
                    if (codec.equals("ZSTD")) {
                        DeltaTableReader reader = DeltaTableReader.open(writer.engine, last[0]);
                        double read = median(() -> count(reader, new int[] {0, 1, 2, 3, 4, 5}));
                        double readOne = median(() -> count(reader, new int[] {0}));
                        System.out.printf("read  all columns to Object[] %.3f s  %,.0f rows/s%n", read, rows / read);
                        System.out.printf("read  one column  to Object[] %.3f s  %,.0f rows/s%n", readOne, rows / readOne);
                    }
                } finally {
                    writer.close();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static final Map<String, Map<String, String>> WRITERS = writers();

    private static Map<String, Map<String, String>> writers() {
        Map<String, Map<String, String>> writers = new java.util.LinkedHashMap<>();
        writers.put("kernel (zstd 3)", Map.of(KernelEngine.WRITER, KernelEngine.KERNEL_WRITER));
        writers.put("columnar zstd 1", Map.of(KernelEngine.ZSTD_LEVEL, "1"));
        writers.put("columnar zstd 3", Map.of(KernelEngine.ZSTD_LEVEL, "3"));
        writers.put("columnar zstd 1, one file at a time", Map.of(KernelEngine.ZSTD_LEVEL, "1", KernelEngine.PARALLEL_FILES, "1"));
        return writers;
    }

    private static void rewriteTables(String[] tables) throws IOException {
        Path scratch = Files.createTempDirectory("delta-rewrite-bench");
        Map<String, double[]> seconds = new java.util.LinkedHashMap<>();
        Map<String, double[]> cpuSeconds = new java.util.LinkedHashMap<>();
        Map<String, Long> bytes = new java.util.LinkedHashMap<>();
        WRITERS.keySet().forEach(writer -> seconds.put(writer, new double[RUNS]));
        WRITERS.keySet().forEach(writer -> cpuSeconds.put(writer, new double[RUNS]));
        long totalRows = 0;
        long totalArrow = 0;
        try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
            boolean warm = false;
            for (String table : tables) {
                List<VectorSchemaRoot> batches = load(allocator, Path.of(table));
                try {
                    Schema schema = ArrowSchemas.toArrow(DeltaTableReader.open(KernelEngine.create(), Path.of(table)).schema());
                    long rows = batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
                    long arrow = batches.stream().mapToLong(DeltaWriteBench::arrowBytes).sum();
                    totalRows += rows;
                    totalArrow += arrow;
                    System.out.printf("%-28s %,12d rows %,10.1f MB Arrow%n", Path.of(table).getFileName(), rows, arrow / 1e6);
                    if (!warm) {
                        for (Map<String, String> settings : WRITERS.values()) {
                            rewrite(scratch, settings, schema, batches);
                        }
                        warm = true;
                    }
                    for (int run = 0; run < RUNS; run++) {
                        for (Map.Entry<String, Map<String, String>> writer : WRITERS.entrySet()) {
                            long start = System.nanoTime();
                            long cpuStart = processCpuNanos();
                            Path written = rewrite(scratch, writer.getValue(), schema, batches);
                            seconds.get(writer.getKey())[run] += (System.nanoTime() - start) / 1e9;
                            cpuSeconds.get(writer.getKey())[run] += (processCpuNanos() - cpuStart) / 1e9;
                            if (run == 0) {
                                bytes.merge(writer.getKey(), parquetBytes(written), Long::sum);
                            }
                        }
                    }
                } finally {
                    batches.forEach(VectorSchemaRoot::close);
                }
            }
        } finally {
            delete(scratch);
        }
        System.out.printf("%ntotal %,d rows, %.1f MB Arrow; median of %d rounds%n", totalRows, totalArrow / 1e6, RUNS);
        for (String writer : WRITERS.keySet()) {
            double[] runs = seconds.get(writer);
            double[] cpu = cpuSeconds.get(writer);
            Arrays.sort(runs);
            Arrays.sort(cpu);
            System.out.printf("%-36s %7.2f s wall %7.2f s CPU %8.1f MB Parquet%n", writer, runs[RUNS / 2], cpu[RUNS / 2],
                    bytes.get(writer) / 1e6);
        }
    }

    /** CPU time of every thread of this process (writer threads, GC and JIT included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Path rewrite(Path scratch, Map<String, String> settings, Schema schema, List<VectorSchemaRoot> batches)
            throws IOException {
        Path target = Files.createTempDirectory(scratch, "t");
        Files.delete(target);
        List<VectorSchemaRoot> shares = shares(batches);
        try {
            new DeltaTableWriter(KernelEngine.create(settings)).create(target, schema, shares.iterator());
        } finally {
            shares.forEach(VectorSchemaRoot::close);
        }
        return target;
    }

    /**
     * New batches over the buffers of {@code batches}: the columnar writer takes the buffers of the
     * batches it is given, so each rewrite gets its own roots and the loaded batches stay whole.
     */
    private static List<VectorSchemaRoot> shares(List<VectorSchemaRoot> batches) {
        List<VectorSchemaRoot> shares = new java.util.ArrayList<>();
        for (VectorSchemaRoot batch : batches) {
            VectorSchemaRoot share = VectorSchemaRoot.create(batch.getSchema(), batch.getFieldVectors().get(0).getAllocator());
            try (org.apache.arrow.vector.ipc.message.ArrowRecordBatch buffers = new org.apache.arrow.vector.VectorUnloader(batch).getRecordBatch()) {
                new org.apache.arrow.vector.VectorLoader(share).load(buffers);
            }
            shares.add(share);
        }
        return shares;
    }

    /**
     * Writes each table's batches into one Parquet file with our encoding and with parquet-mr's own
     * ({@link ArrowParquetFile.Encoder}), taking turns, and prints the thread CPU time of each (median
     * of {@link #RUNS} rounds) and their ratio. The first round checks that the files hold the same
     * rows and statistics ({@link ParquetContents}).
     */
    private static void compareEncoders(String[] tables) throws IOException {
        Path scratch = Files.createTempDirectory("delta-encoder-bench");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        ParquetWriteSettings settings = new ParquetWriteSettings(org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD,
                64L << 20, 1 << 20, false, Long.MAX_VALUE, 1);
        org.apache.hadoop.conf.Configuration configuration = new org.apache.hadoop.conf.Configuration(false);
        configuration.setInt(KernelEngine.ZSTD_LEVEL, 1);
        ArrowParquetFile.Encoder[] encoders = ArrowParquetFile.Encoder.values();
        double[][] totals = new double[encoders.length][RUNS];
        try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
            for (String table : tables) {
                List<VectorSchemaRoot> batches = load(allocator, Path.of(table));
                if (batches.isEmpty()) {
                    System.out.printf("%-28s no rows%n", Path.of(table).getFileName());
                    continue;
                }
                try {
                    Schema schema = batches.get(0).getSchema();
                    org.apache.parquet.schema.MessageType parquet = ParquetSchemas.toParquet(ArrowSchemas.toKernel(schema));
                    double[][] cpu = new double[encoders.length][RUNS];
                    for (int run = -1; run < RUNS; run++) {
                        Path[] written = new Path[encoders.length];
                        for (int e = 0; e < encoders.length; e++) {
                            Path file = scratch.resolve(encoders[e] + ".parquet");
                            Files.deleteIfExists(file);
                            long start = threads.getCurrentThreadCpuTime();
                            try (ArrowParquetFile out = new ArrowParquetFile(new org.apache.parquet.io.LocalOutputFile(file), schema, parquet,
                                    settings, configuration, encoders[e])) {
                                for (VectorSchemaRoot batch : batches) {
                                    out.write(batch);
                                }
                            }
                            if (run >= 0) {
                                cpu[e][run] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                                totals[e][run] += cpu[e][run];
                            }
                            written[e] = file;
                        }
                        if (run < 0) {
                            try {
                                ParquetContents.assertSameRowsAndStatistics(written[0], written[1]);
                            } catch (Exception e) {
                                throw new IllegalStateException(table + ": the encoders' files differ", e);
                            }
                        }
                    }
                    System.out.printf("%-28s %,10d rows  %s %.3f s  %s %.3f s  ratio %.2f%n", Path.of(table).getFileName(),
                            batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum(), encoders[0], median(cpu[0]), encoders[1],
                            median(cpu[1]), median(cpu[0]) / median(cpu[1]));
                } finally {
                    batches.forEach(VectorSchemaRoot::close);
                }
            }
        } finally {
            delete(scratch);
        }
        System.out.printf("%ntotal thread CPU, median of %d rounds: %s %.3f s, %s %.3f s, ratio %.2f%n", RUNS, encoders[0],
                median(totals[0]), encoders[1], median(totals[1]), median(totals[0]) / median(totals[1]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<VectorSchemaRoot> load(org.apache.arrow.memory.BufferAllocator allocator, Path table) {
        DeltaTableReader reader = DeltaTableReader.open(KernelEngine.create(), table);
        Schema schema = ArrowSchemas.toArrow(reader.schema());
        int[] columns = java.util.stream.IntStream.range(0, reader.schema().length()).toArray();
        List<VectorSchemaRoot> batches = new java.util.ArrayList<>();
        List<Object[]> chunk = new java.util.ArrayList<>();
        try (CloseableIterator<Object[]> rows = reader.rows(columns, Optional.empty())) {
            while (rows.hasNext()) {
                chunk.add(rows.next());
                if (chunk.size() == BATCH || !rows.hasNext()) {
                    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                    RowsToArrow.load(root, chunk);
                    batches.add(root);
                    chunk.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batches;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long arrowBytes(VectorSchemaRoot batch) {
        long total = 0;
        for (FieldVector vector : batch.getFieldVectors()) {
            total += vector.getBufferSize();
        }
        return total;
    }

    private static Map<String, String> settings(String codec) {
        Map<String, String> settings = new TreeMap<>();
        settings.put(KernelEngine.PARQUET_COMPRESSION, codec);
        for (String property : System.getProperty("bench.hadoop", "").split(",")) {
            if (!property.isEmpty()) {
                settings.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
            }
        }
        return settings;
    }

    private static double median(Runnable action) {
        action.run();
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    private static void drain(Iterator<VectorSchemaRoot> batches) {
        while (batches.hasNext()) {
            batches.next();
        }
    }

    private static void count(DeltaTableReader reader, int[] columns) {
        long n = 0;
        try (CloseableIterator<Object[]> rows = reader.rows(columns, Optional.empty())) {
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (n == 0) {
            throw new IllegalStateException("Read no rows");
        }
    }

    private static long arrowBytes(VectorSchemaRoot root, long rows) {
        long total = 0;
        Iterator<VectorSchemaRoot> batches = SampleBatches.batches(root, 0, rows, BATCH);
        while (batches.hasNext()) {
            VectorSchemaRoot batch = batches.next();
            for (FieldVector vector : batch.getFieldVectors()) {
                total += vector.getBufferSize();
            }
        }
        return total;
    }

    private static long parquetBytes(Path table) {
        try (Stream<Path> files = Files.list(table)) {
            return files.filter(path -> path.toString().endsWith(".parquet")).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
