package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;

/**
 * Writes Arrow vectors into parquet-mr column writers, column by column, with the repetition and
 * definition levels computed from Arrow's validity bitmaps and list offsets (Dremel shredding).
 *
 * <p>Values are read straight from the Arrow buffers: fixed-width values by offset into the data
 * buffer, strings and binaries copied once into a scratch array that parquet-mr consumes as a
 * reused {@link Binary} (it copies what it keeps, the min and max), so no {@code String} is ever
 * built. A top-level primitive column is one tight loop per batch; nested columns (structs, lists,
 * lists of structs) walk each row's tree, writing every leaf below a null or empty value as a null
 * at the level where the value stops. parquet-mr encodes the pages and keeps each page's
 * statistics (min, max, null count) as the values go in, except for the top-level string columns
 * named to the constructor, whose statistics the shredder keeps ({@link BinaryPageStatistics}).
 *
 * <p>The row loops of the common leaf types are spelled out per type, not shared through a
 * virtual per-value read: one loop per class keeps each call site monomorphic, which C1 (the
 * CLI's compiler for builds) needs to inline the buffer reads.
 *
 * <p>Levels follow the schema {@link ParquetSchemas} builds: an optional field adds a definition
 * level; a list's repeated group adds one definition and one repetition level.
 */
final class ArrowParquetShredder {
    private final Node[] columns;
    private final List<Leaf> leaves = new ArrayList<>();
    private final Map<ColumnDescriptor, BinaryPageStatistics> pageStatistics = new LinkedHashMap<>();

    /**
     * @param ownStatistics the top-level string and binary columns whose page statistics the
     *     shredder keeps itself ({@link #pageStatistics}), parquet-mr's being off for them
     * @param elsewhere the top-level columns the shredder leaves alone: written by their own
     *     pages ({@link FlatColumnPages}), not through parquet-mr's column writers
     */
    ArrowParquetShredder(Schema arrowSchema, MessageType parquetSchema, Set<String> ownStatistics, Set<String> elsewhere) {
        requireNonNull(arrowSchema, "arrowSchema is null");
        requireNonNull(parquetSchema, "parquetSchema is null");
        requireNonNull(ownStatistics, "ownStatistics is null");
        requireNonNull(elsewhere, "elsewhere is null");
        List<Field> fields = arrowSchema.getFields();
        this.columns = new Node[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            Field field = fields.get(i);
            if (elsewhere.contains(field.getName())) {
                continue;
            }
            columns[i] = node(field, new ArrayList<>(List.of(field.getName())), 0, 0, parquetSchema);
            if (ownStatistics.contains(field.getName())) {
                if (!(columns[i] instanceof BinaryLeaf leaf)) {
                    throw new IllegalArgumentException("Column '" + field.getName() + "' is not a string or binary column; its statistics stay parquet-mr's.");
                }
                leaf.statistics = new BinaryPageStatistics(leaf.descriptor.getPrimitiveType());
                pageStatistics.put(leaf.descriptor, leaf.statistics);
            }
        }
    }

    /** The page statistics the shredder keeps, by column. */
    Map<ColumnDescriptor, BinaryPageStatistics> pageStatistics() {
        return Collections.unmodifiableMap(pageStatistics);
    }

    /** Points every leaf at its column writer in {@code store}; a new store starts each row group. */
    void bind(ColumnWriteStore store) {
        for (Leaf leaf : leaves) {
            leaf.writer = store.getColumnWriter(leaf.descriptor);
        }
    }

    /**
     * Writes rows {@code [from, to)} of {@code root}, one column after the other, but those written
     * elsewhere; the caller ends the records.
     */
    void write(VectorSchemaRoot root, int from, int to) {
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                columns[c].writeRows(root.getVector(c), from, to);
            }
        }
    }

    private Node node(Field field, List<String> path, int definition, int repetition, MessageType schema) {
        boolean nullable = field.isNullable();
        int defined = definition + (nullable ? 1 : 0);
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Struct) {
            List<Field> children = field.getChildren();
            Node[] nodes = new Node[children.size()];
            for (int i = 0; i < nodes.length; i++) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(children.get(i).getName());
                nodes[i] = node(children.get(i), childPath, defined, repetition, schema);
            }
            return new StructNode(nullable, defined, nodes);
        }
        if (type instanceof ArrowType.List) {
            List<String> elementPath = new ArrayList<>(path);
            elementPath.add("list");
            elementPath.add("element");
            Node element = node(field.getChildren().get(0), elementPath, defined + 1, repetition + 1, schema);
            return new ListNode(nullable, defined, repetition + 1, element);
        }
        ColumnDescriptor descriptor = schema.getColumnDescription(path.toArray(String[]::new));
        if (descriptor.getMaxDefinitionLevel() != defined || descriptor.getMaxRepetitionLevel() != repetition) {
            throw new IllegalStateException("Column " + path + " has levels (" + descriptor.getMaxRepetitionLevel() + ", "
                    + descriptor.getMaxDefinitionLevel() + ") in Parquet but (" + repetition + ", " + defined + ") in Arrow");
        }
        Leaf leaf = leaf(type, nullable, defined, descriptor, String.join(".", path));
        leaves.add(leaf);
        return leaf;
    }

    private static Leaf leaf(ArrowType type, boolean nullable, int defined, ColumnDescriptor descriptor, String path) {
        return switch (type.getTypeID()) {
            case Bool -> new BooleanLeaf(nullable, defined, descriptor);
            case Int -> switch (((ArrowType.Int) type).getBitWidth()) {
                case 8 -> new IntLeaf(nullable, defined, descriptor, 0);
                case 16 -> new IntLeaf(nullable, defined, descriptor, 1);
                case 32 -> new IntLeaf(nullable, defined, descriptor, 2);
                default -> new LongLeaf(nullable, defined, descriptor);
            };
            case Date -> new IntLeaf(nullable, defined, descriptor, 2);
            case Timestamp -> new LongLeaf(nullable, defined, descriptor);
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE
                    ? new FloatLeaf(nullable, defined, descriptor)
                    : new DoubleLeaf(nullable, defined, descriptor);
            case Utf8, Binary -> new BinaryLeaf(nullable, defined, descriptor);
            case Decimal -> new DecimalLeaf(nullable, defined, descriptor);
            default -> throw new DeltaIoException("Column '" + path + "' has Arrow type " + type
                    + ", which the columnar Parquet writer does not support.");
        };
    }

    /** One Arrow field and everything under it. */
    private abstract static class Node {
        final boolean nullable;
        /** The definition level of a present (non-null) value of this field. */
        final int defined;

        Node(boolean nullable, int defined) {
            this.nullable = nullable;
            this.defined = defined;
        }

        /** Writes the value at {@code index}, null or not, starting at repetition level {@code repetition}. */
        abstract void write(ValueVector vector, int index, int repetition);

        /** Writes a null at definition level {@code definition} into every leaf below this field. */
        abstract void writeNulls(int repetition, int definition);

        /** Writes the top-level rows {@code [from, to)}. */
        void writeRows(FieldVector vector, int from, int to) {
            for (int i = from; i < to; i++) {
                write(vector, i, 0);
            }
        }

        final boolean isNull(ValueVector vector, int index) {
            return nullable && vector.isNull(index);
        }
    }

    private static final class StructNode extends Node {
        private final Node[] children;

        StructNode(boolean nullable, int defined, Node[] children) {
            super(nullable, defined);
            this.children = children;
        }

        @Override
        void write(ValueVector vector, int index, int repetition) {
            if (isNull(vector, index)) {
                writeNulls(repetition, defined - 1);
                return;
            }
            StructVector struct = (StructVector) vector;
            for (int i = 0; i < children.length; i++) {
                children[i].write(struct.getChildByOrdinal(i), index, repetition);
            }
        }

        @Override
        void writeNulls(int repetition, int definition) {
            for (Node child : children) {
                child.writeNulls(repetition, definition);
            }
        }
    }

    private static final class ListNode extends Node {
        /** The repetition level of every element after a list's first. */
        private final int elementRepetition;
        private final Node element;

        ListNode(boolean nullable, int defined, int elementRepetition, Node element) {
            super(nullable, defined);
            this.elementRepetition = elementRepetition;
            this.element = element;
        }

        @Override
        void write(ValueVector vector, int index, int repetition) {
            if (isNull(vector, index)) {
                element.writeNulls(repetition, defined - 1);
                return;
            }
            ListVector list = (ListVector) vector;
            ArrowBuf offsets = list.getOffsetBuffer();
            int start = offsets.getInt((long) index * ListVector.OFFSET_WIDTH);
            int end = offsets.getInt((long) (index + 1) * ListVector.OFFSET_WIDTH);
            if (start == end) {
                element.writeNulls(repetition, defined);
                return;
            }
            ValueVector elements = list.getDataVector();
            element.write(elements, start, repetition);
            for (int i = start + 1; i < end; i++) {
                element.write(elements, i, elementRepetition);
            }
        }

        @Override
        void writeNulls(int repetition, int definition) {
            element.writeNulls(repetition, definition);
        }
    }

    /** A Parquet column: writes values through parquet-mr's column writer of the current row group. */
    private abstract static class Leaf extends Node {
        final ColumnDescriptor descriptor;
        ColumnWriter writer;

        Leaf(boolean nullable, int defined, ColumnDescriptor descriptor) {
            super(nullable, defined);
            this.descriptor = descriptor;
        }

        @Override
        final void write(ValueVector vector, int index, int repetition) {
            if (isNull(vector, index)) {
                writer.writeNull(repetition, defined - 1);
            } else {
                writeValue(vector, index, repetition);
            }
        }

        @Override
        final void writeNulls(int repetition, int definition) {
            writer.writeNull(repetition, definition);
        }

        /** Writes the non-null value at {@code index}. */
        abstract void writeValue(ValueVector vector, int index, int repetition);

        /** Whether the rows need a null check: only a nullable column with nulls in this batch does. */
        final boolean checksNulls(FieldVector vector) {
            return nullable && vector.getNullCount() > 0;
        }
    }

    private static final class BooleanLeaf extends Leaf {
        BooleanLeaf(boolean nullable, int defined, ColumnDescriptor descriptor) {
            super(nullable, defined, descriptor);
        }

        @Override
        void writeValue(ValueVector vector, int index, int repetition) {
            writer.write(((BitVector) vector).get(index) != 0, repetition, defined);
        }
    }

    /** int8, int16, int32 and date(day), written as INT32; {@code shift} is log2 of the Arrow width in bytes. */
    private static final class IntLeaf extends Leaf {
        private final int shift;
        private final BufferSlice slice = new BufferSlice();

        IntLeaf(boolean nullable, int defined, ColumnDescriptor descriptor, int shift) {
            super(nullable, defined, descriptor);
            this.shift = shift;
        }

        @Override
        void writeValue(ValueVector vector, int index, int repetition) {
            writer.write(read(((BaseFixedWidthVector) vector).getDataBuffer(), index), repetition, defined);
        }

        private int read(ArrowBuf data, int index) {
            long at = (long) index << shift;
            return switch (shift) {
                case 0 -> data.getByte(at);
                case 1 -> data.getShort(at);
                default -> data.getInt(at);
            };
        }

        @Override
        void writeRows(FieldVector vector, int from, int to) {
            ArrowBuf data = vector.getDataBuffer();
            boolean checksNulls = checksNulls(vector);
            if (shift == 2) {
                int[] values = slice.ints(data, from, to - from);
                for (int i = from; i < to; i++) {
                    if (checksNulls && vector.isNull(i)) {
                        writer.writeNull(0, defined - 1);
                    } else {
                        writer.write(values[i - from], 0, defined);
                    }
                }
                return;
            }
            for (int i = from; i < to; i++) {
                if (checksNulls && vector.isNull(i)) {
                    writer.writeNull(0, defined - 1);
                } else {
                    writer.write(read(data, i), 0, defined);
                }
            }
        }
    }

    /** int64 and timestamp(µs), written as INT64. */
    private static final class LongLeaf extends Leaf {
        private final BufferSlice slice = new BufferSlice();

        LongLeaf(boolean nullable, int defined, ColumnDescriptor descriptor) {
            super(nullable, defined, descriptor);
        }

        @Override
        void writeValue(ValueVector vector, int index, int repetition) {
            writer.write(((BaseFixedWidthVector) vector).getDataBuffer().getLong((long) index * Long.BYTES), repetition, defined);
        }

        @Override
        void writeRows(FieldVector vector, int from, int to) {
            long[] values = slice.longs(vector.getDataBuffer(), from, to - from);
            boolean checksNulls = checksNulls(vector);
            for (int i = from; i < to; i++) {
                if (checksNulls && vector.isNull(i)) {
                    writer.writeNull(0, defined - 1);
                } else {
                    writer.write(values[i - from], 0, defined);
                }
            }
        }
    }

    private static final class FloatLeaf extends Leaf {
        FloatLeaf(boolean nullable, int defined, ColumnDescriptor descriptor) {
            super(nullable, defined, descriptor);
        }

        @Override
        void writeValue(ValueVector vector, int index, int repetition) {
            writer.write(((BaseFixedWidthVector) vector).getDataBuffer().getFloat((long) index * Float.BYTES), repetition, defined);
        }
    }

    private static final class DoubleLeaf extends Leaf {
        DoubleLeaf(boolean nullable, int defined, ColumnDescriptor descriptor) {
            super(nullable, defined, descriptor);
        }

        @Override
        void writeValue(ValueVector vector, int index, int repetition) {
            writer.write(((BaseFixedWidthVector) vector).getDataBuffer().getDouble((long) index * Double.BYTES), repetition, defined);
        }

        @Override
        void writeRows(FieldVector vector, int from, int to) {
            ArrowBuf data = vector.getDataBuffer();
            boolean checksNulls = checksNulls(vector);
            for (int i = from; i < to; i++) {
                if (checksNulls && vector.isNull(i)) {
                    writer.writeNull(0, defined - 1);
                } else {
                    writer.write(data.getDouble((long) i * Double.BYTES), 0, defined);
                }
            }
        }
    }

    /**
     * utf8 and binary: the bytes go from Arrow's data buffer through scratch arrays, never through a
     * String. A slice of rows copies its offsets and its values' bytes out of the Arrow buffers in
     * one piece each, so no value pays the buffers' per-access bounds and reference-count checks.
     */
    private static final class BinaryLeaf extends Leaf {
        private byte[] scratch = new byte[256];
        private final BufferSlice slice = new BufferSlice();
        /** The page statistics this leaf keeps, when parquet-mr's are off for its column (a top-level column only). */
        private BinaryPageStatistics statistics;

        BinaryLeaf(boolean nullable, int defined, ColumnDescriptor descriptor) {
            super(nullable, defined, descriptor);
        }

        @Override
        void writeValue(ValueVector vector, int index, int repetition) {
            BaseVariableWidthVector strings = (BaseVariableWidthVector) vector;
            ArrowBuf offsetBuffer = strings.getOffsetBuffer();
            int start = offsetBuffer.getInt((long) index * BaseVariableWidthVector.OFFSET_WIDTH);
            int length = offsetBuffer.getInt((long) (index + 1) * BaseVariableWidthVector.OFFSET_WIDTH) - start;
            if (length > scratch.length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            strings.getDataBuffer().getBytes(start, scratch, 0, length);
            writer.write(Binary.fromReusedByteArray(scratch, 0, length), repetition, defined);
        }

        @Override
        void writeRows(FieldVector vector, int from, int to) {
            int count = to - from;
            if (count == 0) {
                return;
            }
            int[] offsets = slice.ints(vector.getOffsetBuffer(), from, count + 1);
            int first = offsets[0];
            int bytes = offsets[count] - first;
            if (bytes > scratch.length) {
                scratch = new byte[Math.max(bytes, scratch.length * 2)];
            }
            vector.getDataBuffer().getBytes(first, scratch, 0, bytes);
            boolean checksNulls = checksNulls(vector);
            for (int i = 0; i < count; i++) {
                if (checksNulls && vector.isNull(from + i)) {
                    writer.writeNull(0, defined - 1);
                    if (statistics != null) {
                        statistics.addNull();
                    }
                } else {
                    int start = offsets[i] - first;
                    int end = offsets[i + 1] - first;
                    writer.write(Binary.fromReusedByteArray(scratch, start, end - start), 0, defined);
                    if (statistics != null) {
                        statistics.add(scratch, start, end);
                    }
                }
            }
            if (statistics != null) {
                statistics.endSlice();
            }
        }
    }

    /** decimal128, as Kernel writes it: the unscaled value as INT32, INT64 or big-endian fixed bytes by precision. */
    private static final class DecimalLeaf extends Leaf {
        private final int precision;
        private final int fixedBytes;

        DecimalLeaf(boolean nullable, int defined, ColumnDescriptor descriptor) {
            super(nullable, defined, descriptor);
            this.precision = ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation)
                    descriptor.getPrimitiveType().getLogicalTypeAnnotation()).getPrecision();
            this.fixedBytes = descriptor.getPrimitiveType().getTypeLength();
        }

        @Override
        void writeValue(ValueVector vector, int index, int repetition) {
            BigInteger unscaled = ((DecimalVector) vector).getObject(index).unscaledValue();
            if (precision <= 9) {
                writer.write(unscaled.intValueExact(), repetition, defined);
            } else if (precision <= 18) {
                writer.write(unscaled.longValueExact(), repetition, defined);
            } else {
                writer.write(Binary.fromConstantByteArray(fixed(unscaled.toByteArray())), repetition, defined);
            }
        }

        /** Sign-extends a minimal two's complement to the column's fixed length. */
        private byte[] fixed(byte[] minimal) {
            byte[] bytes = new byte[fixedBytes];
            byte sign = (byte) (minimal[0] < 0 ? -1 : 0);
            int pad = fixedBytes - minimal.length;
            for (int i = 0; i < pad; i++) {
                bytes[i] = sign;
            }
            System.arraycopy(minimal, 0, bytes, pad, minimal.length);
            return bytes;
        }
    }
}
