package io.codeanatomy.plugins.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Reads values out of Kernel column vectors as the Java objects Calcite's enumerable code expects:
 * boxed primitives, {@code String}, {@link ByteString} for binary, {@code BigDecimal}, {@code int}
 * days for DATE, {@code long} milliseconds for TIMESTAMP, {@code Object[]} for a struct, {@code List}
 * for an array and {@code Map} for a map.
 *
 * <p>Readers of strings keep state (the last value read), so each scan makes its own.
 */
final class KernelValues {
    private static final long MICROS_PER_MILLI = 1_000L;

    /** Reads the value at one row of a vector that is known not to be null there. */
    @FunctionalInterface
    interface Reader {
        Object read(ColumnVector vector, int row);
    }

    private KernelValues() {}

    /** A reader for vectors of {@code type} that returns {@code null} for null entries. */
    static Reader reader(DataType type) {
        Reader notNull = notNullReader(type);
        return (vector, row) -> vector.isNullAt(row) ? null : notNull.read(vector, row);
    }

    private static Reader notNullReader(DataType type) {
        if (type instanceof BooleanType) {
            return ColumnVector::getBoolean;
        }
        if (type instanceof ByteType) {
            return ColumnVector::getByte;
        }
        if (type instanceof ShortType) {
            return ColumnVector::getShort;
        }
        if (type instanceof IntegerType || type instanceof DateType) {
            return (vector, row) -> SmallNumbers.boxed(vector.getInt(row));
        }
        if (type instanceof LongType) {
            return (vector, row) -> SmallNumbers.boxed(vector.getLong(row));
        }
        if (type instanceof FloatType) {
            return ColumnVector::getFloat;
        }
        if (type instanceof DoubleType) {
            return (vector, row) -> SmallNumbers.boxed(vector.getDouble(row));
        }
        if (type instanceof StringType) {
            return new StringReader();
        }
        if (type instanceof BinaryType) {
            return (vector, row) -> new ByteString(vector.getBinary(row));
        }
        if (type instanceof DecimalType) {
            return ColumnVector::getDecimal;
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return (vector, row) -> Math.floorDiv(vector.getLong(row), MICROS_PER_MILLI);
        }
        if (type instanceof StructType struct) {
            return structReader(struct);
        }
        if (type instanceof ArrayType array) {
            return arrayReader(array);
        }
        if (type instanceof MapType map) {
            return mapReader(map);
        }
        throw new DeltaIoException("Delta type " + type + " cannot be read into a CodeAnatomy row.");
    }

    /**
     * Decodes a string column that {@link DeltaRowIterator} read from Parquet as binary (see
     * {@link #binaryStrings}) with {@code new String}, whose ASCII path is a copy; Kernel's
     * {@code getString} goes through a {@code CharsetDecoder} and a {@code CharBuffer} (nearly half
     * the samples of the CPG build's Delta scans). A run of one value (a file's path on each of its
     * rows, a kind) is decoded once and shared, so a spool holding the rows holds one string for the
     * run. A vector Kernel built as strings (a partition value) is asked for its string.
     */
    private static final class StringReader implements Reader {
        /** The vector and row of our columnar reader that {@link #last} was decoded from, or null. */
        private ArrayVectors.Binaries lastVector;
        private int lastRow;
        /** A copy of the bytes {@link #last} was decoded from out of any other vector, or null. */
        private byte[] lastBytes;
        private String last;

        @Override
        public Object read(ColumnVector vector, int row) {
            if (!(vector.getDataType() instanceof BinaryType)) {
                return vector.getString(row);
            }
            if (vector instanceof ArrayVectors.Binaries binaries) {
                // Compared with the last value where it lies, in its batch's array (our reader makes
                // new arrays for each batch and never writes them again), and decoded only when it
                // changes: no copy of the bytes of each value to compare the next one with.
                if (lastVector == null || !binaries.equalsAt(row, lastVector, lastRow)) {
                    last = binaries.utf8(row);
                }
                lastVector = binaries;
                lastRow = row;
                lastBytes = null;
                return last;
            }
            byte[] bytes = vector.getBinary(row);
            if (!Arrays.equals(bytes, lastBytes)) {
                // A copy: the vector's array may be reused once its batch is done.
                lastBytes = bytes.clone();
                last = new String(bytes, StandardCharsets.UTF_8);
            }
            lastVector = null;
            return last;
        }
    }

    /**
     * {@code physicalSchema} with its top-level string columns typed as binary: Kernel reads the same
     * Parquet column into a vector whose bytes {@link #reader} decodes itself.
     */
    static StructType binaryStrings(StructType physicalSchema) {
        StructType result = new StructType();
        for (StructField field : physicalSchema.fields()) {
            result = field.getDataType() instanceof StringType
                    ? result.add(new StructField(field.getName(), BinaryType.BINARY, field.isNullable(), field.getMetadata()))
                    : result.add(field);
        }
        return result;
    }

    private static Reader structReader(StructType struct) {
        Reader[] fields = new Reader[struct.length()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = reader(struct.at(i).getDataType());
        }
        return (vector, row) -> {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = fields[i].read(vector.getChild(i), row);
            }
            return values;
        };
    }

    private static Reader arrayReader(ArrayType array) {
        Reader element = reader(array.getElementType());
        return (vector, row) -> {
            ArrayValue value = vector.getArray(row);
            ColumnVector elements = value.getElements();
            List<Object> list = new ArrayList<>(value.getSize());
            for (int i = 0; i < value.getSize(); i++) {
                list.add(element.read(elements, i));
            }
            return list;
        };
    }

    private static Reader mapReader(MapType map) {
        Reader key = reader(map.getKeyType());
        Reader value = reader(map.getValueType());
        return (vector, row) -> {
            MapValue entries = vector.getMap(row);
            Map<Object, Object> result = new LinkedHashMap<>();
            for (int i = 0; i < entries.getSize(); i++) {
                result.put(key.read(entries.getKeys(), i), value.read(entries.getValues(), i));
            }
            return result;
        };
    }
}
