package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.StructMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The correspondence between the api's {@link DataType}s and Calcite types: INT32 is
 * {@code INTEGER}, INT64 {@code BIGINT}, FLOAT64 {@code DOUBLE}, STRING {@code VARCHAR}, BINARY
 * {@code VARBINARY}, STRUCT a {@code ROW} and LIST an {@code ARRAY}.
 */
public final class TypeMapping {
    private TypeMapping() {
    }

    public static RelDataType toCalcite(DataType<?> type, boolean nullable, RelDataTypeFactory factory) {
        requireNonNull(type, "type is null");
        RelDataType calcite = switch (type.kind()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case INT32 -> factory.createSqlType(SqlTypeName.INTEGER);
            case INT64 -> factory.createSqlType(SqlTypeName.BIGINT);
            case FLOAT64 -> factory.createSqlType(SqlTypeName.DOUBLE);
            case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
            case BINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
            case STRUCT -> {
                List<String> names = new ArrayList<>();
                List<RelDataType> types = new ArrayList<>();
                for (StructMember member : type.members()) {
                    names.add(member.name());
                    types.add(toCalcite(member.type(), member.nullable(), factory));
                }
                yield factory.createStructType(types, names);
            }
            case LIST -> factory.createArrayType(toCalcite(type.elementType(), true, factory), -1);
        };
        return factory.createTypeWithNullability(calcite, nullable);
    }

    /** The api type of a Calcite type, if it has one (dates, decimals, small integers have none). */
    public static Optional<DataType<?>> toApi(RelDataType type) {
        requireNonNull(type, "type is null");
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> Optional.of(DataType.BOOLEAN);
            case INTEGER -> Optional.of(DataType.INT32);
            case BIGINT -> Optional.of(DataType.INT64);
            case DOUBLE, FLOAT -> Optional.of(DataType.FLOAT64);
            case CHAR, VARCHAR -> Optional.of(DataType.STRING);
            case BINARY, VARBINARY -> Optional.of(DataType.BINARY);
            case ARRAY -> toApi(requireNonNull(type.getComponentType(), "component type")).map(DataType::list);
            case ROW -> {
                List<StructMember> members = new ArrayList<>();
                for (RelDataTypeField field : type.getFieldList()) {
                    Optional<DataType<?>> member = toApi(field.getType());
                    if (member.isEmpty()) {
                        yield Optional.empty();
                    }
                    members.add(new StructMember(field.getName(), member.get(), field.getType().isNullable()));
                }
                yield Optional.of(DataType.struct(members));
            }
            default -> Optional.empty();
        };
    }
}
