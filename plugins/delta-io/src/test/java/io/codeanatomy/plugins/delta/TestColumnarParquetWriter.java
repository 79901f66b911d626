package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar writer against Kernel's: the same rows, the same Parquet schema and the same Delta
 * statistics for every column type; files cut in input order and written in parallel; nothing left
 * behind by a failed write.
 */
class TestColumnarParquetWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final TableFixture columnar = new TableFixture(KernelEngine.create(Map.of(KernelEngine.WRITER, KernelEngine.COLUMNAR_WRITER)));
    private final TableFixture kernel = new TableFixture(KernelEngine.create(Map.of(KernelEngine.WRITER, KernelEngine.KERNEL_WRITER)));

    @AfterEach
    void close() {
        columnar.close();
        kernel.close();
    }

    @Test
    void everyColumnTypeReadsBackAsKernelsWriterWroteIt() {
        Path ours = write(columnar, dir.resolve("columnar"));
        Path theirs = write(kernel, dir.resolve("kernel"));

        List<Object[]> ourRows = readAll(columnar, ours);
        List<Object[]> theirRows = readAll(kernel, theirs);

        assertThat(ourRows).hasSize(theirRows.size()).hasSize(4_001);
        for (int i = 0; i < ourRows.size(); i++) {
            assertThat(render(ourRows.get(i))).as("row " + i).isEqualTo(render(theirRows.get(i)));
        }
        assertThat(ourRows.stream().filter(row -> row[18] != null && !((List<?>) row[18]).isEmpty())).isNotEmpty();
    }

    @Test
    void theParquetSchemaIsTheOneKernelsWriterWrites() throws IOException {
        Path ours = write(columnar, dir.resolve("columnar"));
        Path theirs = write(kernel, dir.resolve("kernel"));

        assertThat(footer(onlyFile(ours)).getFileMetaData().getSchema())
                .isEqualTo(footer(onlyFile(theirs)).getFileMetaData().getSchema());
    }

    @Test
    void theDeltaStatisticsAreTheOnesKernelsWriterRecords() {
        Path ours = write(columnar, dir.resolve("columnar"));
        Path theirs = write(kernel, dir.resolve("kernel"));

        JsonNode ourStats = addStats(ours).get(0);
        JsonNode theirStats = addStats(theirs).get(0);

        assertThat(ourStats.get("numRecords").asLong()).isEqualTo(4_001);
        assertThat(ourStats.get("minValues").has("path")).isTrue();
        assertThat(ourStats.get("nullCount").get("name").asLong()).isPositive();
        assertThat(ourStats).isEqualTo(theirStats);
    }

    @Test
    void aLargeWriteIsSeveralFilesInInputOrderWhateverTheThreads() throws IOException {
        KernelEngine serial = KernelEngine.create(Map.of(KernelEngine.FILE_ARROW_BYTES, "30000", KernelEngine.PARALLEL_FILES, "1"));
        KernelEngine parallel = KernelEngine.create(Map.of(KernelEngine.FILE_ARROW_BYTES, "30000", KernelEngine.PARALLEL_FILES, "3"));
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        new DeltaTableWriter(serial).create(one, SampleBatches.SCHEMA, SampleBatches.batches(columnar.root, 0, 20_000, 700));
        new DeltaTableWriter(parallel).create(three, SampleBatches.SCHEMA, SampleBatches.batches(columnar.root, 0, 20_000, 700));

        List<JsonNode> stats = addStats(three);
        assertThat(stats).hasSizeGreaterThan(4);
        long next = 0;
        for (JsonNode file : stats) {
            assertThat(file.get("minValues").get("id").asLong()).isEqualTo(next);
            next += file.get("numRecords").asLong();
            assertThat(file.get("maxValues").get("id").asLong()).isEqualTo(next - 1);
        }
        assertThat(next).isEqualTo(20_000);
        assertThat(DeltaLog.addedFiles(one, 0)).containsExactlyElementsOf(DeltaLog.addedFiles(three, 0));
        List<Object[]> rows = TableFixture.read(DeltaTableReader.open(parallel, three), IntStream.range(0, 6).toArray(), Optional.empty());
        rows.sort(SampleBatches.byFirstColumn());
        assertThat(rows).containsExactlyElementsOf(SampleBatches.expectedRows(0, 20_000));
    }

    @Test
    void aWriteThatFailsWhileFilesAreInFlightLeavesNoFileBehind() {
        Path table = dir.resolve("t");
        columnar.create(table, 0, 5, 5);
        List<String> before = TableFixture.parquetFiles(table);
        KernelEngine small = KernelEngine.create(Map.of(KernelEngine.FILE_ARROW_BYTES, "30000", KernelEngine.PARALLEL_FILES, "3"));
        Iterator<VectorSchemaRoot> batches = SampleBatches.batches(columnar.root, 5, 20_000, 700);
        Iterator<VectorSchemaRoot> failing = new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public VectorSchemaRoot next() {
                if (++served > 12) {
                    throw new IllegalStateException("the producer failed");
                }
                if (!batches.hasNext()) {
                    throw new NoSuchElementException();
                }
                return batches.next();
            }
        };

        assertThatThrownBy(() -> new DeltaTableWriter(small).append(table, SampleBatches.SCHEMA, failing))
                .hasMessage("the producer failed");
        assertThat(TableFixture.parquetFiles(table)).isEqualTo(before);
        assertThat(columnar.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(0, 5));
    }

    @Test
    void anUnknownWriterIsRefusedByName() {
        assertThatThrownBy(() -> KernelEngine.create(Map.of(KernelEngine.WRITER, "fast")))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageContaining("'fast'")
                .hasMessageContaining(KernelEngine.WRITER);
    }

    private static Path write(TableFixture fixture, Path table) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(AllTypesBatches.SCHEMA, fixture.allocator)) {
            fixture.writer.create(table, AllTypesBatches.SCHEMA, AllTypesBatches.batches(root));
        }
        return table;
    }

    private static List<Object[]> readAll(TableFixture fixture, Path table) {
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);
        List<Object[]> rows = TableFixture.read(reader, IntStream.range(0, reader.schema().length()).toArray(), Optional.empty());
        rows.sort(SampleBatches.byFirstColumn());
        return rows;
    }

    /** A value as text with each scalar's class, descending into structs (arrays) and lists, which {@code equals} does not. */
    private static String render(Object value) {
        if (value instanceof Object[] struct) {
            return Arrays.stream(struct).map(TestColumnarParquetWriter::render).toList().toString();
        }
        if (value instanceof List<?> list) {
            return "list" + list.stream().map(TestColumnarParquetWriter::render).toList();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    private static Path onlyFile(Path table) {
        List<String> files = TableFixture.parquetFiles(table);
        assertThat(files).hasSize(1);
        return table.resolve(files.get(0));
    }

    private static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter();
        }
    }

    /** The parsed statistics of each file added by version 0, in log order. */
    private static List<JsonNode> addStats(Path table) {
        List<JsonNode> stats = new ArrayList<>();
        for (JsonNode action : DeltaLog.actions(table, 0)) {
            if (action.has("add")) {
                try {
                    stats.add(JSON.readTree(action.get("add").get("stats").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return stats;
    }
}
