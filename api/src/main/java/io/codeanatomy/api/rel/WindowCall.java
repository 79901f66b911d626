package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.TypeKind;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One window function column of a {@link WindowRel}: {@code function(argument) OVER (PARTITION BY
 * partitionBy ORDER BY orderBy frame) AS name}. Ranking functions take no argument and need an
 * order; {@code RUNNING} frames need an order too (a running total in no order is not
 * deterministic). End {@code orderBy} with a unique key where ties would change the result.
 *
 * @param name output column name
 * @param function the function
 * @param argument the aggregated expression; absent for ranking functions and {@code COUNT(*)}
 * @param partitionBy partition keys; empty means one partition
 * @param orderBy window order
 * @param frame the rows aggregates see; ranking functions use {@code RUNNING} by convention
 */
public record WindowCall(String name, WindowFunction function, Optional<Field<?>> argument, List<Field<?>> partitionBy,
        List<SortKey> orderBy, WindowFrame frame) {
    public WindowCall {
        RelChecks.requireName(name, "window column name");
        requireNonNull(function, "function is null");
        requireNonNull(argument, "argument is null");
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(frame, "frame is null");
        if (function.ranking()) {
            if (argument.isPresent()) {
                throw new IllegalArgumentException("Window column '" + name + "': " + function + " takes no argument.");
            }
            if (orderBy.isEmpty() || frame != WindowFrame.RUNNING) {
                throw new IllegalArgumentException("Window column '" + name + "': " + function
                        + " needs an order and the RUNNING frame.");
            }
        } else {
            if (argument.isEmpty() && function != WindowFunction.COUNT) {
                throw new IllegalArgumentException("Window column '" + name + "': " + function + " takes one argument.");
            }
            if (frame == WindowFrame.RUNNING && orderBy.isEmpty()) {
                throw new IllegalArgumentException("Window column '" + name + "': a running " + function + " needs an order.");
            }
            if (function == WindowFunction.SUM && !argument.get().type().isNumeric()) {
                throw new IllegalArgumentException("Window column '" + name + "': SUM needs a numeric argument, not "
                        + argument.get().type() + ".");
            }
            if ((function == WindowFunction.MIN || function == WindowFunction.MAX)
                    && (argument.get().type().kind() == TypeKind.STRUCT || argument.get().type().kind() == TypeKind.LIST)) {
                throw new IllegalArgumentException("Window column '" + name + "': " + function + " needs a comparable argument, not "
                        + argument.get().type() + ".");
            }
        }
    }

    /** {@code ROW_NUMBER() OVER (PARTITION BY partitionBy ORDER BY orderBy)}. */
    public static WindowCall rowNumber(String name, List<? extends Field<?>> partitionBy, SortKey... orderBy) {
        return new WindowCall(name, WindowFunction.ROW_NUMBER, Optional.empty(), List.copyOf(partitionBy), List.of(orderBy), WindowFrame.RUNNING);
    }

    /** {@code RANK() OVER (PARTITION BY partitionBy ORDER BY orderBy)}. */
    public static WindowCall rank(String name, List<? extends Field<?>> partitionBy, SortKey... orderBy) {
        return new WindowCall(name, WindowFunction.RANK, Optional.empty(), List.copyOf(partitionBy), List.of(orderBy), WindowFrame.RUNNING);
    }

    /** {@code DENSE_RANK() OVER (PARTITION BY partitionBy ORDER BY orderBy)}. */
    public static WindowCall denseRank(String name, List<? extends Field<?>> partitionBy, SortKey... orderBy) {
        return new WindowCall(name, WindowFunction.DENSE_RANK, Optional.empty(), List.copyOf(partitionBy), List.of(orderBy), WindowFrame.RUNNING);
    }

    /** A running aggregate: {@code function(argument)} over the rows up to the current one in {@code orderBy}. */
    public static WindowCall running(String name, WindowFunction function, Field<?> argument, List<? extends Field<?>> partitionBy,
            SortKey... orderBy) {
        return new WindowCall(name, function, Optional.of(argument), List.copyOf(partitionBy), List.of(orderBy), WindowFrame.RUNNING);
    }

    /** A running {@code COUNT(*)}: the row's position counting ties in order as separate rows. */
    public static WindowCall runningCount(String name, List<? extends Field<?>> partitionBy, SortKey... orderBy) {
        return new WindowCall(name, WindowFunction.COUNT, Optional.empty(), List.copyOf(partitionBy), List.of(orderBy), WindowFrame.RUNNING);
    }

    /** {@code function(argument)} over the whole partition, on every row of it. */
    public static WindowCall overPartition(String name, WindowFunction function, Field<?> argument, List<? extends Field<?>> partitionBy) {
        return new WindowCall(name, function, Optional.of(argument), List.copyOf(partitionBy), List.of(), WindowFrame.PARTITION);
    }

    /** The type of the output column. */
    public DataType<?> type() {
        return switch (function) {
            case ROW_NUMBER, RANK, DENSE_RANK, COUNT -> DataType.INT64;
            case SUM, MIN, MAX -> argument.orElseThrow().type();
        };
    }

    /** Canonical text, with types. */
    public String canonical() {
        return text(Exprs::canonical, SortKey::canonical);
    }

    @Override
    public String toString() {
        return text(Field::toString, SortKey::toString);
    }

    private String text(Function<Field<?>, String> expr, Function<SortKey, String> key) {
        return function + "(" + argument.map(expr).orElse("") + ") OVER (partitionBy="
                + partitionBy.stream().map(expr).collect(Collectors.joining(", ", "[", "]"))
                + ", orderBy=" + orderBy.stream().map(key).collect(Collectors.joining(", ", "[", "]"))
                + ", frame=" + frame + ") AS " + name;
    }
}
