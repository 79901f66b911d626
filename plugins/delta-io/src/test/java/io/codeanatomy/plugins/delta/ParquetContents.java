package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Compares two Parquet files by what a reader sees, for files whose pages may end at different
 * rows: parquet-mr's record reader gives the same rows, each column's statistics merged over the
 * row groups are equal, and every page of the first file that its column index describes has the
 * statistics parquet-mr's {@link Statistics} computes from the page's values (top-level columns).
 */
final class ParquetContents {
    private ParquetContents() {
    }

    /** Asserts that {@code ours} holds what {@code theirs} holds; returns the pages of {@code ours} checked against their values. */
    static int assertSame(Path dir, byte[] ours, byte[] theirs) throws Exception {
        Path oursFile = Files.createTempFile(dir, "ours", ".parquet");
        Path theirsFile = Files.createTempFile(dir, "theirs", ".parquet");
        Files.write(oursFile, ours);
        Files.write(theirsFile, theirs);
        assertSameRowsAndStatistics(oursFile, theirsFile);
        return checkPages(oursFile, rows(oursFile));
    }

    /** Asserts that the files hold the same rows, in order, and the same statistics per column. */
    static void assertSameRowsAndStatistics(Path ours, Path theirs) throws Exception {
        try (Rows oursRows = new Rows(ours); Rows theirsRows = new Rows(theirs)) {
            long row = 0;
            for (Group theirsRow = theirsRows.next(); theirsRow != null; theirsRow = theirsRows.next(), row++) {
                Group oursRow = oursRows.next();
                assertThat(oursRow).as("row %d", row).isNotNull();
                assertThat(oursRow.toString()).as("row %d", row).isEqualTo(theirsRow.toString());
            }
            assertThat(oursRows.next()).as("a row after the last").isNull();
        }
        List<Statistics<?>> oursStatistics = statistics(ours);
        List<Statistics<?>> theirsStatistics = statistics(theirs);
        assertThat(oursStatistics).hasSameSizeAs(theirsStatistics);
        for (int c = 0; c < theirsStatistics.size(); c++) {
            assertThat(oursStatistics.get(c)).as("statistics of column %d", c).isEqualTo(theirsStatistics.get(c));
        }
    }

    /** A file's rows one at a time, row group after row group. */
    private static final class Rows implements AutoCloseable {
        private final ParquetFileReader reader;
        private final MessageType schema;
        private RecordReader<Group> records;
        private long left;

        Rows(Path file) throws Exception {
            this.reader = ParquetFileReader.open(new LocalInputFile(file));
            this.schema = reader.getFooter().getFileMetaData().getSchema();
        }

        Group next() throws Exception {
            while (left == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    return null;
                }
                records = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
                left = pages.getRowCount();
            }
            left--;
            return records.read();
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }

    private static List<Group> rows(Path file) throws Exception {
        List<Group> rows = new ArrayList<>();
        try (Rows reader = new Rows(file)) {
            for (Group row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Each column's chunk statistics merged over the row groups. */
    private static List<Statistics<?>> statistics(Path file) throws Exception {
        List<Statistics<?>> merged = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData group : reader.getFooter().getBlocks()) {
                List<ColumnChunkMetaData> columns = group.getColumns();
                for (int c = 0; c < columns.size(); c++) {
                    Statistics<?> statistics = columns.get(c).getStatistics();
                    if (merged.size() <= c) {
                        merged.add(statistics.copy());
                    } else if (!merged.get(c).isEmpty() && !statistics.isEmpty()) {
                        merged.get(c).mergeStatistics(statistics);
                    }
                }
            }
        }
        return merged;
    }

    private static int checkPages(Path file, List<Group> rows) throws Exception {
        int checked = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            long firstRow = 0;
            for (BlockMetaData group : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData chunk : group.getColumns()) {
                    if (chunk.getPath().size() != 1) {
                        continue;
                    }
                    ColumnIndex index = reader.readColumnIndex(chunk);
                    OffsetIndex offsets = reader.readOffsetIndex(chunk);
                    if (index == null) {
                        continue;
                    }
                    int field = schema.getFieldIndex(chunk.getPath().toArray()[0]);
                    PrimitiveType type = schema.getType(field).asPrimitiveType();
                    for (int page = 0; page < offsets.getPageCount(); page++) {
                        long from = firstRow + offsets.getFirstRowIndex(page);
                        long to = firstRow + offsets.getLastRowIndex(page, group.getRowCount()) + 1;
                        Statistics<?> expected = Statistics.createStats(type);
                        for (long r = from; r < to; r++) {
                            add(expected, rows.get((int) r), field, type);
                        }
                        String where = chunk.getPath() + " page " + page + " rows " + from + "-" + to;
                        assertThat(index.getNullCounts().get(page)).as(where).isEqualTo(expected.getNumNulls());
                        assertThat(index.getNullPages().get(page)).as(where).isEqualTo(!expected.hasNonNullValue());
                        if (expected.hasNonNullValue()) {
                            assertBound(where + " min", bytes(index.getMinValues().get(page)), expected.getMinBytes(), -1);
                            assertBound(where + " max", bytes(index.getMaxValues().get(page)), expected.getMaxBytes(), 1);
                        }
                        checked++;
                    }
                }
                firstRow += group.getRowCount();
            }
        }
        return checked;
    }

    /**
     * The column index keeps a value up to {@link ParquetProperties#DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH}
     * bytes: a longer min is kept as its prefix, a longer max as a bound above it ({@code side} 1).
     */
    private static void assertBound(String where, byte[] indexed, byte[] expected, int side) {
        if (expected.length <= ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH) {
            assertThat(indexed).as(where).isEqualTo(expected);
        } else if (side < 0) {
            assertThat(Arrays.copyOf(expected, indexed.length)).as(where).isEqualTo(indexed);
        } else {
            assertThat(Arrays.compareUnsigned(indexed, expected)).as(where).isPositive();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static void add(Statistics<?> statistics, Group row, int field, PrimitiveType type) {
        if (row.getFieldRepetitionCount(field) == 0) {
            statistics.incrementNumNulls();
            return;
        }
        switch (type.getPrimitiveTypeName()) {
            case INT32 -> statistics.updateStats(row.getInteger(field, 0));
            case INT64 -> statistics.updateStats(row.getLong(field, 0));
            case BOOLEAN -> statistics.updateStats(row.getBoolean(field, 0));
            case FLOAT -> statistics.updateStats(row.getFloat(field, 0));
            case DOUBLE -> statistics.updateStats(row.getDouble(field, 0));
            default -> statistics.updateStats(row.getBinary(field, 0));
        }
    }

}
