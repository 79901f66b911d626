package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.arrow.ArrowContracts;
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
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Converts between Arrow schemas and Delta Kernel schemas.
 *
 * <p>Supported: boolean, signed 8/16/32/64-bit integers, float, double, UTF-8 string, binary,
 * 128-bit decimal, date (days), timestamp in microseconds (UTC or zone-less), struct and list.
 * Everything else is rejected with the column's name, so a caller learns at once which column to
 * change instead of failing halfway through a write.
 */
public final class ArrowSchemas {
    private ArrowSchemas() {}

    /** The Delta schema for an Arrow schema; field order, names and nullability are kept. */
    public static StructType toKernel(Schema schema) {
        requireNonNull(schema, "schema is null");
        return toKernelStruct(schema.getFields(), "");
    }

    /** The Arrow schema for a Delta schema; the inverse of {@link #toKernel(Schema)}. */
    public static Schema toArrow(StructType schema) {
        requireNonNull(schema, "schema is null");
        List<Field> fields = new ArrayList<>(schema.length());
        for (StructField field : schema.fields()) {
            fields.add(toArrowField(field.getName(), field.getDataType(), field.isNullable()));
        }
        return new Schema(fields);
    }

    private static StructType toKernelStruct(List<Field> fields, String prefix) {
        List<StructField> kernelFields = new ArrayList<>(fields.size());
        for (Field field : fields) {
            String path = prefix + field.getName();
            kernelFields.add(new StructField(field.getName(), toKernelType(field, path), field.isNullable()));
        }
        return new StructType(kernelFields);
    }

    private static DataType toKernelType(Field field, String path) {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Bool -> BooleanType.BOOLEAN;
            case Int -> integerType((ArrowType.Int) type, path);
            case FloatingPoint -> floatingType((ArrowType.FloatingPoint) type, path);
            case Utf8 -> StringType.STRING;
            case Binary -> BinaryType.BINARY;
            case Decimal -> decimalType((ArrowType.Decimal) type, path);
            case Date -> {
                if (((ArrowType.Date) type).getUnit() != DateUnit.DAY) {
                    throw unsupported(path, type);
                }
                yield DateType.DATE;
            }
            case Timestamp -> timestampType((ArrowType.Timestamp) type, path);
            case Struct -> toKernelStruct(field.getChildren(), path + ".");
            case List -> {
                Field element = field.getChildren().get(0);
                yield new ArrayType(toKernelType(element, path + "[]"), element.isNullable());
            }
            default -> throw unsupported(path, type);
        };
    }

    private static DataType integerType(ArrowType.Int type, String path) {
        if (!type.getIsSigned()) {
            throw unsupported(path, type);
        }
        return switch (type.getBitWidth()) {
            case 8 -> ByteType.BYTE;
            case 16 -> ShortType.SHORT;
            case 32 -> IntegerType.INTEGER;
            case 64 -> LongType.LONG;
            default -> throw unsupported(path, type);
        };
    }

    private static DataType floatingType(ArrowType.FloatingPoint type, String path) {
        return switch (type.getPrecision()) {
            case SINGLE -> FloatType.FLOAT;
            case DOUBLE -> DoubleType.DOUBLE;
            default -> throw unsupported(path, type);
        };
    }

    private static DataType decimalType(ArrowType.Decimal type, String path) {
        if (type.getBitWidth() != 128) {
            throw unsupported(path, type);
        }
        return new DecimalType(type.getPrecision(), type.getScale());
    }

    private static DataType timestampType(ArrowType.Timestamp type, String path) {
        if (type.getUnit() != TimeUnit.MICROSECOND) {
            throw unsupported(path, type);
        }
        String zone = type.getTimezone();
        if (zone == null) {
            return TimestampNTZType.TIMESTAMP_NTZ;
        }
        if (zone.equals("UTC") || zone.equals("Z") || zone.equals("+00:00")) {
            return TimestampType.TIMESTAMP;
        }
        throw unsupported(path, type);
    }

    private static Field toArrowField(String name, DataType type, boolean nullable) {
        if (type instanceof StructType struct) {
            List<Field> children = new ArrayList<>(struct.length());
            for (StructField child : struct.fields()) {
                children.add(toArrowField(child.getName(), child.getDataType(), child.isNullable()));
            }
            return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
        }
        if (type instanceof ArrayType array) {
            Field element = toArrowField(ArrowContracts.LIST_ELEMENT, array.getElementType(), array.containsNull());
            return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(element));
        }
        return new Field(name, new FieldType(nullable, toArrowPrimitive(name, type), null), null);
    }

    private static ArrowType toArrowPrimitive(String name, DataType type) {
        if (type instanceof BooleanType) {
            return ArrowType.Bool.INSTANCE;
        }
        if (type instanceof ByteType) {
            return new ArrowType.Int(8, true);
        }
        if (type instanceof ShortType) {
            return new ArrowType.Int(16, true);
        }
        if (type instanceof IntegerType) {
            return new ArrowType.Int(32, true);
        }
        if (type instanceof LongType) {
            return new ArrowType.Int(64, true);
        }
        if (type instanceof FloatType) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
        }
        if (type instanceof DoubleType) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        }
        if (type instanceof StringType) {
            return ArrowType.Utf8.INSTANCE;
        }
        if (type instanceof BinaryType) {
            return ArrowType.Binary.INSTANCE;
        }
        if (type instanceof DecimalType decimal) {
            return new ArrowType.Decimal(decimal.getPrecision(), decimal.getScale(), 128);
        }
        if (type instanceof DateType) {
            return new ArrowType.Date(DateUnit.DAY);
        }
        if (type instanceof TimestampType) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
        }
        if (type instanceof TimestampNTZType) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        }
        throw new DeltaIoException("Column '" + name + "' has Delta type " + type
                + ", which CodeAnatomy cannot represent in Arrow.");
    }

    private static DeltaIoException unsupported(String path, ArrowType type) {
        return new DeltaIoException("Column '" + path + "' has Arrow type " + type
                + ", which the Delta writer does not support; use boolean, signed integers, float, double, "
                + "utf8, binary, decimal128, date(day), timestamp(microsecond, UTC or no zone), struct or list.");
    }
}
