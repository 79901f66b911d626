package io.codeanatomy.runtime.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.apache.calcite.avatica.util.ByteString;

/**
 * Writes Calcite's runtime values (Enumerable convention) of one column into an Arrow vector. The
 * writer is chosen once per column so the row loop does no type dispatch. {@link #write} returns the
 * bytes the value added, which bounds batches by size as well as by rows.
 */
abstract class ColumnWriter {
    private static final long MICROS_PER_MILLI = 1000L;

    final FieldVector vector;
    private final boolean nullable;

    ColumnWriter(FieldVector vector) {
        this.vector = vector;
        this.nullable = vector.getField().isNullable();
    }

    static ColumnWriter of(FieldVector vector) {
        if (vector instanceof BitVector v) {
            return new ColumnWriter(v) {
                @Override
                long writeValue(int index, Object value) {
                    v.setSafe(index, ((Boolean) value) ? 1 : 0);
                    return 1;
                }
            };
        } else if (vector instanceof TinyIntVector v) {
            return fixed(v, 1, (index, value) -> v.setSafe(index, ((Number) value).byteValue()));
        } else if (vector instanceof SmallIntVector v) {
            return fixed(v, 2, (index, value) -> v.setSafe(index, ((Number) value).shortValue()));
        } else if (vector instanceof IntVector v) {
            return fixed(v, 4, (index, value) -> v.setSafe(index, ((Number) value).intValue()));
        } else if (vector instanceof BigIntVector v) {
            return fixed(v, 8, (index, value) -> v.setSafe(index, ((Number) value).longValue()));
        } else if (vector instanceof Float4Vector v) {
            return fixed(v, 4, (index, value) -> v.setSafe(index, ((Number) value).floatValue()));
        } else if (vector instanceof Float8Vector v) {
            return fixed(v, 8, (index, value) -> v.setSafe(index, ((Number) value).doubleValue()));
        } else if (vector instanceof DecimalVector v) {
            int scale = v.getScale();
            return fixed(v, 16, (index, value) -> v.setSafe(index, ((BigDecimal) value).setScale(scale, RoundingMode.UNNECESSARY)));
        } else if (vector instanceof DateDayVector v) {
            return fixed(v, 4, (index, value) -> v.setSafe(index, ((Number) value).intValue()));
        } else if (vector instanceof TimeStampVector v) {
            // Calcite represents timestamps as milliseconds since the epoch.
            return fixed(v, 8, (index, value) -> v.setSafe(index, ((Number) value).longValue() * MICROS_PER_MILLI));
        } else if (vector instanceof VarCharVector v) {
            return new ColumnWriter(v) {
                // Runs of one value are common (a file's path on each of its rows, a node kind), and
                // encoding a string to UTF-8 costs more than comparing it with the previous one.
                private String last;
                private byte[] lastBytes;

                @Override
                long writeValue(int index, Object value) {
                    String string = value.toString();
                    if (!string.equals(last)) {
                        last = string;
                        lastBytes = string.getBytes(StandardCharsets.UTF_8);
                    }
                    v.setSafe(index, lastBytes);
                    return lastBytes.length + 4L;
                }
            };
        } else if (vector instanceof VarBinaryVector v) {
            return new ColumnWriter(v) {
                @Override
                long writeValue(int index, Object value) {
                    byte[] bytes = value instanceof ByteString string ? string.getBytes() : (byte[]) value;
                    v.setSafe(index, bytes);
                    return bytes.length + 4L;
                }
            };
        } else if (vector instanceof StructVector v) {
            return new StructWriter(v);
        } else if (vector instanceof ListVector v) {
            return new ListWriter(v);
        }
        throw new IllegalArgumentException("no writer for Arrow vector " + vector.getClass().getSimpleName()
                + " of column '" + vector.getName() + "'");
    }

    /** Writes {@code value} (possibly null) at {@code index}; returns the bytes added. */
    final long write(int index, Object value) {
        if (value == null) {
            if (!nullable) {
                throw new IllegalStateException("column '" + vector.getName() + "' is declared NOT NULL but a row has null in it");
            }
            vector.setNull(index);
            return 1;
        }
        return writeValue(index, value);
    }

    abstract long writeValue(int index, Object value);

    private static ColumnWriter fixed(FieldVector vector, int width, FixedSetter setter) {
        return new ColumnWriter(vector) {
            @Override
            long writeValue(int index, Object value) {
                setter.set(index, value);
                return width;
            }
        };
    }

    @FunctionalInterface
    private interface FixedSetter {
        void set(int index, Object value);
    }

    /** Struct values arrive as {@code Object[]} or {@code List} in member order. */
    private static final class StructWriter extends ColumnWriter {
        private final StructVector struct;
        private final List<ColumnWriter> members = new ArrayList<>();

        StructWriter(StructVector struct) {
            super(struct);
            this.struct = struct;
            for (FieldVector child : struct.getChildrenFromFields()) {
                members.add(of(child));
            }
        }

        @Override
        long writeValue(int index, Object value) {
            List<?> values = value instanceof Object[] array ? Arrays.asList(array) : (List<?>) value;
            if (values.size() != members.size()) {
                throw new IllegalArgumentException("struct column '" + struct.getName() + "' expects "
                        + members.size() + " members, got " + values.size());
            }
            struct.setIndexDefined(index);
            long bytes = 1;
            for (int i = 0; i < members.size(); i++) {
                bytes += members.get(i).write(index, values.get(i));
            }
            return bytes;
        }
    }

    /** List values arrive as {@code List}. */
    private static final class ListWriter extends ColumnWriter {
        private final ListVector list;
        private final ColumnWriter elements;

        ListWriter(ListVector list) {
            super(list);
            this.list = list;
            this.elements = of(list.getDataVector());
        }

        @Override
        long writeValue(int index, Object value) {
            List<?> values = (List<?>) value;
            int offset = list.startNewValue(index);
            long bytes = 4;
            for (int i = 0; i < values.size(); i++) {
                bytes += elements.write(offset + i, values.get(i));
            }
            list.endValue(index, values.size());
            return bytes;
        }
    }
}
