package io.codeanatomy.plugins.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * The pages of one flat column chunk whose values are all PLAIN-encoded and whose definition levels
 * are RLE, decoded straight from each page's bytes into a batch's arrays: what the columnar writer
 * writes ({@code docs/delta-io.md}). parquet-mr's column reader does the same one value at a time
 * through a {@code Binary} and a buffer slice per string (over half the time of a scan).
 */
final class PlainPages {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Set<Encoding> PLAIN_AND_LEVELS = EnumSet.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED);

    private final PageReader pages;
    private final ColumnDescriptor descriptor;
    private final int maxDefinition;
    private final String column;
    private byte[] page;
    private int position;
    /** The current page's definition levels, one per value; null for a required column. */
    private int[] definitions;
    private int valuesInPage;
    private int valueInPage;
    private int booleanIndex;

    private PlainPages(PageReader pages, ColumnDescriptor descriptor) {
        this.pages = pages;
        this.descriptor = descriptor;
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.column = String.join(".", descriptor.getPath());
    }

    /**
     * The plain decoder of {@code chunk}'s pages, or null when the chunk has a dictionary or another
     * value encoding, which parquet-mr's reader decodes instead. (Levels may be RLE or, from an old
     * writer, bit-packed: a chunk's encodings do not say which levels use which.)
     */
    static PlainPages of(ColumnChunkMetaData chunk, ColumnDescriptor descriptor, PageReader pages) {
        boolean plain = !chunk.hasDictionaryPage() && PLAIN_AND_LEVELS.containsAll(chunk.getEncodings());
        return plain && descriptor.getMaxRepetitionLevel() == 0 ? new PlainPages(pages, descriptor) : null;
    }

    /** The next {@code rows} values as a vector of {@code type} (a type {@link ColumnarParquetReader} reads). */
    ColumnVector read(DataType type, int rows) {
        boolean[] nulls = maxDefinition == 0 ? null : new boolean[rows];
        if (type instanceof BinaryType) {
            int[] ends = new int[rows];
            byte[] bytes = new byte[rows * 16];
            int length = 0;
            for (int row = 0; row < rows; row++) {
                if (nextIsNull()) {
                    nulls[row] = true;
                } else {
                    int size = (int) INT.get(page, position);
                    position += 4;
                    if (length + size > bytes.length) {
                        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + size));
                    }
                    System.arraycopy(page, position, bytes, length, size);
                    position += size;
                    length += size;
                }
                ends[row] = length;
            }
            return new ArrayVectors.Binaries(type, rows, nulls, bytes, ends);
        }
        if (type instanceof LongType) {
            long[] values = new long[rows];
            for (int row = 0; row < rows; row++) {
                if (nextIsNull()) {
                    nulls[row] = true;
                } else {
                    values[row] = readLong();
                }
            }
            return new ArrayVectors.Longs(type, rows, nulls, values);
        }
        if (type instanceof IntegerType) {
            int[] values = new int[rows];
            for (int row = 0; row < rows; row++) {
                if (nextIsNull()) {
                    nulls[row] = true;
                } else {
                    values[row] = (int) INT.get(page, position);
                    position += 4;
                }
            }
            return new ArrayVectors.Ints(type, rows, nulls, values);
        }
        if (type instanceof BooleanType) {
            boolean[] values = new boolean[rows];
            for (int row = 0; row < rows; row++) {
                if (nextIsNull()) {
                    nulls[row] = true;
                } else {
                    // PLAIN booleans are bit-packed, least significant bit first, from the values' start.
                    values[row] = (page[position + (booleanIndex >>> 3)] >>> (booleanIndex & 7) & 1) != 0;
                    booleanIndex++;
                }
            }
            return new ArrayVectors.Booleans(type, rows, nulls, values);
        }
        double[] values = new double[rows];
        for (int row = 0; row < rows; row++) {
            if (nextIsNull()) {
                nulls[row] = true;
            } else {
                values[row] = Double.longBitsToDouble(readLong());
            }
        }
        return new ArrayVectors.Doubles(type, rows, nulls, values);
    }

    private long readLong() {
        long value = (long) LONG.get(page, position);
        position += 8;
        return value;
    }

    /** Moves to the next value, loading the next page when this one is done; whether it is null. */
    private boolean nextIsNull() {
        if (valueInPage == valuesInPage) {
            nextPage();
        }
        int value = valueInPage++;
        return definitions != null && definitions[value] < maxDefinition;
    }

    private void nextPage() {
        DataPage next = pages.readPage();
        if (next == null) {
            throw new IllegalStateException("The column " + column + " has fewer values than its row group's rows.");
        }
        try {
            valuesInPage = next.getValueCount();
            valueInPage = 0;
            booleanIndex = 0;
            if (next instanceof DataPageV1 v1) {
                plain(v1.getValueEncoding());
                page = v1.getBytes().toByteArray();
                ByteBufferInputStream in = ByteBufferInputStream.wrap(ByteBuffer.wrap(page));
                if (maxDefinition > 0) {
                    // A flat column stores no repetition levels; its definition levels come first.
                    ValuesReader levels = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
                    levels.initFromPage(valuesInPage, in);
                    definitions = capacity(valuesInPage);
                    for (int i = 0; i < valuesInPage; i++) {
                        definitions[i] = levels.readInteger();
                    }
                }
                position = (int) in.position();
            } else {
                DataPageV2 v2 = (DataPageV2) next;
                plain(v2.getDataEncoding());
                if (maxDefinition > 0) {
                    byte[] levels = v2.getDefinitionLevels().toByteArray();
                    RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(
                            BytesUtils.getWidthFromMaxInt(maxDefinition), new ByteArrayInputStream(levels));
                    definitions = capacity(valuesInPage);
                    for (int i = 0; i < valuesInPage; i++) {
                        definitions[i] = decoder.readInt();
                    }
                }
                page = v2.getData().toByteArray();
                position = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a page of the column " + column + " failed", e);
        }
    }

    private void plain(Encoding encoding) {
        if (encoding != Encoding.PLAIN) {
            throw new IllegalStateException("A page of the column " + column + " is " + encoding
                    + "-encoded, though its column chunk lists only PLAIN values.");
        }
    }

    private int[] capacity(int count) {
        return definitions != null && definitions.length >= count ? definitions : new int[count];
    }
}
