package io.codeanatomy.plugins.delta;

import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Write and read throughput of the Delta plugin, printed, never asserted: 1M rows of
 * {@link SampleBatches#SCHEMA} (6 columns) in batches of 65,536 rows, per Parquet codec, against
 * the time to produce the same Arrow batches without writing them.
 *
 * <p>Run: {@code java -cp <test classpath> io.codeanatomy.plugins.delta.DeltaWriteBench [rows]};
 * {@code -Dbench.hadoop=key=value,...} adds Hadoop settings to the engine.
 */
public final class DeltaWriteBench {
    private static final int BATCH = 65_536;
    private static final int RUNS = 3;

    private DeltaWriteBench() {}

    public static void main(String[] args) throws IOException {
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
