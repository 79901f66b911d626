package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.canonical.Sha256;
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

/**
 * The canonical JSON text of a Delta schema and its SHA-256.
 *
 * <p>Only what decides how data reads is included: field order, names, types and nullability.
 * Field metadata is left out because Kernel and other writers add keys (column mapping ids,
 * collations) that do not change the data; keys inside each JSON object are in sorted order and
 * there is no whitespace, so equal schemas give equal bytes on every machine.
 */
public final class SchemaFingerprint {
    private SchemaFingerprint() {}

    /** Canonical JSON of {@code schema}, e.g. {@code {"fields":[{"name":"id","nullable":false,"type":"long"}],"type":"struct"}}. */
    public static String canonicalJson(StructType schema) {
        requireNonNull(schema, "schema is null");
        StringBuilder out = new StringBuilder(64 + 48 * schema.length());
        appendType(out, schema);
        return out.toString();
    }

    /** Canonical JSON of one type, as it appears inside {@link #canonicalJson(StructType)}. */
    static String typeJson(DataType type) {
        requireNonNull(type, "type is null");
        StringBuilder out = new StringBuilder();
        appendType(out, type);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@link #canonicalJson(StructType)}. */
    public static String sha256(StructType schema) {
        return Sha256.hex(canonicalJson(schema));
    }

    private static void appendType(StringBuilder out, DataType type) {
        if (type instanceof StructType struct) {
            out.append("{\"fields\":[");
            for (int i = 0; i < struct.length(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                StructField field = struct.at(i);
                out.append("{\"name\":");
                appendString(out, field.getName());
                out.append(",\"nullable\":").append(field.isNullable()).append(",\"type\":");
                appendType(out, field.getDataType());
                out.append('}');
            }
            out.append("],\"type\":\"struct\"}");
        } else if (type instanceof ArrayType array) {
            out.append("{\"containsNull\":").append(array.containsNull()).append(",\"elementType\":");
            appendType(out, array.getElementType());
            out.append(",\"type\":\"array\"}");
        } else if (type instanceof MapType map) {
            out.append("{\"keyType\":");
            appendType(out, map.getKeyType());
            out.append(",\"type\":\"map\",\"valueContainsNull\":").append(map.isValueContainsNull());
            out.append(",\"valueType\":");
            appendType(out, map.getValueType());
            out.append('}');
        } else {
            appendString(out, primitiveName(type));
        }
    }

    private static String primitiveName(DataType type) {
        if (type instanceof BooleanType) {
            return "boolean";
        }
        if (type instanceof ByteType) {
            return "byte";
        }
        if (type instanceof ShortType) {
            return "short";
        }
        if (type instanceof IntegerType) {
            return "integer";
        }
        if (type instanceof LongType) {
            return "long";
        }
        if (type instanceof FloatType) {
            return "float";
        }
        if (type instanceof DoubleType) {
            return "double";
        }
        if (type instanceof StringType) {
            return "string";
        }
        if (type instanceof BinaryType) {
            return "binary";
        }
        if (type instanceof DateType) {
            return "date";
        }
        if (type instanceof TimestampType) {
            return "timestamp";
        }
        if (type instanceof TimestampNTZType) {
            return "timestamp_ntz";
        }
        if (type instanceof DecimalType decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        return type.toString();
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
