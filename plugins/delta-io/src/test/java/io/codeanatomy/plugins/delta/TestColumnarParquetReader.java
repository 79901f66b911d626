package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans read column by column give the rows Kernel's record reader gives, row for row. */
class TestColumnarParquetReader {
    @TempDir
    Path dir;

    private final KernelEngine columnar = KernelEngine.create(Map.of(KernelEngine.READER, KernelEngine.COLUMNAR_READER));
    private final KernelEngine kernel = KernelEngine.create(Map.of(KernelEngine.READER, KernelEngine.KERNEL_READER));

    @Test
    void everyColumnOfBothEncodingsReadsAsKernelReadsIt() throws IOException {
        AllTypesTables.write(dir);
        for (String table : List.of(AllTypesTables.PLAIN, AllTypesTables.DICTIONARY)) {
            Path location = dir.resolve(table);
            StructType schema = DeltaTableReader.open(kernel, location).schema();
            int[] all = IntStream.range(0, schema.length()).toArray();
            // The flat columns the columnar reader fills (64- and 32-bit integers, double, boolean,
            // strings and binary), with nulls; then all columns, nested ones left to Kernel's reader.
            int[] flat = IntStream.range(0, schema.length())
                    .filter(i -> List.of("id", "i", "l", "d", "flag", "name", "path", "blob").contains(schema.at(i).getName()))
                    .toArray();
            assertThat(flat).hasSize(8);
            assertThat(rows(columnar, location, flat, Optional.empty())).as(table)
                    .hasSize(4_001).containsExactlyElementsOf(rows(kernel, location, flat, Optional.empty()));
            assertThat(rows(columnar, location, all, Optional.empty())).as(table)
                    .containsExactlyElementsOf(rows(kernel, location, all, Optional.empty()));
        }
    }

    @Test
    void theFlatColumnsAreReadColumnByColumnInBatchesAcrossRowGroups() throws IOException {
        // Row groups of about 64 KiB: the 40,000 rows span several, each read in batches.
        KernelEngine smallGroups = KernelEngine.create(Map.of(KernelEngine.PARQUET_ROW_GROUP_SIZE, "65536"));
        Path table = dir.resolve("t");
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(SampleBatches.SCHEMA, allocator)) {
            new DeltaTableWriter(smallGroups).create(table, SampleBatches.SCHEMA, SampleBatches.batches(root, 0, 40_000, 5_000));
        }
        DeltaTableReader reader = DeltaTableReader.open(kernel, table);
        String file = reader.dataFiles(Optional.empty()).get(0);
        StructType binaryStrings = KernelValues.binaryStrings(reader.schema());

        int rows = 0;
        int batches = 0;
        long size = Path.of(URI.create(file)).toFile().length();
        try (ColumnarParquetReader columns = ColumnarParquetReader.open(new Configuration(), file, size, binaryStrings, Optional.empty())) {
            assertThat(columns).isNotNull();
            while (columns.hasNext()) {
                ColumnarBatch batch = columns.next();
                assertThat(batch.getSize()).isBetween(1, ColumnarParquetReader.BATCH_ROWS);
                assertThat(batch.getColumnVector(0).getLong(0)).isEqualTo(rows);
                rows += batch.getSize();
                batches++;
            }
        }
        assertThat(rows).isEqualTo(40_000);
        // The columnar writer's pages are PLAIN with RLE levels: every column is decoded from the page bytes.
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), new Configuration()))) {
            MessageType fileSchema = footer.getFooter().getFileMetaData().getSchema();
            assertThat(footer.getRowGroups()).hasSizeGreaterThan(1).allSatisfy(rowGroup -> assertThat(rowGroup.getColumns())
                    .hasSize(6).allSatisfy(chunk -> assertThat(PlainPages.of(chunk,
                            fileSchema.getColumnDescription(chunk.getPath().toArray()), null)).isNotNull()));
        }
        assertThat(batches).isGreaterThan(40_000 / ColumnarParquetReader.BATCH_ROWS);

        int[] all = IntStream.range(0, reader.schema().length()).toArray();
        Predicate idBelow100 = new Predicate("<", new Column("id"), Literal.ofLong(100));
        assertThat(rows(columnar, table, all, Optional.empty())).hasSize(40_000)
                .containsExactlyElementsOf(rows(kernel, table, all, Optional.empty()));
        // A filter skips the same row groups both ways; the rows of the rest all come back.
        List<String> pruned = rows(columnar, table, all, Optional.of(idBelow100));
        assertThat(pruned).hasSizeLessThan(40_000).hasSizeGreaterThanOrEqualTo(100)
                .containsExactlyElementsOf(rows(kernel, table, all, Optional.of(idBelow100)));
    }

    @Test
    void pagesOfEveryCodecAreReadAsKernelReadsThem() {
        // A decompressed page is an array of its own; an uncompressed one is a slice of its chunk's bytes.
        for (String codec : List.of("UNCOMPRESSED", "SNAPPY", "ZSTD")) {
            KernelEngine writer = KernelEngine.create(Map.of(KernelEngine.PARQUET_COMPRESSION, codec, KernelEngine.PARQUET_ROW_GROUP_SIZE, "65536"));
            Path table = dir.resolve(codec);
            try (BufferAllocator allocator = new RootAllocator();
                    VectorSchemaRoot root = VectorSchemaRoot.create(SampleBatches.SCHEMA, allocator)) {
                new DeltaTableWriter(writer).create(table, SampleBatches.SCHEMA, SampleBatches.batches(root, 0, 20_000, 5_000));
            }
            int[] all = IntStream.range(0, SampleBatches.SCHEMA.getFields().size()).toArray();
            assertThat(rows(columnar, table, all, Optional.empty())).as(codec).hasSize(20_000)
                    .containsExactlyElementsOf(rows(kernel, table, all, Optional.empty()));
        }
    }

    @Test
    void dataFilesAreReadOnTheCallingThreadNotByVectoredReads() {
        // parquet-mr's vectored reads complete on a JDK thread pool, where a full heap once lost a completion for ever.
        assertThat(HadoopReadOptions.builder(KernelEngine.create(Map.of()).readConfiguration()).build().useHadoopVectoredIo())
                .as("the engine's reads").isFalse();
        assertThat(HadoopReadOptions.builder(KernelEngine.create(Map.of(KernelEngine.PARQUET_VECTORED_IO, "true")).readConfiguration())
                .build().useHadoopVectoredIo()).as("asked for").isTrue();
    }

    @Test
    void nestedOrOtherTypesAreLeftToKernelsReader() {
        StructType flat = new StructType().add("a", io.delta.kernel.types.LongType.LONG).add("b", io.delta.kernel.types.BinaryType.BINARY);
        assertThat(ColumnarParquetReader.supports(flat)).isTrue();
        assertThat(ColumnarParquetReader.supports(flat.add("c", io.delta.kernel.types.StringType.STRING))).isFalse();
        assertThat(ColumnarParquetReader.supports(flat.add(new StructField("d",
                new io.delta.kernel.types.ArrayType(io.delta.kernel.types.LongType.LONG, true), true)))).isFalse();
        assertThat(ColumnarParquetReader.supports(flat.add("e", io.delta.kernel.types.TimestampType.TIMESTAMP))).isFalse();
    }

    private static List<String> rows(KernelEngine engine, Path table, int[] columns, Optional<Predicate> filter) {
        DeltaTableReader reader = DeltaTableReader.open(engine, table);
        return TableFixture.read(reader, columns, filter).stream().map(row -> String.valueOf(deep(row))).toList();
    }

    /** Rows as text, structs (arrays) inside lists included. */
    private static Object deep(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(TestColumnarParquetReader::deep).toList();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestColumnarParquetReader::deep).toList();
        }
        return value;
    }
}
