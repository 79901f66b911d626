package io.codeanatomy.plugins.delta;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesInput;
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
 * The pages of one flat column chunk whose values are all PLAIN-encoded (definition levels RLE or,
 * from an old writer, bit-packed), decoded straight from each page's bytes into a batch's arrays:
 * what the columnar writer writes ({@code docs/delta-io.md}). parquet-mr's column reader does the same one value at a time
 * through a {@code Binary} and a buffer slice per string (over half the time of a scan).
 */
final class PlainPages extends ColumnValues {
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
        super(descriptor.getMaxDefinitionLevel() > 0);
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

    @Override
    int binaryLength() {
        // A PLAIN binary value is its length (four bytes, little-endian), then its bytes.
        return readInt();
    }

    @Override
    void copyBinary(byte[] into, int at) {
        int size = (int) INT.get(page, position - 4);
        System.arraycopy(page, position, into, at, size);
        position += size;
    }

    @Override
    long readLong() {
        long value = (long) LONG.get(page, position);
        position += 8;
        return value;
    }

    @Override
    int readInt() {
        int value = (int) INT.get(page, position);
        position += 4;
        return value;
    }

    @Override
    boolean readBoolean() {
        // PLAIN booleans are bit-packed, least significant bit first, from the values' start.
        boolean value = (page[position + (booleanIndex >>> 3)] >>> (booleanIndex & 7) & 1) != 0;
        booleanIndex++;
        return value;
    }

    @Override
    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    boolean nextIsNull() {
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
                ByteBuffer bytes = bytes(v1.getBytes());
                int start = bytes.arrayOffset() + bytes.position();
                page = bytes.array();
                ByteBufferInputStream in = ByteBufferInputStream.wrap(bytes);
                if (maxDefinition > 0) {
                    // A flat column stores no repetition levels; its definition levels come first.
                    ValuesReader levels = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
                    levels.initFromPage(valuesInPage, in);
                    definitions = capacity(valuesInPage);
                    for (int i = 0; i < valuesInPage; i++) {
                        definitions[i] = levels.readInteger();
                    }
                }
                position = start + (int) in.position();
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
                ByteBuffer bytes = bytes(v2.getData());
                page = bytes.array();
                position = bytes.arrayOffset() + bytes.position();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a page of the column " + column + " failed", e);
        }
    }

    /**
     * A page's bytes as a buffer over an array, without copying them when they are one already (a
     * decompressed page, or a slice of an uncompressed chunk read onto the heap): {@code toByteArray}
     * copied every page once more.
     */
    private static ByteBuffer bytes(BytesInput input) throws IOException {
        ByteBuffer buffer = input.toByteBuffer();
        if (buffer.hasArray()) {
            return buffer;
        }
        // A direct buffer: copied onto the heap (the input may be a stream, read once already).
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return ByteBuffer.wrap(copy);
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
