package io.codeanatomy.plugins.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Copies values Kernel read from a Parquet file into Arrow vectors of the same schema
 * ({@link ArrowSchemas}): how rows of a data file are carried into a new one. Value by value, for
 * every type a table of this plugin can have; the columnar writer then takes the Arrow batch as
 * it takes any other.
 */
final class KernelToArrow {
    private KernelToArrow() {}

    /** Sets {@code to[index]} to {@code from[row]}, growing {@code to} as needed. */
    static void copy(ColumnVector from, int row, FieldVector to, int index) {
        if (from.isNullAt(row)) {
            to.setNull(index);
            return;
        }
        if (from instanceof ArrayVectors.Binaries raw && (to instanceof VarCharVector || to instanceof VarBinaryVector)) {
            // Strings read as bytes by the columnar reader: the bytes as they are.
            raw.copyTo(row, (BaseVariableWidthVector) to, index);
        } else if (to instanceof VarCharVector strings) {
            strings.setSafe(index, from.getString(row).getBytes(StandardCharsets.UTF_8));
        } else if (to instanceof BigIntVector longs) {
            longs.setSafe(index, from.getLong(row));
        } else if (to instanceof IntVector ints) {
            ints.setSafe(index, from.getInt(row));
        } else if (to instanceof BitVector bits) {
            bits.setSafe(index, from.getBoolean(row) ? 1 : 0);
        } else if (to instanceof ListVector list) {
            ArrayValue array = from.getArray(row);
            int start = list.startNewValue(index);
            ColumnVector elements = array.getElements();
            FieldVector data = list.getDataVector();
            for (int i = 0; i < array.getSize(); i++) {
                copy(elements, i, data, start + i);
            }
            list.endValue(index, array.getSize());
        } else if (to instanceof StructVector struct) {
            struct.setIndexDefined(index);
            for (int c = 0; c < struct.size(); c++) {
                copy(from.getChild(c), row, (FieldVector) struct.getChildByOrdinal(c), index);
            }
        } else if (to instanceof SmallIntVector shorts) {
            shorts.setSafe(index, from.getShort(row));
        } else if (to instanceof TinyIntVector bytes) {
            bytes.setSafe(index, from.getByte(row));
        } else if (to instanceof Float8Vector doubles) {
            doubles.setSafe(index, from.getDouble(row));
        } else if (to instanceof Float4Vector floats) {
            floats.setSafe(index, from.getFloat(row));
        } else if (to instanceof VarBinaryVector binaries) {
            binaries.setSafe(index, from.getBinary(row));
        } else if (to instanceof DecimalVector decimals) {
            decimals.setSafe(index, from.getDecimal(row));
        } else if (to instanceof DateDayVector dates) {
            dates.setSafe(index, from.getInt(row));
        } else if (to instanceof TimeStampVector timestamps) {
            timestamps.setSafe(index, from.getLong(row));
        } else {
            throw new IllegalStateException("cannot copy a value into an Arrow vector of class " + to.getClass().getSimpleName());
        }
    }
}
