package io.codeanatomy.spi.arrow;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.StructMember;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The one mapping between CodeAnatomy {@link DataType}s and Arrow types, so every plugin builds
 * and checks Arrow schemas the same way.
 *
 * <table>
 *   <caption>Type mapping</caption>
 *   <tr><th>DataType</th><th>Arrow</th></tr>
 *   <tr><td>BOOLEAN</td><td>Bool</td></tr>
 *   <tr><td>INT32 / INT64</td><td>Int(32 / 64, signed)</td></tr>
 *   <tr><td>FLOAT64</td><td>FloatingPoint(DOUBLE)</td></tr>
 *   <tr><td>STRING</td><td>Utf8</td></tr>
 *   <tr><td>BINARY</td><td>Binary</td></tr>
 *   <tr><td>STRUCT</td><td>Struct, one child per member</td></tr>
 *   <tr><td>LIST</td><td>List, one nullable child called {@code element}</td></tr>
 * </table>
 */
public final class ArrowContracts {
    /** Name of a list's element child, as Parquet and Delta spell it. */
    public static final String LIST_ELEMENT = "element";

    /**
     * Field metadata key that says whether a writer keeps statistics (min, max, null count) of a
     * top-level column: {@value #NO_STATISTICS} for none. A column of stable ids holds hashes in no
     * order, whose range in a data file is nearly the whole range, so data skipping never uses them;
     * computing them is most of what statistics cost (docs/decisions.md). Absent: statistics kept.
     */
    public static final String STATISTICS = "codeanatomy.statistics";
    /** {@link #STATISTICS} value: the column gets no statistics. */
    public static final String NO_STATISTICS = "none";

    private ArrowContracts() {}

    /** The Arrow schema of {@code contract}, columns in order. */
    public static Schema toArrowSchema(SchemaContract contract) {
        requireNonNull(contract, "contract is null");
        List<Field> fields = new ArrayList<>(contract.columns().size());
        for (ColumnContract column : contract.columns()) {
            fields.add(toArrowField(column.name(), column.type(), column.nullable()));
        }
        return new Schema(fields);
    }

    /** The Arrow field for one column or member. */
    public static Field toArrowField(String name, DataType<?> type, boolean nullable) {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        return switch (type.kind()) {
            case BOOLEAN -> leaf(name, nullable, ArrowType.Bool.INSTANCE);
            case INT32 -> leaf(name, nullable, new ArrowType.Int(32, true));
            case INT64 -> leaf(name, nullable, new ArrowType.Int(64, true));
            case FLOAT64 -> leaf(name, nullable, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
            case STRING -> leaf(name, nullable, ArrowType.Utf8.INSTANCE);
            case BINARY -> leaf(name, nullable, ArrowType.Binary.INSTANCE);
            case STRUCT -> {
                List<Field> children = new ArrayList<>(type.members().size());
                for (StructMember member : type.members()) {
                    children.add(toArrowField(member.name(), member.type(), member.nullable()));
                }
                yield new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
            }
            case LIST -> new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
                    List.of(toArrowField(LIST_ELEMENT, type.elementType(), true)));
        };
    }

    /** {@code field} marked to get no statistics ({@link #STATISTICS}). */
    public static Field withoutStatistics(Field field) {
        requireNonNull(field, "field is null");
        Map<String, String> metadata = new TreeMap<>(field.getMetadata());
        metadata.put(STATISTICS, NO_STATISTICS);
        FieldType type = field.getFieldType();
        return new Field(field.getName(), new FieldType(type.isNullable(), type.getType(), type.getDictionary(), metadata),
                field.getChildren());
    }

    /** Whether a writer keeps statistics of the top-level column {@code field} ({@link #STATISTICS}). */
    public static boolean keepsStatistics(Field field) {
        return !NO_STATISTICS.equals(field.getMetadata().get(STATISTICS));
    }

    /**
     * The contract of an Arrow schema, with the given contract version. Throws
     * {@link IllegalArgumentException} naming the first field whose Arrow type has no DataType.
     */
    public static SchemaContract toContract(Schema schema, int version) {
        requireNonNull(schema, "schema is null");
        List<ColumnContract> columns = new ArrayList<>(schema.getFields().size());
        for (Field field : schema.getFields()) {
            columns.add(new ColumnContract(field.getName(), toDataType(field), field.isNullable()));
        }
        return new SchemaContract(version, columns);
    }

    /** The DataType of an Arrow field; list element names are not significant. */
    public static DataType<?> toDataType(Field field) {
        requireNonNull(field, "field is null");
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Bool) {
            return DataType.BOOLEAN;
        }
        if (type instanceof ArrowType.Int && ((ArrowType.Int) type).getIsSigned()) {
            int width = ((ArrowType.Int) type).getBitWidth();
            if (width == 32) {
                return DataType.INT32;
            }
            if (width == 64) {
                return DataType.INT64;
            }
        }
        if (type instanceof ArrowType.FloatingPoint && ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE) {
            return DataType.FLOAT64;
        }
        if (type instanceof ArrowType.Utf8) {
            return DataType.STRING;
        }
        if (type instanceof ArrowType.Binary) {
            return DataType.BINARY;
        }
        if (type instanceof ArrowType.Struct) {
            List<StructMember> members = new ArrayList<>(field.getChildren().size());
            for (Field child : field.getChildren()) {
                members.add(new StructMember(child.getName(), toDataType(child), child.isNullable()));
            }
            return DataType.struct(members);
        }
        if (type instanceof ArrowType.List && field.getChildren().size() == 1) {
            return DataType.list(toDataType(field.getChildren().get(0)));
        }
        throw new IllegalArgumentException("The Arrow field '" + field.getName() + "' has the type " + type
                + ", which has no CodeAnatomy data type.");
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code what} and the first difference when
     * {@code schema} does not have exactly the columns of {@code contract}.
     */
    public static void requireMatches(SchemaContract contract, Schema schema, String what) {
        requireNonNull(contract, "contract is null");
        requireNonNull(schema, "schema is null");
        List<Field> fields = schema.getFields();
        List<ColumnContract> columns = contract.columns();
        for (int i = 0; i < Math.max(fields.size(), columns.size()); i++) {
            if (i >= fields.size()) {
                throw new IllegalArgumentException("The Arrow schema of " + what + " lacks the column '" + columns.get(i).name() + "'.");
            }
            if (i >= columns.size()) {
                throw new IllegalArgumentException("The Arrow schema of " + what + " has the undeclared column '" + fields.get(i).getName() + "'.");
            }
            ColumnContract expected = columns.get(i);
            Field actual = fields.get(i);
            DataType<?> actualType = toDataType(actual);
            if (!expected.name().equals(actual.getName()) || !expected.type().equals(actualType) || expected.nullable() != actual.isNullable()) {
                throw new IllegalArgumentException("Column " + (i + 1) + " of " + what + " is '" + actual.getName() + " " + actualType
                        + (actual.isNullable() ? "" : " NOT NULL") + "' in Arrow but '" + expected + "' in the contract.");
            }
        }
    }

    private static Field leaf(String name, boolean nullable, ArrowType type) {
        return new Field(name, new FieldType(nullable, type, null), null);
    }
}
