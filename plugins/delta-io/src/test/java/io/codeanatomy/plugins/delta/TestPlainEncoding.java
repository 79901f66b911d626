package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar writer's own encoding against parquet-mr's, over many pages and row groups. With
 * dictionary encoding on, its plain values ({@link PlainValuesWriters}) and statistics of top-level
 * string columns ({@link BinaryPageStatistics}) write the very bytes parquet-mr writes. With it off
 * (as the engine writes), the top-level columns of flat values encode their own pages
 * ({@link FlatColumnPages}), which may end at other rows than parquet-mr's: the files hold the same
 * rows, the same statistics per column, and each page's statistics in the column index are those
 * parquet-mr's own {@link Statistics} give the page's values.
 */
class TestPlainEncoding {
    private static final int PAGE_BYTES = 2_048;
    private static final long ROW_GROUP_BYTES = 40_000;

    @TempDir
    Path dir;

    @Test
    void everyColumnTypeIsWhatParquetMrWrites() throws Exception {
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.ZSTD)) {
            for (boolean dictionary : List.of(false, true)) {
                assertSameFile(codec, dictionary);
            }
        }
    }

    private void assertSameFile(CompressionCodecName codec, boolean dictionary) throws Exception {
        byte[] ours;
        byte[] theirs;
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(AllTypesBatches.SCHEMA, allocator)) {
            ours = write(AllTypesBatches.SCHEMA, AllTypesBatches.batches(root), codec, dictionary, ROW_GROUP_BYTES, ArrowParquetFile.Encoder.OURS);
        }
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(AllTypesBatches.SCHEMA, allocator)) {
            theirs = write(AllTypesBatches.SCHEMA, AllTypesBatches.batches(root), codec, dictionary, ROW_GROUP_BYTES,
                    ArrowParquetFile.Encoder.PARQUET_MR);
        }
        if (dictionary) {
            assertThat(Arrays.mismatch(ours, theirs)).as("first differing byte (%s, dictionary %s, %d bytes)", codec, dictionary, theirs.length)
                    .isEqualTo(-1);
        } else {
            assertThat(ParquetContents.assertSame(dir, ours, theirs)).as("pages checked").isGreaterThan(50);
        }
    }

    /**
     * Runs of one value, a value and its prefix, bytes above 0x7f (compared unsigned), empty strings,
     * nulls, a column of nulls only: the statistics of each page and chunk are parquet-mr's.
     */
    @Test
    void stringStatisticsAreParquetMrsOnRunsPrefixesHighBytesAndNulls() throws Exception {
        Schema schema = new Schema(List.of(
                Field.notNullable("n", new ArrowType.Int(32, true)),
                Field.notNullable("path", ArrowType.Utf8.INSTANCE),
                Field.nullable("name", ArrowType.Utf8.INSTANCE),
                Field.nullable("none", ArrowType.Utf8.INSTANCE)));
        byte[] ours;
        byte[] theirs;
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            ours = write(schema, strings(root), CompressionCodecName.UNCOMPRESSED, false, 3 * ROW_GROUP_BYTES, ArrowParquetFile.Encoder.OURS);
        }
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            theirs = write(schema, strings(root), CompressionCodecName.UNCOMPRESSED, false, 3 * ROW_GROUP_BYTES, ArrowParquetFile.Encoder.PARQUET_MR);
        }
        assertThat(ParquetContents.assertSame(dir, ours, theirs)).as("pages checked").isGreaterThan(10);

        Path file = dir.resolve("check.parquet");
        Files.write(file, ours);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            List<BlockMetaData> groups = reader.getFooter().getBlocks();
            assertThat(groups).hasSizeGreaterThan(1);
            assertThat(reader.readColumnIndex(groups.get(0).getColumns().get(1)).getMinValues()).hasSizeGreaterThan(1);
            Statistics<?> name = groups.get(0).getColumns().get(2).getStatistics();
            assertThat(name.getNumNulls()).isPositive();
            assertThat(new String(name.getMinBytes(), StandardCharsets.UTF_8)).isEmpty();
            assertThat(new String(name.getMaxBytes(), StandardCharsets.UTF_8)).isEqualTo("\u00e9t\u00e9");
            Statistics<?> none = groups.get(0).getColumns().get(3).getStatistics();
            assertThat(none.hasNonNullValue()).isFalse();
            assertThat(none.getNumNulls()).isEqualTo(groups.get(0).getRowCount());
        }
    }

    /**
     * Own pages' edges: pages ended by parquet-mr's row limit (20,000) with a large page size,
     * definition levels of sparse, dense and clustered nulls and of pages with none or only nulls,
     * booleans, int8 and int16 with nulls, and a string longer than a whole page.
     */
    @Test
    void ownPagesEndAtTheRowLimitAndEncodeEveryPatternOfNulls() throws Exception {
        Schema schema = new Schema(List.of(
                Field.nullable("sparse", new ArrowType.Int(32, true)),
                Field.nullable("dense", new ArrowType.Int(64, true)),
                Field.nullable("clustered", new ArrowType.Int(16, true)),
                Field.nullable("late", new ArrowType.Int(8, true)),
                Field.nullable("flag", ArrowType.Bool.INSTANCE),
                Field.nullable("text", ArrowType.Utf8.INSTANCE)));
        int rows = 50_000;
        for (int pageBytes : List.of(1 << 20, PAGE_BYTES)) {
            byte[] ours;
            byte[] theirs;
            try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
                ours = write(schema, patterns(root, rows), CompressionCodecName.UNCOMPRESSED, false, 64L << 20, pageBytes,
                        ArrowParquetFile.Encoder.OURS);
            }
            try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
                theirs = write(schema, patterns(root, rows), CompressionCodecName.UNCOMPRESSED, false, 64L << 20, pageBytes,
                        ArrowParquetFile.Encoder.PARQUET_MR);
            }
            assertThat(ParquetContents.assertSame(dir, ours, theirs)).as("pages checked").isGreaterThanOrEqualTo(schema.getFields().size() * 3);
            Path file = dir.resolve("limits" + pageBytes + ".parquet");
            Files.write(file, ours);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                BlockMetaData group = reader.getFooter().getBlocks().get(0);
                OffsetIndex flags = reader.readOffsetIndex(group.getColumns().get(4));
                if (pageBytes > PAGE_BYTES) {
                    assertThat(flags.getPageCount()).isEqualTo(3);
                    assertThat(flags.getFirstRowIndex(1)).isEqualTo(ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT);
                }
                OffsetIndex texts = reader.readOffsetIndex(group.getColumns().get(5));
                assertThat(texts.getPageCount()).isGreaterThan(pageBytes > PAGE_BYTES ? 2 : 100);
            }
        }
    }

    /** Rows of the patterns {@link #ownPagesEndAtTheRowLimitAndEncodeEveryPatternOfNulls} names, in batches of 7,000. */
    private static Iterator<VectorSchemaRoot> patterns(VectorSchemaRoot root, int rows) {
        int batch = 7_000;
        return java.util.stream.IntStream.range(0, (rows + batch - 1) / batch).mapToObj(b -> {
            root.clear();
            root.allocateNew();
            int count = Math.min(batch, rows - b * batch);
            for (int row = 0; row < count; row++) {
                int n = b * batch + row;
                IntVector sparse = (IntVector) root.getVector("sparse");
                if (n % 1_000 == 999) {
                    sparse.setNull(row);
                } else {
                    sparse.setSafe(row, n * 7 - 100_000);
                }
                org.apache.arrow.vector.BigIntVector dense = (org.apache.arrow.vector.BigIntVector) root.getVector("dense");
                if (n % 3 == 0) {
                    dense.setNull(row);
                } else {
                    dense.setSafe(row, (long) n * n - 5_000_000_000L);
                }
                org.apache.arrow.vector.SmallIntVector clustered = (org.apache.arrow.vector.SmallIntVector) root.getVector("clustered");
                if (n % 5_000 < 100) {
                    clustered.setNull(row);
                } else {
                    clustered.setSafe(row, (short) (n % 30_000 - 15_000));
                }
                org.apache.arrow.vector.TinyIntVector late = (org.apache.arrow.vector.TinyIntVector) root.getVector("late");
                if (n < 30_000) {
                    late.setNull(row);
                } else {
                    late.setSafe(row, (byte) (n % 256 - 128));
                }
                org.apache.arrow.vector.BitVector flag = (org.apache.arrow.vector.BitVector) root.getVector("flag");
                if (n % 11 == 0) {
                    flag.setNull(row);
                } else {
                    flag.setSafe(row, n % 13 < 6 ? 1 : 0);
                }
                VarCharVector text = (VarCharVector) root.getVector("text");
                if (n % 10_000 == 5) {
                    text.setSafe(row, "x".repeat(5_000 + n / 10_000).getBytes(StandardCharsets.UTF_8));
                } else if (n % 17 == 0) {
                    text.setNull(row);
                } else {
                    text.setSafe(row, ("t" + n % 97).getBytes(StandardCharsets.UTF_8));
                }
            }
            root.setRowCount(count);
            return root;
        }).iterator();
    }

    private static Iterator<VectorSchemaRoot> strings(VectorSchemaRoot root) {
        String[] names = {"ab", "a", "", "\u00e9t\u00e9", "z", "abc"};
        return List.of(0, 1, 2, 3, 4, 5).stream().map(batch -> {
            root.clear();
            root.allocateNew();
            int rows = 3_000;
            for (int row = 0; row < rows; row++) {
                int n = batch * rows + row;
                ((IntVector) root.getVector("n")).setSafe(row, n);
                ((VarCharVector) root.getVector("path")).setSafe(row, ("pkg/file" + n / 700 + ".py").getBytes(StandardCharsets.UTF_8));
                VarCharVector name = (VarCharVector) root.getVector("name");
                if (n % 7 == 0) {
                    name.setNull(row);
                } else {
                    name.setSafe(row, names[(n / 3) % names.length].getBytes(StandardCharsets.UTF_8));
                }
                ((VarCharVector) root.getVector("none")).setNull(row);
            }
            root.setRowCount(rows);
            return root;
        }).iterator();
    }

    private byte[] write(Schema schema, Iterator<VectorSchemaRoot> batches, CompressionCodecName codec, boolean dictionary,
            long rowGroupBytes, ArrowParquetFile.Encoder encoder) throws Exception {
        return write(schema, batches, codec, dictionary, rowGroupBytes, PAGE_BYTES, encoder);
    }

    private byte[] write(Schema schema, Iterator<VectorSchemaRoot> batches, CompressionCodecName codec, boolean dictionary,
            long rowGroupBytes, int pageBytes, ArrowParquetFile.Encoder encoder) throws Exception {
        Path file = Files.createTempFile(dir, encoder.name(), ".parquet");
        Files.delete(file);
        ParquetWriteSettings settings = new ParquetWriteSettings(codec, rowGroupBytes, pageBytes, dictionary, Long.MAX_VALUE, 1);
        try (ArrowParquetFile parquet = new ArrowParquetFile(new LocalOutputFile(file), schema, ParquetSchemas.toParquet(ArrowSchemas.toKernel(schema)),
                settings, new Configuration(false), encoder)) {
            while (batches.hasNext()) {
                parquet.write(batches.next());
            }
        }
        return Files.readAllBytes(file);
    }
}
