package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The data pages of one top-level column of flat values (no list or struct at or above it:
 * integers, dates, timestamps, booleans, strings, binaries), encoded here straight from the Arrow
 * buffers and handed whole to parquet-mr's page writer, which compresses them and keeps the column
 * chunk, its column and offset indexes and the footer's statistics as it does for its own pages.
 *
 * <p>parquet-mr's column writer takes one value per call and passes it through a chain of calls
 * (repetition level, definition level, values writer, statistics, size statistics, bloom filter),
 * none of which C1, the CLI's compiler for builds, inlines; here a slice of rows is a loop per
 * type: a column without nulls copies its numbers' bytes in one piece (Arrow and Parquet's PLAIN
 * are both little-endian) and its strings' bytes one array copy each, and the statistics are a
 * comparison per value. The bytes are a version 1 data page as parquet-mr writes it: no repetition
 * levels (a top-level column has none), the definition levels of a nullable column as a 4-byte
 * length and the RLE/bit-packing hybrid (one run for a page without nulls; otherwise the validity
 * bits bit-packed, with runs of eight or more present values as runs), then the PLAIN values.
 *
 * <p>A page ends after {@code pageRows} rows or once its values reach {@code pageBytes}, whichever
 * comes first (parquet-mr's row-count limit and page size); the last page of a row group ends
 * with it ({@link #flush}). Not thread-safe: one file's writer uses it.
 */
final class FlatColumnPages {
    /** How a column's values are read from Arrow and written as PLAIN. */
    enum Kind {
        INT8(1), INT16(2), INT32(4), INT64(8), BOOLEAN(0), BINARY(0);

        /** Bytes per value in the Arrow buffer, 0 for bits and variable widths. */
        final int arrowWidth;

        Kind(int arrowWidth) {
            this.arrowWidth = arrowWidth;
        }
    }

    /** Consecutive whole groups of eight present values from which the levels are a run rather than bits. */
    private static final int MIN_RUN_GROUPS = 2;
    private static final byte ALL_PRESENT = (byte) 0xFF;

    private final ColumnDescriptor descriptor;
    private final PrimitiveType type;
    private final Kind kind;
    private final boolean nullable;
    private final boolean keepsStatistics;
    private final int pageBytes;
    private final int pageRows;
    /** The page's statistics for a string or binary column that keeps them. */
    private final BinaryPageStatistics binaryStatistics;
    private PageWriter writer;

    /** The page's PLAIN values; for booleans, one bit per present value. */
    private byte[] values = new byte[8_192];
    private int valueBytes;
    private int booleans;
    /** One bit per row of the page, set when the value is present (a nullable column only). */
    private final byte[] present;
    private int rows;
    private int nulls;
    private boolean hasValue;
    private long min;
    private long max;

    private byte[] scratch = new byte[256];
    private final BufferSlice slice = new BufferSlice();
    private byte[] validity = new byte[0];
    private byte[] levels = new byte[64];

    /**
     * @param keepsStatistics whether the pages carry min, max and null count (parquet-mr's
     *     statistics setting for the column)
     */
    FlatColumnPages(Kind kind, ColumnDescriptor descriptor, boolean keepsStatistics, int pageBytes, int pageRows) {
        this.kind = requireNonNull(kind, "kind is null");
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        if (descriptor.getMaxRepetitionLevel() != 0 || descriptor.getMaxDefinitionLevel() > 1) {
            throw new IllegalArgumentException("Column " + Arrays.toString(descriptor.getPath()) + " is not a top-level column of flat values.");
        }
        this.type = descriptor.getPrimitiveType();
        this.nullable = descriptor.getMaxDefinitionLevel() == 1;
        this.keepsStatistics = keepsStatistics;
        if (pageBytes <= 0 || pageRows <= 0) {
            throw new IllegalArgumentException("page size and rows must be positive: " + pageBytes + ", " + pageRows);
        }
        this.pageBytes = pageBytes;
        this.pageRows = pageRows;
        this.binaryStatistics = kind == Kind.BINARY && keepsStatistics ? new BinaryPageStatistics(type) : null;
        this.present = nullable ? new byte[(pageRows + 7) / 8] : null;
    }

    /**
     * How a top-level Arrow field's values are written here, or null when parquet-mr's column writer
     * keeps the field: nested fields, unsigned integers, floating point and decimals.
     */
    static Kind kindOf(Field field) {
        if (!field.getChildren().isEmpty()) {
            return null;
        }
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Int -> {
                ArrowType.Int integer = (ArrowType.Int) type;
                if (!integer.getIsSigned()) {
                    yield null;
                }
                yield switch (integer.getBitWidth()) {
                    case 8 -> Kind.INT8;
                    case 16 -> Kind.INT16;
                    case 32 -> Kind.INT32;
                    default -> Kind.INT64;
                };
            }
            case Date -> ((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY ? Kind.INT32 : null;
            case Timestamp -> Kind.INT64;
            case Bool -> Kind.BOOLEAN;
            case Utf8, Binary -> Kind.BINARY;
            default -> null;
        };
    }

    ColumnDescriptor descriptor() {
        return descriptor;
    }

    /** Starts a row group: the pages go to {@code writer} from now on. */
    void bind(PageWriter writer) {
        if (rows != 0) {
            throw new IllegalStateException("Column " + Arrays.toString(descriptor.getPath()) + " has rows of the last row group not written.");
        }
        this.writer = requireNonNull(writer, "writer is null");
    }

    /** Bytes the column holds for the row group: its written pages and the page being filled. */
    long bufferedBytes() {
        return writer.getMemSize() + valueBytes + (nullable ? rows >>> 3 : 0);
    }

    /** Writes rows {@code [from, to)} of {@code vector}, ending pages as they fill. */
    void write(FieldVector vector, int from, int to) throws IOException {
        boolean checksNulls = nullable && vector.getNullCount() > 0;
        while (from < to) {
            int count = Math.min(to - from, pageRows - rows);
            if (kind.arrowWidth > 0) {
                int width = Math.max(kind.arrowWidth, Integer.BYTES);
                count = Math.min(count, Math.max(1, (pageBytes - valueBytes + width - 1) / width));
            }
            if (checksNulls) {
                readValidity(vector, from, count);
            }
            int done = switch (kind) {
                case INT8, INT16, INT32 -> writeInts(vector.getDataBuffer(), from, count, checksNulls);
                case INT64 -> writeLongs(vector.getDataBuffer(), from, count, checksNulls);
                case BOOLEAN -> writeBooleans(vector.getDataBuffer(), from, count, checksNulls);
                case BINARY -> writeBinaries(vector, from, count, checksNulls);
            };
            from += done;
            if (rows >= pageRows || valueBytes >= pageBytes) {
                writePage();
            }
        }
    }

    /** Writes the page being filled, if it holds any row: a row group ends. */
    void flush() throws IOException {
        if (rows > 0) {
            writePage();
        }
    }

    private void readValidity(FieldVector vector, int from, int count) {
        int first = from >>> 3;
        int length = ((from + count - 1) >>> 3) - first + 1;
        if (validity.length < length) {
            validity = new byte[Math.max(length, validity.length * 2)];
        }
        vector.getValidityBuffer().getBytes(first, validity, 0, length);
    }

    /** Whether row {@code index} of the vector, within the slice read by {@link #readValidity} from {@code from}, is present. */
    private boolean isPresent(int from, int index) {
        int bit = index - (from & ~7);
        return (validity[bit >>> 3] & (1 << (bit & 7))) != 0;
    }

    private int writeInts(ArrowBuf data, int from, int count, boolean checksNulls) {
        ensureValues(count * Integer.BYTES);
        byte[] out = values;
        int at = valueBytes;
        if (kind == Kind.INT32 && !checksNulls) {
            data.getBytes((long) from * Integer.BYTES, out, at, count * Integer.BYTES);
            int[] read = slice.ints(data, from, count);
            int low = hasValue ? (int) min : Integer.MAX_VALUE;
            int high = hasValue ? (int) max : Integer.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                int value = read[i];
                if (value < low) {
                    low = value;
                }
                if (value > high) {
                    high = value;
                }
            }
            return copied(count, Integer.BYTES, low, high);
        }
        int shift = Integer.numberOfTrailingZeros(kind.arrowWidth);
        for (int i = 0; i < count; i++) {
            int index = from + i;
            if (checksNulls && !isPresent(from, index)) {
                nulls++;
                rows++;
                continue;
            }
            long offset = (long) index << shift;
            int value = switch (kind) {
                case INT8 -> data.getByte(offset);
                case INT16 -> data.getShort(offset);
                default -> data.getInt(offset);
            };
            count(value);
            out[at] = (byte) value;
            out[at + 1] = (byte) (value >>> 8);
            out[at + 2] = (byte) (value >>> 16);
            out[at + 3] = (byte) (value >>> 24);
            at += Integer.BYTES;
            setPresent(rows);
            rows++;
        }
        valueBytes = at;
        return count;
    }

    private int writeLongs(ArrowBuf data, int from, int count, boolean checksNulls) {
        ensureValues(count * Long.BYTES);
        byte[] out = values;
        int at = valueBytes;
        if (!checksNulls) {
            data.getBytes((long) from * Long.BYTES, out, at, count * Long.BYTES);
            long[] read = slice.longs(data, from, count);
            long low = hasValue ? min : Long.MAX_VALUE;
            long high = hasValue ? max : Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                long value = read[i];
                if (value < low) {
                    low = value;
                }
                if (value > high) {
                    high = value;
                }
            }
            return copied(count, Long.BYTES, low, high);
        }
        for (int i = 0; i < count; i++) {
            int index = from + i;
            if (!isPresent(from, index)) {
                nulls++;
                rows++;
                continue;
            }
            long value = data.getLong((long) index * Long.BYTES);
            count(value);
            for (int b = 0; b < Long.BYTES; b++) {
                out[at + b] = (byte) (value >>> (8 * b));
            }
            at += Long.BYTES;
            setPresent(rows);
            rows++;
        }
        valueBytes = at;
        return count;
    }

    /**
     * Counts {@code count} present values of {@code width} bytes, copied after the page's values,
     * whose min and max (with the page's before them) are {@code low} and {@code high}.
     */
    private int copied(int count, int width, long low, long high) {
        min = low;
        max = high;
        hasValue = true;
        valueBytes += count * width;
        markPresent(count);
        rows += count;
        return count;
    }

    private int writeBooleans(ArrowBuf data, int from, int count, boolean checksNulls) {
        ensureValues((booleans + count + 7) / 8 - valueBytes + 1);
        int first = from >>> 3;
        int length = ((from + count - 1) >>> 3) - first + 1;
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        data.getBytes(first, scratch, 0, length);
        byte[] out = values;
        for (int i = 0; i < count; i++) {
            int index = from + i;
            if (checksNulls && !isPresent(from, index)) {
                nulls++;
                rows++;
                continue;
            }
            int bit = index - (first << 3);
            boolean value = (scratch[bit >>> 3] & (1 << (bit & 7))) != 0;
            count(value ? 1 : 0);
            if (value) {
                out[booleans >>> 3] |= (byte) (1 << (booleans & 7));
            }
            booleans++;
            setPresent(rows);
            rows++;
        }
        valueBytes = (booleans + 7) >>> 3;
        return count;
    }

    private int writeBinaries(FieldVector vector, int from, int count, boolean checksNulls) {
        int[] offsets = slice.ints(vector.getOffsetBuffer(), from, count + 1);
        int base = offsets[0];
        // The rows this call takes: up to count, stopping once the page's values reach its size.
        int room = pageBytes - valueBytes;
        int taken = 0;
        int bytes = 0;
        while (taken < count) {
            bytes += offsets[taken + 1] - offsets[taken] + Integer.BYTES;
            taken++;
            if (bytes >= room) {
                break;
            }
        }
        int dataBytes = offsets[taken] - base;
        if (scratch.length < dataBytes) {
            scratch = new byte[Math.max(dataBytes, scratch.length * 2)];
        }
        vector.getDataBuffer().getBytes(base, scratch, 0, dataBytes);
        ensureValues(dataBytes + taken * Integer.BYTES);
        byte[] out = values;
        int at = valueBytes;
        BinaryPageStatistics statistics = binaryStatistics;
        for (int i = 0; i < taken; i++) {
            if (checksNulls && !isPresent(from, from + i)) {
                nulls++;
                if (statistics != null) {
                    statistics.addNull();
                }
                rows++;
                continue;
            }
            int start = offsets[i] - base;
            int length = offsets[i + 1] - base - start;
            out[at] = (byte) length;
            out[at + 1] = (byte) (length >>> 8);
            out[at + 2] = (byte) (length >>> 16);
            out[at + 3] = (byte) (length >>> 24);
            System.arraycopy(scratch, start, out, at + Integer.BYTES, length);
            at += Integer.BYTES + length;
            if (statistics != null) {
                statistics.add(scratch, start, start + length);
            }
            setPresent(rows);
            rows++;
        }
        if (statistics != null) {
            statistics.endSlice();
        }
        valueBytes = at;
        return taken;
    }

    private void count(long value) {
        if (!hasValue) {
            hasValue = true;
            min = value;
            max = value;
        } else if (value < min) {
            min = value;
        } else if (value > max) {
            max = value;
        }
    }

    private void ensureValues(int more) {
        if (valueBytes + more > values.length) {
            values = Arrays.copyOf(values, Math.max(valueBytes + more, values.length * 2));
        }
    }

    private void setPresent(int row) {
        if (present != null) {
            present[row >>> 3] |= (byte) (1 << (row & 7));
        }
    }

    /** Marks the next {@code count} rows of the page present. */
    private void markPresent(int count) {
        if (present == null) {
            return;
        }
        int row = rows;
        int end = rows + count;
        while (row < end && (row & 7) != 0) {
            setPresent(row++);
        }
        int wholeEnd = end & ~7;
        if (row < wholeEnd) {
            Arrays.fill(present, row >>> 3, wholeEnd >>> 3, ALL_PRESENT);
            row = wholeEnd;
        }
        while (row < end) {
            setPresent(row++);
        }
    }

    private void writePage() throws IOException {
        BytesInput valuesInput = BytesInput.from(values, 0, valueBytes);
        BytesInput page = nullable ? BytesInput.concat(definitionLevels(), valuesInput) : valuesInput;
        writer.writePage(page, rows, rows, statistics(),
                SizeStatistics.noopBuilder(type, 0, descriptor.getMaxDefinitionLevel()).build(),
                keepsStatistics ? GeospatialStatistics.newBuilder(type).build() : GeospatialStatistics.noopBuilder().build(),
                Encoding.BIT_PACKED, nullable ? Encoding.RLE : Encoding.BIT_PACKED, Encoding.PLAIN);
        if (kind == Kind.BOOLEAN) {
            Arrays.fill(values, 0, valueBytes, (byte) 0);
        }
        if (present != null) {
            Arrays.fill(present, 0, (rows + 7) >>> 3, (byte) 0);
        }
        valueBytes = 0;
        booleans = 0;
        rows = 0;
        nulls = 0;
        hasValue = false;
    }

    private Statistics<?> statistics() {
        if (!keepsStatistics) {
            return Statistics.noopStats(type);
        }
        if (binaryStatistics != null) {
            return binaryStatistics.take();
        }
        Statistics<?> statistics = Statistics.createStats(type);
        if (hasValue) {
            switch (kind) {
                case INT64 -> {
                    statistics.updateStats(min);
                    statistics.updateStats(max);
                }
                case BOOLEAN -> {
                    statistics.updateStats(min != 0);
                    statistics.updateStats(max != 0);
                }
                default -> {
                    statistics.updateStats((int) min);
                    statistics.updateStats((int) max);
                }
            }
        }
        statistics.incrementNumNulls(nulls);
        return statistics;
    }

    /**
     * The page's definition levels (bit width 1) as parquet-mr's v1 pages hold them: a 4-byte
     * little-endian length, then the RLE/bit-packing hybrid.
     */
    private BytesInput definitionLevels() {
        int length = 0;
        if (nulls == 0) {
            length = run(length, rows);
        } else {
            int groups = (rows + 7) >>> 3;
            int wholeGroups = rows >>> 3;
            int group = 0;
            while (group < groups) {
                int runEnd = presentRunEnd(group, wholeGroups);
                if (runEnd - group >= MIN_RUN_GROUPS) {
                    length = run(length, (runEnd - group) * 8);
                    group = runEnd;
                    continue;
                }
                int end = group + 1;
                while (end < groups && presentRunEnd(end, wholeGroups) - end < MIN_RUN_GROUPS) {
                    end++;
                }
                length = varint(length, ((end - group) << 1) | 1);
                ensureLevels(length + end - group);
                System.arraycopy(present, group, levels, length, end - group);
                length += end - group;
                group = end;
            }
        }
        byte[] prefix = {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)};
        return BytesInput.concat(BytesInput.from(prefix), BytesInput.from(levels, 0, length));
    }

    /** The group after the run of whole, all-present groups of eight that starts at {@code group}. */
    private int presentRunEnd(int group, int wholeGroups) {
        int end = group;
        while (end < wholeGroups && present[end] == ALL_PRESENT) {
            end++;
        }
        return end;
    }

    /** Appends a run of {@code count} present levels at {@code at}; returns the new length. */
    private int run(int at, int count) {
        int length = varint(at, count << 1);
        ensureLevels(length + 1);
        levels[length] = 1;
        return length + 1;
    }

    private int varint(int at, int value) {
        ensureLevels(at + 5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            levels[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        levels[at++] = (byte) v;
        return at;
    }

    private void ensureLevels(int length) {
        if (levels.length < length) {
            levels = Arrays.copyOf(levels, Math.max(length, levels.length * 2));
        }
    }
}
