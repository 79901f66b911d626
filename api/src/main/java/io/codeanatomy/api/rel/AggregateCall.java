package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.TypeKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate in an {@link AggregateRel}: a function over argument expressions, producing an
 * output column called {@code name}. Built with the static factories, which derive the type.
 *
 * @param kind the function
 * @param function the registered function name, present exactly when {@code kind} is {@link AggregateKind#REGISTERED}
 * @param type the result type
 * @param arguments argument expressions (none for {@code COUNT(*)})
 * @param distinct aggregate distinct argument values only
 * @param orderBy input order for order-sensitive aggregates ({@code COLLECT}, registered ones)
 * @param name output column name
 */
public record AggregateCall(AggregateKind kind, Optional<String> function, DataType<?> type, List<Field<?>> arguments,
        boolean distinct, List<SortKey> orderBy, String name) {

    public AggregateCall {
        requireNonNull(kind, "kind is null");
        requireNonNull(function, "function is null");
        requireNonNull(type, "type is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An aggregate call needs a non-blank output name.");
        }
        if ((kind == AggregateKind.REGISTERED) != function.isPresent()) {
            throw new IllegalArgumentException("Aggregate '" + name + "': a function name is given exactly for REGISTERED aggregates.");
        }
        validate(kind, type, arguments, orderBy, name);
    }

    private static void validate(AggregateKind kind, DataType<?> type, List<Field<?>> arguments, List<SortKey> orderBy, String name) {
        if (kind == AggregateKind.REGISTERED) {
            return;
        }
        if (kind == AggregateKind.COUNT) {
            if (arguments.size() > 1) {
                throw new IllegalArgumentException("Aggregate '" + name + "': COUNT takes zero or one argument, got " + arguments.size() + ".");
            }
        }
        else if (arguments.size() != 1) {
            throw new IllegalArgumentException("Aggregate '" + name + "': " + kind + " takes one argument, got " + arguments.size() + ".");
        }
        if (kind != AggregateKind.COLLECT && !orderBy.isEmpty()) {
            throw new IllegalArgumentException("Aggregate '" + name + "': " + kind + " does not depend on input order; drop the sort keys.");
        }
        DataType<?> expected = switch (kind) {
            case COUNT -> DataType.INT64;
            case SUM -> {
                if (!arguments.get(0).type().isNumeric()) {
                    throw new IllegalArgumentException("Aggregate '" + name + "': SUM needs a numeric argument, not " + arguments.get(0).type() + ".");
                }
                yield arguments.get(0).type();
            }
            case MIN, MAX -> {
                TypeKind argumentKind = arguments.get(0).type().kind();
                if (argumentKind == TypeKind.STRUCT || argumentKind == TypeKind.LIST) {
                    throw new IllegalArgumentException("Aggregate '" + name + "': " + kind + " needs an ordered type, not " + arguments.get(0).type() + ".");
                }
                yield arguments.get(0).type();
            }
            case COLLECT -> DataType.list(arguments.get(0).type());
            case REGISTERED -> type;
        };
        if (!expected.equals(type)) {
            throw new IllegalArgumentException("Aggregate '" + name + "': " + kind + " returns " + expected + ", not " + type + ".");
        }
    }

    /** {@code COUNT(*)}. */
    public static AggregateCall count(String name) {
        return new AggregateCall(AggregateKind.COUNT, Optional.empty(), DataType.INT64, List.of(), false, List.of(), name);
    }

    /** Number of non-null values of {@code field}. */
    public static AggregateCall count(Field<?> field, String name) {
        return new AggregateCall(AggregateKind.COUNT, Optional.empty(), DataType.INT64, List.of(field), false, List.of(), name);
    }

    /** Number of distinct non-null values of {@code field}. */
    public static AggregateCall countDistinct(Field<?> field, String name) {
        return new AggregateCall(AggregateKind.COUNT, Optional.empty(), DataType.INT64, List.of(field), true, List.of(), name);
    }

    public static AggregateCall sum(Field<? extends Number> field, String name) {
        return new AggregateCall(AggregateKind.SUM, Optional.empty(), field.type(), List.of(field), false, List.of(), name);
    }

    public static AggregateCall min(Field<?> field, String name) {
        return new AggregateCall(AggregateKind.MIN, Optional.empty(), field.type(), List.of(field), false, List.of(), name);
    }

    public static AggregateCall max(Field<?> field, String name) {
        return new AggregateCall(AggregateKind.MAX, Optional.empty(), field.type(), List.of(field), false, List.of(), name);
    }

    /**
     * The values of {@code field} as a list in the order of {@code orderBy}. Give a total order
     * (ending with a unique key) when the output is hashed or written, or the list order can vary.
     */
    public static AggregateCall collect(Field<?> field, String name, SortKey... orderBy) {
        return new AggregateCall(AggregateKind.COLLECT, Optional.empty(), DataType.list(field.type()), List.of(field), false,
                Arrays.asList(orderBy), name);
    }

    /** A plugin aggregate function called by its registered name, declared to return {@code type}. */
    public static AggregateCall registered(String function, DataType<?> type, String name, Field<?>... arguments) {
        requireNonNull(function, "function is null");
        return new AggregateCall(AggregateKind.REGISTERED, Optional.of(function), type, Arrays.asList(arguments), false, List.of(), name);
    }

    /** Same call ordered by {@code keys}; for {@code COLLECT} and registered aggregates. */
    public AggregateCall orderedBy(SortKey... keys) {
        return new AggregateCall(kind, function, type, arguments, distinct, Arrays.asList(keys), name);
    }

    /** Canonical text, with types. */
    public String canonical() {
        return render(arguments.stream().map(Exprs::canonical).collect(Collectors.toList()),
                orderBy.stream().map(SortKey::canonical).collect(Collectors.toList())) + ":" + type;
    }

    @Override
    public String toString() {
        return render(arguments.stream().map(Object::toString).collect(Collectors.toList()),
                orderBy.stream().map(Object::toString).collect(Collectors.toList()));
    }

    private String render(List<String> args, List<String> order) {
        String head = function.orElse(kind.name());
        String body = args.isEmpty() && kind == AggregateKind.COUNT ? "*" : String.join(", ", args);
        String within = order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order);
        return head + "(" + (distinct ? "DISTINCT " : "") + body + within + ") AS " + name;
    }
}
