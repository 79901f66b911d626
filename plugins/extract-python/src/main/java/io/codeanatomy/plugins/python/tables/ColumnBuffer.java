package io.codeanatomy.plugins.python.tables;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * One column's values for the batch being filled, kept in Java arrays and copied into the batch's
 * Arrow vector in one piece per buffer when the batch is full ({@link #fill}). Setting values one
 * at a time in an Arrow vector checks its bounds, reference count and capacity per value: that
 * was about a sixth of the extraction's CPU on the standard library. Not thread-safe.
 */
abstract sealed class ColumnBuffer {
    /** Rows held so far. */
    protected int rows;

    /** Copies the {@link #rows} held into {@code vector}, allocated to fit them, and empties this buffer. */
    abstract void fill(FieldVector vector);

    /** Drops the values held. */
    void clear() {
        rows = 0;
    }

    /**
     * A heap buffer of {@code length} bytes in Arrow's byte order, to be filled in bulk and copied
     * into a vector's buffer in one piece ({@link #copy}).
     */
    static ByteBuffer bytes(long length) {
        return ByteBuffer.allocate(Math.toIntExact(length)).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void copy(ByteBuffer bytes, ArrowBuf buf) {
        buf.setBytes(0, bytes.array(), 0, bytes.capacity());
    }

    static int grow(int capacity, int needed) {
        return Math.max(needed, Math.max(16, capacity + (capacity >> 1)));
    }

    /**
     * A validity bitmap, least significant bit first as Arrow lays it out; every row valid unless
     * {@link #setNull} says otherwise.
     */
    static final class Validity {
        private byte[] bits = new byte[16];
        private boolean anyNull;

        void setNull(int row) {
            ensure(row);
            bits[row >>> 3] |= (byte) (1 << (row & 7));
            anyNull = true;
        }

        private void ensure(int row) {
            if ((row >>> 3) >= bits.length) {
                bits = Arrays.copyOf(bits, grow(bits.length, (row >>> 3) + 1));
            }
        }

        /** Writes the bitmap of {@code rows} rows into {@code buf} (set bits are valid rows). */
        void copyTo(ArrowBuf buf, int rows) {
            byte[] valid = new byte[(rows + 7) >>> 3];
            for (int i = 0; i < valid.length; i++) {
                valid[i] = (byte) ~(anyNull && i < bits.length ? bits[i] : 0);
            }
            write(buf, valid, rows);
        }

        /** Writes the bitmap of {@code rows} rows that are all valid into {@code buf}. */
        static void allValid(ArrowBuf buf, int rows) {
            byte[] valid = new byte[(rows + 7) >>> 3];
            Arrays.fill(valid, (byte) 0xFF);
            write(buf, valid, rows);
        }

        /** Clears the bits past {@code rows} in the last byte of {@code valid} and copies it into {@code buf}. */
        private static void write(ArrowBuf buf, byte[] valid, int rows) {
            if ((rows & 7) != 0) {
                valid[valid.length - 1] &= (byte) ((1 << (rows & 7)) - 1);
            }
            buf.setBytes(0, valid, 0, valid.length);
        }

        void clear() {
            if (anyNull) {
                Arrays.fill(bits, (byte) 0);
                anyNull = false;
            }
        }
    }

    /** UTF-8 strings: their bytes back to back, their end offsets, and which are null. */
    static final class Utf8 extends ColumnBuffer {
        private byte[] data = new byte[1024];
        private int length;
        private int[] ends = new int[64];
        private final Validity validity = new Validity();

        void add(byte[] value) {
            reserve(value.length);
            System.arraycopy(value, 0, data, length, value.length);
            length += value.length;
            end();
        }

        /** Adds a string whose characters are all ASCII, copying them as bytes. */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies each char's low byte: exact for ASCII
        void addAscii(String value) {
            int n = value.length();
            reserve(n);
            value.getBytes(0, n, data, length);
            length += n;
            end();
        }

        /** Makes room for {@code bytes} more bytes of data. */
        private void reserve(int bytes) {
            if (length + bytes > data.length) {
                data = Arrays.copyOf(data, grow(data.length, length + bytes));
            }
        }

        void addNull() {
            validity.setNull(rows);
            end();
        }

        private void end() {
            if (rows == ends.length) {
                ends = Arrays.copyOf(ends, grow(ends.length, rows + 1));
            }
            ends[rows++] = length;
        }

        @Override
        void fill(FieldVector vector) {
            BaseVariableWidthVector strings = (BaseVariableWidthVector) vector;
            strings.allocateNew(Math.max(length, 1), Math.max(rows, 1));
            copyOffsets(strings.getOffsetBuffer(), ends, rows);
            validity.copyTo(strings.getValidityBuffer(), rows);
            if (length > 0) {
                strings.getDataBuffer().setBytes(0, data, 0, length);
            }
            strings.setLastSet(rows - 1);
            strings.setValueCount(rows);
            clear();
        }

        @Override
        void clear() {
            super.clear();
            length = 0;
            validity.clear();
        }
    }

    /** {@code INT32} or {@code INT64} values, kept as {@code long}s. */
    static final class Numbers extends ColumnBuffer {
        private final boolean int32;
        private long[] values = new long[64];

        private Numbers(boolean int32) {
            this.int32 = int32;
        }

        static Numbers int32() {
            return new Numbers(true);
        }

        static Numbers int64() {
            return new Numbers(false);
        }

        void add(long value) {
            if (rows == values.length) {
                values = Arrays.copyOf(values, grow(values.length, rows + 1));
            }
            values[rows++] = value;
        }

        @Override
        void fill(FieldVector vector) {
            BaseFixedWidthVector fixed = allocate(vector, rows);
            ByteBuffer bytes = bytes((long) (int32 ? Integer.BYTES : Long.BYTES) * rows);
            if (int32) {
                for (int i = 0; i < rows; i++) {
                    bytes.putInt(i * Integer.BYTES, (int) values[i]);
                }
            } else {
                bytes.asLongBuffer().put(values, 0, rows);
            }
            copy(bytes, fixed.getDataBuffer());
            fixed.setValueCount(rows);
            clear();
        }
    }

    /** {@code BOOLEAN} values, one bit each. */
    static final class Bool extends ColumnBuffer {
        private byte[] bits = new byte[16];

        void add(boolean value) {
            if ((rows >>> 3) >= bits.length) {
                bits = Arrays.copyOf(bits, grow(bits.length, (rows >>> 3) + 1));
            }
            if (value) {
                bits[rows >>> 3] |= (byte) (1 << (rows & 7));
            }
            rows++;
        }

        @Override
        void fill(FieldVector vector) {
            BaseFixedWidthVector booleans = allocate(vector, rows);
            int bytes = (rows + 7) >>> 3;
            booleans.getDataBuffer().setBytes(0, bits, 0, bytes);
            booleans.setValueCount(rows);
            clear();
        }

        @Override
        void clear() {
            Arrays.fill(bits, 0, Math.min(bits.length, (rows + 7) >>> 3), (byte) 0);
            super.clear();
        }
    }

    /**
     * Non-null lists: each row's element count, and the elements in a buffer of their own
     * ({@link Utf8} or {@link Numbers}).
     */
    static final class Lists<E extends ColumnBuffer> extends ColumnBuffer {
        private final E elements;
        private int[] ends = new int[64];

        Lists(E elements) {
            this.elements = elements;
        }

        /** The buffer the row's elements are added to before {@link #endRow}. */
        E elements() {
            return elements;
        }

        void endRow() {
            if (rows == ends.length) {
                ends = Arrays.copyOf(ends, grow(ends.length, rows + 1));
            }
            ends[rows++] = elements.rows;
        }

        @Override
        void fill(FieldVector vector) {
            ListVector list = (ListVector) vector;
            list.setInitialCapacity(Math.max(rows, 1));
            list.allocateNew();
            while (list.getValueCapacity() < rows) {
                list.reAlloc();
            }
            copyOffsets(list.getOffsetBuffer(), ends, rows);
            Validity.allValid(list.getValidityBuffer(), rows);
            elements.fill(list.getDataVector());
            list.setLastSet(rows - 1);
            list.setValueCount(rows);
            clear();
        }

        @Override
        void clear() {
            super.clear();
            elements.clear();
        }
    }

    /** Allocates a fixed-width vector for {@code rows} non-null values. */
    private static BaseFixedWidthVector allocate(FieldVector vector, int rows) {
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
        fixed.allocateNew(Math.max(rows, 1));
        Validity.allValid(fixed.getValidityBuffer(), rows);
        return fixed;
    }

    /** Writes the offsets 0, ends[0], ..., ends[rows - 1] of a variable-width or list vector. */
    private static void copyOffsets(ArrowBuf offsets, int[] ends, int rows) {
        ByteBuffer bytes = bytes(4L * (rows + 1));
        bytes.position(4);
        bytes.asIntBuffer().put(ends, 0, rows);
        copy(bytes, offsets);
    }
}
