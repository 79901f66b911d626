package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The statistics (min, max, null count) of the values of one top-level string or binary column
 * written since its last page, kept by the shredder while it writes them and handed to the page
 * in place of parquet-mr's, which the column has turned off.
 *
 * <p>parquet-mr keeps a page's statistics value by value, comparing each value with the min and the
 * max a byte at a time ({@code Binary.lexicographicCompare}): a quarter of the extraction's Parquet
 * encoding in a profile of a 14.6 MB build, most of it on runs of one value (a file's path on each
 * of its rows) compared in full twice. Here a value equal to the one before is skipped, and the
 * others are compared with {@link Arrays#compareUnsigned(byte[], int, int, byte[], int, int)},
 * which the JVM compares many bytes at a time. The order is parquet-mr's for these columns
 * (unsigned lexicographic, a prefix first), so the statistics, and the file's bytes, are the same.
 *
 * <p>A page holds every value written since the previous one: parquet-mr cuts pages only when a
 * record ends or a row group is flushed, and the shredder writes a slice of rows column by column
 * before it ends their records.
 */
final class BinaryPageStatistics {
    private final PrimitiveType type;
    private byte[] min = new byte[16];
    private int minLength;
    private byte[] max = new byte[16];
    private int maxLength;
    private boolean hasValue;
    private long nulls;
    private byte[] last;
    private int lastFrom;
    private int lastTo;

    /** Whether a top-level column of Arrow type {@code type} can have its statistics kept here: strings and binaries. */
    static boolean keeps(ArrowType type) {
        return type instanceof ArrowType.Utf8 || type instanceof ArrowType.Binary;
    }

    BinaryPageStatistics(PrimitiveType type) {
        this.type = requireNonNull(type, "type is null");
    }

    /** Counts the value {@code bytes[from, to)}; the array may change once the caller's batch slice is done (see {@link #endSlice}). */
    void add(byte[] bytes, int from, int to) {
        if (bytes == last && Arrays.equals(bytes, lastFrom, lastTo, bytes, from, to)) {
            return;
        }
        last = bytes;
        lastFrom = from;
        lastTo = to;
        int length = to - from;
        if (!hasValue) {
            hasValue = true;
            min = copy(min, bytes, from, length);
            minLength = length;
            max = copy(max, bytes, from, length);
            maxLength = length;
        } else if (Arrays.compareUnsigned(bytes, from, to, min, 0, minLength) < 0) {
            min = copy(min, bytes, from, length);
            minLength = length;
        } else if (Arrays.compareUnsigned(bytes, from, to, max, 0, maxLength) > 0) {
            max = copy(max, bytes, from, length);
            maxLength = length;
        }
    }

    /** Counts a null. */
    void addNull() {
        nulls++;
    }

    /** Forgets the last value's place: the caller reuses its array for the next slice. */
    void endSlice() {
        last = null;
    }

    /** The statistics of the values since the last call, as parquet-mr would have kept them; starts the next page's. */
    Statistics<?> take() {
        Statistics<?> statistics = Statistics.createStats(type);
        if (hasValue) {
            statistics.updateStats(Binary.fromReusedByteArray(min, 0, minLength));
            statistics.updateStats(Binary.fromReusedByteArray(max, 0, maxLength));
        }
        statistics.incrementNumNulls(nulls);
        hasValue = false;
        nulls = 0;
        last = null;
        return statistics;
    }

    private static byte[] copy(byte[] into, byte[] bytes, int from, int length) {
        byte[] target = into.length >= length ? into : new byte[Math.max(length, into.length * 2)];
        System.arraycopy(bytes, from, target, 0, length);
        return target;
    }

    /** {@code store}'s page writers, those of the columns in {@code statistics} giving each page those statistics. */
    static PageWriteStore substituting(PageWriteStore store, Map<ColumnDescriptor, BinaryPageStatistics> statistics) {
        return descriptor -> {
            PageWriter pages = store.getPageWriter(descriptor);
            BinaryPageStatistics own = statistics.get(descriptor);
            return own == null ? pages : new Substituting(pages, own);
        };
    }

    /** A page writer that replaces each data page's statistics by the column's own. */
    private static final class Substituting implements PageWriter {
        private final PageWriter pages;
        private final BinaryPageStatistics own;

        Substituting(PageWriter pages, BinaryPageStatistics own) {
            this.pages = pages;
            this.own = own;
        }

        @Override
        @SuppressWarnings("deprecation")
        public void writePage(BytesInput bytes, int valueCount, Statistics<?> statistics, Encoding repetitions, Encoding definitions,
                Encoding values) throws IOException {
            pages.writePage(bytes, valueCount, own.take(), repetitions, definitions, values);
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics, Encoding repetitions,
                Encoding definitions, Encoding values) throws IOException {
            pages.writePage(bytes, valueCount, rowCount, own.take(), repetitions, definitions, values);
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics, SizeStatistics sizes,
                Encoding repetitions, Encoding definitions, Encoding values) throws IOException {
            pages.writePage(bytes, valueCount, rowCount, own.take(), sizes, repetitions, definitions, values);
        }

        @Override
        public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics, SizeStatistics sizes,
                GeospatialStatistics geospatial, Encoding repetitions, Encoding definitions, Encoding values) throws IOException {
            pages.writePage(bytes, valueCount, rowCount, own.take(), sizes, geospatial, repetitions, definitions, values);
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels, BytesInput definitionLevels,
                Encoding dataEncoding, BytesInput data, Statistics<?> statistics) throws IOException {
            pages.writePageV2(rowCount, nullCount, valueCount, repetitionLevels, definitionLevels, dataEncoding, data, own.take());
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels, BytesInput definitionLevels,
                Encoding dataEncoding, BytesInput data, Statistics<?> statistics, SizeStatistics sizes) throws IOException {
            pages.writePageV2(rowCount, nullCount, valueCount, repetitionLevels, definitionLevels, dataEncoding, data, own.take(), sizes);
        }

        @Override
        public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels, BytesInput definitionLevels,
                Encoding dataEncoding, BytesInput data, Statistics<?> statistics, SizeStatistics sizes, GeospatialStatistics geospatial)
                throws IOException {
            pages.writePageV2(rowCount, nullCount, valueCount, repetitionLevels, definitionLevels, dataEncoding, data, own.take(), sizes,
                    geospatial);
        }

        @Override
        public long getMemSize() {
            return pages.getMemSize();
        }

        @Override
        public long allocatedSize() {
            return pages.allocatedSize();
        }

        @Override
        public void writeDictionaryPage(DictionaryPage page) throws IOException {
            pages.writeDictionaryPage(page);
        }

        @Override
        public String memUsageString(String prefix) {
            return pages.memUsageString(prefix);
        }

        @Override
        public void close() {
            pages.close();
        }
    }
}
