package io.codeanatomy.plugins.delta;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Loads rows as {@link DeltaTableReader#rows} returns them back into Arrow vectors, for the
 * benchmark that rewrites real tables: the types the CPG tables use (strings, binaries, int32,
 * int64, double, boolean, structs and lists of them).
 */
final class RowsToArrow {
    private RowsToArrow() {}

    static void load(VectorSchemaRoot root, List<Object[]> rows) {
        root.allocateNew();
        List<FieldVector> vectors = root.getFieldVectors();
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < vectors.size(); c++) {
                set(vectors.get(c), r, row[c]);
            }
        }
        root.setRowCount(rows.size());
    }

    private static void set(ValueVector vector, int index, Object value) {
        if (value == null) {
            if (vector instanceof ListVector list) {
                list.setNull(index);
            } else if (vector instanceof StructVector struct) {
                struct.setNull(index);
            } else {
                ((FieldVector) vector).setNull(index);
            }
            return;
        }
        if (vector instanceof VarCharVector strings) {
            strings.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof VarBinaryVector bytes) {
            bytes.setSafe(index, ((ByteString) value).getBytes());
        } else if (vector instanceof IntVector ints) {
            ints.setSafe(index, (Integer) value);
        } else if (vector instanceof BigIntVector longs) {
            longs.setSafe(index, ((Number) value).longValue());
        } else if (vector instanceof Float8Vector doubles) {
            doubles.setSafe(index, (Double) value);
        } else if (vector instanceof BitVector bits) {
            bits.setSafe(index, (Boolean) value ? 1 : 0);
        } else if (vector instanceof StructVector struct) {
            struct.setIndexDefined(index);
            Object[] fields = (Object[]) value;
            for (int i = 0; i < fields.length; i++) {
                set(struct.getChildByOrdinal(i), index, fields[i]);
            }
        } else if (vector instanceof ListVector list) {
            List<?> elements = (List<?>) value;
            int start = list.startNewValue(index);
            for (int i = 0; i < elements.size(); i++) {
                set(list.getDataVector(), start + i, elements.get(i));
            }
            list.endValue(index, elements.size());
        } else {
            throw new IllegalArgumentException("No loader for " + vector.getClass().getSimpleName());
        }
    }
}
