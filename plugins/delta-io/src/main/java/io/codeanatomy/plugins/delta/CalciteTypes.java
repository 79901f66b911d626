package io.codeanatomy.plugins.delta;

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
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite row types for Delta schemas. A Delta TIMESTAMP is an instant, so it becomes
 * {@code TIMESTAMP WITH LOCAL TIME ZONE}; TIMESTAMP_NTZ becomes {@code TIMESTAMP}. Both carry
 * milliseconds, as {@link KernelValues} produces them.
 */
final class CalciteTypes {
    private CalciteTypes() {}

    static RelDataType rowType(StructType schema, RelDataTypeFactory factory) {
        return struct(schema, factory);
    }

    private static RelDataType struct(StructType schema, RelDataTypeFactory factory) {
        List<RelDataType> types = new ArrayList<>(schema.length());
        List<String> names = new ArrayList<>(schema.length());
        for (StructField field : schema.fields()) {
            names.add(field.getName());
            types.add(type(field.getDataType(), field.isNullable(), factory));
        }
        return factory.createStructType(StructKind.FULLY_QUALIFIED, types, names);
    }

    private static RelDataType type(DataType type, boolean nullable, RelDataTypeFactory factory) {
        return factory.createTypeWithNullability(notNullType(type, factory), nullable);
    }

    private static RelDataType notNullType(DataType type, RelDataTypeFactory factory) {
        if (type instanceof StructType struct) {
            return struct(struct, factory);
        }
        if (type instanceof ArrayType array) {
            return factory.createArrayType(type(array.getElementType(), array.containsNull(), factory), -1);
        }
        if (type instanceof MapType map) {
            return factory.createMapType(
                    type(map.getKeyType(), false, factory),
                    type(map.getValueType(), map.isValueContainsNull(), factory));
        }
        if (type instanceof DecimalType decimal) {
            return factory.createSqlType(SqlTypeName.DECIMAL, decimal.getPrecision(), decimal.getScale());
        }
        return factory.createSqlType(primitive(type));
    }

    private static SqlTypeName primitive(DataType type) {
        if (type instanceof BooleanType) {
            return SqlTypeName.BOOLEAN;
        }
        if (type instanceof ByteType) {
            return SqlTypeName.TINYINT;
        }
        if (type instanceof ShortType) {
            return SqlTypeName.SMALLINT;
        }
        if (type instanceof IntegerType) {
            return SqlTypeName.INTEGER;
        }
        if (type instanceof LongType) {
            return SqlTypeName.BIGINT;
        }
        if (type instanceof FloatType) {
            return SqlTypeName.REAL;
        }
        if (type instanceof DoubleType) {
            return SqlTypeName.DOUBLE;
        }
        if (type instanceof StringType) {
            return SqlTypeName.VARCHAR;
        }
        if (type instanceof BinaryType) {
            return SqlTypeName.VARBINARY;
        }
        if (type instanceof DateType) {
            return SqlTypeName.DATE;
        }
        if (type instanceof TimestampType) {
            return SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
        }
        if (type instanceof TimestampNTZType) {
            return SqlTypeName.TIMESTAMP;
        }
        throw new DeltaIoException("Delta type " + type + " has no Calcite equivalent in CodeAnatomy.");
    }
}
