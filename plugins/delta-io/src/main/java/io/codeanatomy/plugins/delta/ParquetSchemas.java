package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;
import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.apache.parquet.schema.Type.Repetition.OPTIONAL;
import static org.apache.parquet.schema.Type.Repetition.REQUIRED;

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
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema Kernel's default writer gives a Delta schema, rebuilt here because Kernel keeps
 * its converter ({@code ParquetSchemaUtils.toParquetSchema}) package-private. Same message name,
 * field names, repetitions and physical types: byte, short and int as plain INT32, timestamps as
 * INT64 microseconds, decimals as INT32/INT64/fixed bytes by precision, arrays as the standard
 * three-level {@code LIST} ({@code list.element}). Field ids are left out: Kernel adds them only
 * for column mapping and Iceberg compatibility, and Kernel refuses to write to column-mapped tables
 * anyway. {@code TestParquetSchemas} holds this against Kernel's own converter.
 */
final class ParquetSchemas {
    /** The message name Kernel's writer uses. */
    static final String MESSAGE_NAME = "DefaultKernelSchema";
    private static final int MAX_DIGITS_IN_INT = 9;
    private static final int MAX_DIGITS_IN_LONG = 18;

    private ParquetSchemas() {}

    static MessageType toParquet(StructType schema) {
        requireNonNull(schema, "schema is null");
        return new MessageType(MESSAGE_NAME, fields(schema));
    }

    private static List<Type> fields(StructType struct) {
        List<Type> fields = new ArrayList<>(struct.length());
        for (StructField field : struct.fields()) {
            fields.add(type(field.getDataType(), field.getName(), field.isNullable() ? OPTIONAL : REQUIRED));
        }
        return fields;
    }

    private static Type type(DataType type, String name, Type.Repetition repetition) {
        if (type instanceof BooleanType) {
            return Types.primitive(BOOLEAN, repetition).named(name);
        }
        if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType) {
            return Types.primitive(INT32, repetition).named(name);
        }
        if (type instanceof LongType) {
            return Types.primitive(INT64, repetition).named(name);
        }
        if (type instanceof FloatType) {
            return Types.primitive(FLOAT, repetition).named(name);
        }
        if (type instanceof DoubleType) {
            return Types.primitive(DOUBLE, repetition).named(name);
        }
        if (type instanceof StringType) {
            return Types.primitive(BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        if (type instanceof BinaryType) {
            return Types.primitive(BINARY, repetition).named(name);
        }
        if (type instanceof DateType) {
            return Types.primitive(INT32, repetition).as(LogicalTypeAnnotation.dateType()).named(name);
        }
        if (type instanceof TimestampType) {
            return Types.primitive(INT64, repetition).as(timestampType(true, MICROS)).named(name);
        }
        if (type instanceof TimestampNTZType) {
            return Types.primitive(INT64, repetition).as(timestampType(false, MICROS)).named(name);
        }
        if (type instanceof DecimalType decimal) {
            return decimal(decimal, name, repetition);
        }
        if (type instanceof StructType struct) {
            return new GroupType(repetition, name, fields(struct));
        }
        if (type instanceof ArrayType array) {
            Type element = type(array.getElementType(), "element", array.containsNull() ? OPTIONAL : REQUIRED);
            return Types.buildGroup(repetition)
                    .as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(element).named("list"))
                    .named(name);
        }
        throw new DeltaIoException("Column '" + name + "' has Delta type " + type
                + ", which the columnar Parquet writer does not support; write it with Kernel's writer ("
                + KernelEngine.WRITER + "=" + KernelEngine.KERNEL_WRITER + ").");
    }

    private static Type decimal(DecimalType decimal, String name, Type.Repetition repetition) {
        LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(decimal.getScale(), decimal.getPrecision());
        if (decimal.getPrecision() <= MAX_DIGITS_IN_INT) {
            return Types.primitive(INT32, repetition).as(annotation).named(name);
        }
        if (decimal.getPrecision() <= MAX_DIGITS_IN_LONG) {
            return Types.primitive(INT64, repetition).as(annotation).named(name);
        }
        return Types.primitive(FIXED_LEN_BYTE_ARRAY, repetition).as(annotation)
                .length(decimalBytes(decimal.getPrecision())).named(name);
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits, as Kernel computes it. */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }
}
