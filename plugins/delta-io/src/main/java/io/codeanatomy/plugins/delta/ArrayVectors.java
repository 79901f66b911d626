package io.codeanatomy.plugins.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Kernel column vectors over Java arrays, as {@link ColumnarParquetReader} fills them: a null flag
 * per row (none for a required column) and the values, a binary column's bytes back to back with
 * each row's end offset.
 */
final class ArrayVectors {
    private ArrayVectors() {}

    private abstract static class Base implements ColumnVector {
        private final DataType type;
        private final int size;
        private final boolean[] nulls;

        Base(DataType type, int size, boolean[] nulls) {
            this.type = type;
            this.size = size;
            this.nulls = nulls;
        }

        @Override
        public DataType getDataType() {
            return type;
        }

        @Override
        public int getSize() {
            return size;
        }

        @Override
        public boolean isNullAt(int row) {
            return nulls != null && nulls[row];
        }

        @Override
        public void close() {}
    }

    /** A column the data file does not have: null on every row. */
    static final class Nulls extends Base {
        Nulls(DataType type, int size) {
            super(type, size, null);
        }

        @Override
        public boolean isNullAt(int row) {
            return true;
        }
    }

    static final class Binaries extends Base {
        private final byte[] bytes;
        private final int[] ends;

        Binaries(DataType type, int size, boolean[] nulls, byte[] bytes, int[] ends) {
            super(type, size, nulls);
            this.bytes = bytes;
            this.ends = ends;
        }

        private int start(int row) {
            return row == 0 ? 0 : ends[row - 1];
        }

        @Override
        public byte[] getBinary(int row) {
            return isNullAt(row) ? null : Arrays.copyOfRange(bytes, start(row), ends[row]);
        }

        /** Whether row {@code row} holds exactly the bytes of row {@code otherRow} of {@code other} (this vector or another). */
        boolean equalsAt(int row, Binaries other, int otherRow) {
            return Arrays.equals(bytes, start(row), ends[row], other.bytes, other.start(otherRow), other.ends[otherRow]);
        }

        /** Whether row {@code row} (not null) holds exactly {@code value}. */
        boolean equalsAt(int row, byte[] value) {
            return Arrays.equals(bytes, start(row), ends[row], value, 0, value.length);
        }

        /** Sets {@code to[index]} to row {@code row}'s bytes (not null), without copying them first. */
        void copyTo(int row, BaseVariableWidthVector to, int index) {
            int start = start(row);
            to.setSafe(index, bytes, start, ends[row] - start);
        }

        /** Row {@code row}'s bytes decoded as UTF-8, without copying them first. */
        String utf8(int row) {
            int start = start(row);
            return new String(bytes, start, ends[row] - start, StandardCharsets.UTF_8);
        }
    }

    static final class Longs extends Base {
        private final long[] values;

        Longs(DataType type, int size, boolean[] nulls, long[] values) {
            super(type, size, nulls);
            this.values = values;
        }

        @Override
        public long getLong(int row) {
            return values[row];
        }
    }

    static final class Ints extends Base {
        private final int[] values;

        Ints(DataType type, int size, boolean[] nulls, int[] values) {
            super(type, size, nulls);
            this.values = values;
        }

        @Override
        public int getInt(int row) {
            return values[row];
        }
    }

    static final class Booleans extends Base {
        private final boolean[] values;

        Booleans(DataType type, int size, boolean[] nulls, boolean[] values) {
            super(type, size, nulls);
            this.values = values;
        }

        @Override
        public boolean getBoolean(int row) {
            return values[row];
        }
    }

    static final class Doubles extends Base {
        private final double[] values;

        Doubles(DataType type, int size, boolean[] nulls, double[] values) {
            super(type, size, nulls);
            this.values = values;
        }

        @Override
        public double getDouble(int row) {
            return values[row];
        }
    }
}
