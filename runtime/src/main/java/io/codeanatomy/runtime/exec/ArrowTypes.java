package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.arrow.ArrowContracts;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The Arrow schema of a Calcite row type. Timestamps become microseconds, Delta's unit:
 * {@code TIMESTAMP} without zone, {@code TIMESTAMP WITH LOCAL TIME ZONE} in UTC.
 */
public final class ArrowTypes {
    private ArrowTypes() {
    }

    public static Schema schema(RelDataType rowType) {
        requireNonNull(rowType, "rowType is null");
        List<Field> fields = new ArrayList<>(rowType.getFieldCount());
        for (RelDataTypeField field : rowType.getFieldList()) {
            fields.add(field(field.getName(), field.getType()));
        }
        return new Schema(fields);
    }

    static Field field(String name, RelDataType type) {
        FieldType fieldType = new FieldType(type.isNullable(), arrowType(name, type), null);
        return switch (type.getSqlTypeName()) {
            case ROW -> {
                List<Field> children = new ArrayList<>();
                for (RelDataTypeField member : type.getFieldList()) {
                    children.add(field(member.getName(), member.getType()));
                }
                yield new Field(name, fieldType, children);
            }
            case ARRAY, MULTISET -> new Field(name, fieldType,
                    List.of(field(ArrowContracts.LIST_ELEMENT, requireNonNull(type.getComponentType(), "component type"))));
            default -> new Field(name, fieldType, null);
        };
    }

    private static ArrowType arrowType(String name, RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case TINYINT -> new ArrowType.Int(8, true);
            case SMALLINT -> new ArrowType.Int(16, true);
            case INTEGER -> new ArrowType.Int(32, true);
            case BIGINT -> new ArrowType.Int(64, true);
            case REAL -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT, DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> new ArrowType.Decimal(type.getPrecision(), type.getScale(), 128);
            case CHAR, VARCHAR -> ArrowType.Utf8.INSTANCE;
            case BINARY, VARBINARY -> ArrowType.Binary.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            case ROW -> ArrowType.Struct.INSTANCE;
            case ARRAY, MULTISET -> ArrowType.List.INSTANCE;
            default -> throw new IllegalArgumentException("column '" + name + "' has type " + type.getFullTypeString()
                    + ", which has no Arrow mapping; cast it to a supported type");
        };
    }
}
