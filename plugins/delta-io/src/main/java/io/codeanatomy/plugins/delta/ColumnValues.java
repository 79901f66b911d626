package io.codeanatomy.plugins.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import java.util.Arrays;

/**
 * The values of one flat column chunk, one after the other, and the one place that copies a
 * batch's worth of them into an {@link ArrayVectors} vector. {@link PlainPages} decodes them from
 * PLAIN page bytes; {@link ColumnarParquetReader} takes them from parquet-mr's column reader for
 * other encodings.
 */
abstract class ColumnValues {
    /** Bytes per row a batch of binary values starts with: the first batch's guess, then the last batch's average and a little. */
    private int bytesPerRow = 16;
    private final boolean nullable;

    ColumnValues(boolean nullable) {
        this.nullable = nullable;
    }

    /** Moves to the next value; true (and past it) when it is null, else the next call reads it. */
    abstract boolean nextIsNull();

    abstract long readLong();

    abstract int readInt();

    abstract boolean readBoolean();

    abstract double readDouble();

    /** The length of the binary value the next {@link #copyBinary} copies. */
    abstract int binaryLength();

    /** Copies the binary value whose length {@link #binaryLength} gave into {@code into} at {@code at}. */
    abstract void copyBinary(byte[] into, int at);

    /** The next {@code rows} values as a vector of {@code type} (one that {@link ColumnarParquetReader#supports}). */
    final ColumnVector read(DataType type, int rows) {
        boolean[] nulls = nullable ? new boolean[rows] : null;
        if (type instanceof BinaryType) {
            int[] ends = new int[rows];
            // Sized from the batch before (a column's values are much alike in length: ids, paths),
            // so that the array is seldom grown and copied, nor left much larger than its values.
            // At most 64 MiB to start with (a batch of large values grows past it as before).
            byte[] bytes = new byte[(int) Math.max(16, Math.min((long) rows * bytesPerRow, 1 << 26))];
            int length = 0;
            for (int row = 0; row < rows; row++) {
                if (nextIsNull()) {
                    nulls[row] = true;
                } else {
                    int size = binaryLength();
                    if (length + size > bytes.length) {
                        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + size));
                    }
                    copyBinary(bytes, length);
                    length += size;
                }
                ends[row] = length;
            }
            bytesPerRow = rows == 0 ? bytesPerRow : Math.max(1, (int) (((long) length + length / 16) / rows + 1));
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
                    values[row] = readInt();
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
                    values[row] = readBoolean();
                }
            }
            return new ArrayVectors.Booleans(type, rows, nulls, values);
        }
        double[] values = new double[rows];
        for (int row = 0; row < rows; row++) {
            if (nextIsNull()) {
                nulls[row] = true;
            } else {
                values[row] = readDouble();
            }
        }
        return new ArrayVectors.Doubles(type, rows, nulls, values);
    }
}
