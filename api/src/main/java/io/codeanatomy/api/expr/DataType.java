package io.codeanatomy.api.expr;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The type of a {@link Field}, carrying the Java class of its values as {@code T}.
 *
 * <p>Scalar types are the constants {@link #BOOLEAN}, {@link #INT32}, {@link #INT64},
 * {@link #FLOAT64}, {@link #STRING} and {@link #BINARY}. Nested types are built with
 * {@link #struct(StructMember...)} (values are {@code Map<String, Object>}) and
 * {@link #list(DataType)} (values are {@code List<E>}). Equality is structural; nullability is a
 * property of columns and struct members, not of types. {@link #toString()} is canonical, e.g.
 * {@code STRUCT<bstart INT64 NOT NULL, name STRING>} or {@code LIST<STRING>}, and is what schema
 * fingerprints hash.
 */
public final class DataType<T> {
    public static final DataType<Boolean> BOOLEAN = new DataType<>(TypeKind.BOOLEAN, Boolean.class, List.of(), null);
    public static final DataType<Integer> INT32 = new DataType<>(TypeKind.INT32, Integer.class, List.of(), null);
    public static final DataType<Long> INT64 = new DataType<>(TypeKind.INT64, Long.class, List.of(), null);
    public static final DataType<Double> FLOAT64 = new DataType<>(TypeKind.FLOAT64, Double.class, List.of(), null);
    public static final DataType<String> STRING = new DataType<>(TypeKind.STRING, String.class, List.of(), null);
    public static final DataType<byte[]> BINARY = new DataType<>(TypeKind.BINARY, byte[].class, List.of(), null);

    private final TypeKind kind;
    private final Class<T> javaType;
    private final List<StructMember> members;
    private final DataType<?> elementType;

    private DataType(TypeKind kind, Class<T> javaType, List<StructMember> members, DataType<?> elementType) {
        this.kind = kind;
        this.javaType = javaType;
        this.members = members;
        this.elementType = elementType;
    }

    /** A struct type with the given members, in order; member names must be unique. */
    public static DataType<Map<String, Object>> struct(StructMember... members) {
        return struct(List.of(members));
    }

    /** A struct type with the given members, in order; member names must be unique. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static DataType<Map<String, Object>> struct(List<StructMember> members) {
        List<StructMember> copy = List.copyOf(requireNonNull(members, "members is null"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("A struct type needs at least one member.");
        }
        Set<String> seen = new HashSet<>();
        for (StructMember member : copy) {
            if (!seen.add(member.name())) {
                throw new IllegalArgumentException("Struct member '" + member.name() + "' is declared more than once.");
            }
        }
        return new DataType<>(TypeKind.STRUCT, (Class) Map.class, copy, null);
    }

    /** A list type whose elements have type {@code elementType}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E> DataType<List<E>> list(DataType<E> elementType) {
        requireNonNull(elementType, "elementType is null");
        return new DataType<>(TypeKind.LIST, (Class) List.class, List.of(), elementType);
    }

    /** The scalar type whose values are instances of {@code javaType}, if there is one. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<DataType<T>> forJavaClass(Class<T> javaType) {
        requireNonNull(javaType, "javaType is null");
        for (DataType<?> scalar : List.of(BOOLEAN, INT32, INT64, FLOAT64, STRING, BINARY)) {
            if (scalar.javaType.equals(javaType)) {
                return Optional.of((DataType<T>) scalar);
            }
        }
        return Optional.empty();
    }

    public TypeKind kind() {
        return kind;
    }

    /** The Java class of values of this type ({@code Map} for structs, {@code List} for lists). */
    public Class<T> javaType() {
        return javaType;
    }

    /** The members of a struct type; empty for every other kind. */
    public List<StructMember> members() {
        return members;
    }

    /** The member called {@code name} of a struct type, if present. */
    public Optional<StructMember> member(String name) {
        requireNonNull(name, "name is null");
        return members.stream().filter(member -> member.name().equals(name)).findFirst();
    }

    /** The element type of a list type; throws for every other kind. */
    public DataType<?> elementType() {
        if (elementType == null) {
            throw new IllegalStateException(this + " is not a list type and has no element type.");
        }
        return elementType;
    }

    public boolean isNumeric() {
        return kind.isNumeric();
    }

    /** Tells whether {@code value} is an acceptable value of this type (null always is). */
    public boolean accepts(Object value) {
        if (value == null) {
            return true;
        }
        if (!javaType.isInstance(value)) {
            return false;
        }
        if (kind == TypeKind.LIST) {
            return ((List<?>) value).stream().allMatch(elementType::accepts);
        }
        if (kind == TypeKind.STRUCT) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (!map.keySet().stream().allMatch(key -> key instanceof String && member((String) key).isPresent())) {
                return false;
            }
            return members.stream().allMatch(m -> m.type().accepts(map.get(m.name())) && (m.nullable() || map.get(m.name()) != null));
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DataType<?>)) {
            return false;
        }
        DataType<?> that = (DataType<?>) other;
        return kind == that.kind && members.equals(that.members) && java.util.Objects.equals(elementType, that.elementType);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, members, elementType);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STRUCT -> {
                StringBuilder out = new StringBuilder("STRUCT<");
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    out.append(members.get(i));
                }
                yield out.append('>').toString();
            }
            case LIST -> "LIST<" + elementType + ">";
            default -> kind.name();
        };
    }
}
