package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * A Kernel {@link ColumnVector} that reads an Arrow vector in place.
 *
 * <p>A view covers {@code size} rows starting at {@code offset} of the Arrow vector, so the elements
 * of one list entry are a view of the list's data vector without a copy. Kernel asks for values by
 * row through the getter of the column's Delta type, and only after {@link #isNullAt} said the row
 * holds a value; the getters read the Arrow buffers directly. Strings and binaries are the only
 * values materialised, because Kernel's getters return {@code String} and {@code byte[]}.
 */
abstract class ArrowColumnVector implements ColumnVector {
    private final ValueVector vector;
    private final DataType dataType;
    final int offset;
    private final int size;
    /** Whether any value of the whole Arrow vector is null; when none is, no row's bit is read. */
    private final boolean hasNulls;

    private ArrowColumnVector(ValueVector vector, DataType dataType, int offset, int size, boolean hasNulls) {
        this.vector = requireNonNull(vector, "vector is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.offset = offset;
        this.size = size;
        this.hasNulls = hasNulls;
    }

    /** A view of rows {@code [0, rowCount)} of {@code vector}, read as the Delta type {@code type}. */
    static ColumnVector of(ValueVector vector, DataType type, int rowCount) {
        return view(vector, type, 0, rowCount);
    }

    private static ArrowColumnVector view(ValueVector vector, DataType type, int offset, int size) {
        return view(vector, type, offset, size, NullFlags.of(vector));
    }

    /**
     * Whether a vector, and each vector below it (struct children, list elements), holds a null:
     * counted once per vector tree, because counting reads a whole vector and list elements get a
     * view per row (a list of structs counted per row was quadratic).
     */
    private record NullFlags(boolean any, NullFlags[] children) {
        static NullFlags of(ValueVector vector) {
            NullFlags[] children = new NullFlags[0];
            if (vector instanceof StructVector struct) {
                children = new NullFlags[struct.getChildrenFromFields().size()];
                for (int i = 0; i < children.length; i++) {
                    children[i] = of(struct.getChildByOrdinal(i));
                }
            } else if (vector instanceof ListVector list) {
                children = new NullFlags[] {of(list.getDataVector())};
            }
            return new NullFlags(vector.getNullCount() > 0, children);
        }
    }

    /** A view of {@code vector} whose null flags ({@code flags}) were counted once by the caller. */
    private static ArrowColumnVector view(ValueVector vector, DataType type, int offset, int size, NullFlags flags) {
        boolean hasNulls = flags.any();
        if (vector instanceof BitVector bits) {
            return new Bits(bits, type, offset, size, hasNulls);
        }
        if (vector instanceof TinyIntVector || vector instanceof SmallIntVector || vector instanceof IntVector
                || vector instanceof DateDayVector || vector instanceof BigIntVector
                || vector instanceof TimeStampMicroTZVector || vector instanceof TimeStampMicroVector
                || vector instanceof Float4Vector || vector instanceof Float8Vector) {
            return new FixedWidth((BaseFixedWidthVector) vector, type, offset, size, hasNulls);
        }
        if (vector instanceof DecimalVector decimals) {
            return new Decimals(decimals, type, offset, size, hasNulls);
        }
        if (vector instanceof VarCharVector || vector instanceof VarBinaryVector) {
            return new VariableWidth((BaseVariableWidthVector) vector, type, offset, size, hasNulls);
        }
        if (vector instanceof StructVector struct) {
            return new Structs(struct, (StructType) type, offset, size, flags);
        }
        if (vector instanceof ListVector list) {
            return new Lists(list, (ArrayType) type, offset, size, flags);
        }
        throw new DeltaIoException("Column '" + vector.getName() + "' is an Arrow "
                + vector.getClass().getSimpleName() + ", which the Delta writer does not support.");
    }

    @Override
    public final DataType getDataType() {
        return dataType;
    }

    @Override
    public final int getSize() {
        return size;
    }

    @Override
    public final boolean isNullAt(int rowId) {
        return hasNulls && vector.isNull(offset + rowId);
    }

    /** The Arrow vector belongs to its producer, which frees it; a view holds nothing to release. */
    @Override
    public final void close() {}

    private static final class Bits extends ArrowColumnVector {
        private final BitVector vector;

        Bits(BitVector vector, DataType type, int offset, int size, boolean hasNulls) {
            super(vector, type, offset, size, hasNulls);
            this.vector = vector;
        }

        @Override
        public boolean getBoolean(int rowId) {
            return vector.get(offset + rowId) != 0;
        }
    }

    /**
     * Every fixed-width primitive: the value of a row is {@code width} little-endian bytes at
     * {@code row * width} of the data buffer. Delta stores dates as epoch days and timestamps as
     * epoch microseconds, as these Arrow vectors do, so they read as int and long.
     */
    private static final class FixedWidth extends ArrowColumnVector {
        private final BaseFixedWidthVector vector;

        FixedWidth(BaseFixedWidthVector vector, DataType type, int offset, int size, boolean hasNulls) {
            super(vector, type, offset, size, hasNulls);
            this.vector = vector;
        }

        private ArrowBuf data() {
            return vector.getDataBuffer();
        }

        @Override
        public byte getByte(int rowId) {
            return data().getByte(offset + rowId);
        }

        @Override
        public short getShort(int rowId) {
            return data().getShort((offset + rowId) * (long) Short.BYTES);
        }

        @Override
        public int getInt(int rowId) {
            return data().getInt((offset + rowId) * (long) Integer.BYTES);
        }

        @Override
        public long getLong(int rowId) {
            return data().getLong((offset + rowId) * (long) Long.BYTES);
        }

        @Override
        public float getFloat(int rowId) {
            return data().getFloat((offset + rowId) * (long) Float.BYTES);
        }

        @Override
        public double getDouble(int rowId) {
            return data().getDouble((offset + rowId) * (long) Double.BYTES);
        }
    }

    private static final class Decimals extends ArrowColumnVector {
        private final DecimalVector vector;

        Decimals(DecimalVector vector, DataType type, int offset, int size, boolean hasNulls) {
            super(vector, type, offset, size, hasNulls);
            this.vector = vector;
        }

        @Override
        public BigDecimal getDecimal(int rowId) {
            return vector.getObject(offset + rowId);
        }
    }

    /**
     * UTF-8 strings and binaries: the bytes between a row's offset and the next row's.
     *
     * <p>Kernel's writer asks for each string as a {@code String} and encodes it again; consecutive
     * rows often hold the same string (a file's path and id, a scope's id, an enumeration), so the
     * last string decoded is reused while the next row's bytes equal its bytes, which saves two
     * copies and a decode per repeated value.
     */
    private static final class VariableWidth extends ArrowColumnVector {
        private final BaseVariableWidthVector vector;
        private String lastString;
        private int lastStart;
        private int lastEnd;

        VariableWidth(BaseVariableWidthVector vector, DataType type, int offset, int size, boolean hasNulls) {
            super(vector, type, offset, size, hasNulls);
            this.vector = vector;
        }

        @Override
        public byte[] getBinary(int rowId) {
            int index = offset + rowId;
            int start = vector.getStartOffset(index);
            byte[] bytes = new byte[vector.getEndOffset(index) - start];
            vector.getDataBuffer().getBytes(start, bytes);
            return bytes;
        }

        @Override
        public String getString(int rowId) {
            int index = offset + rowId;
            int start = vector.getStartOffset(index);
            int end = vector.getEndOffset(index);
            ArrowBuf data = vector.getDataBuffer();
            if (lastString != null && end - start == lastEnd - lastStart
                    && ByteFunctionHelpers.equal(data, lastStart, lastEnd, data, start, end) == 1) {
                return lastString;
            }
            byte[] bytes = new byte[end - start];
            data.getBytes(start, bytes);
            lastString = new String(bytes, StandardCharsets.UTF_8);
            lastStart = start;
            lastEnd = end;
            return lastString;
        }
    }

    /** Struct children share the struct's row range. */
    private static final class Structs extends ArrowColumnVector {
        private final ArrowColumnVector[] children;

        Structs(StructVector vector, StructType type, int offset, int size, NullFlags flags) {
            super(vector, type, offset, size, flags.any());
            this.children = new ArrowColumnVector[type.length()];
            for (int i = 0; i < children.length; i++) {
                children[i] = view(vector.getChildByOrdinal(i), type.at(i).getDataType(), offset, size, flags.children()[i]);
            }
        }

        @Override
        public ColumnVector getChild(int ordinal) {
            return children[ordinal];
        }
    }

    /** A list entry is a view of the data vector between the entry's start and end offsets. */
    private static final class Lists extends ArrowColumnVector {
        private final ListVector vector;
        private final DataType elementType;
        private final NullFlags elementFlags;

        Lists(ListVector vector, ArrayType type, int offset, int size, NullFlags flags) {
            super(vector, type, offset, size, flags.any());
            this.vector = vector;
            this.elementType = type.getElementType();
            this.elementFlags = flags.children()[0];
        }

        @Override
        public ArrayValue getArray(int rowId) {
            int index = offset + rowId;
            int start = vector.getElementStartIndex(index);
            int length = vector.getElementEndIndex(index) - start;
            ColumnVector elements = view(vector.getDataVector(), elementType, start, length, elementFlags);
            return new ArrayValue() {
                @Override
                public int getSize() {
                    return length;
                }

                @Override
                public ColumnVector getElements() {
                    return elements;
                }
            };
        }
    }
}
