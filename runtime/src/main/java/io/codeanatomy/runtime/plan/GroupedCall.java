package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One aggregate call of a {@link ArrayAggregate}, in the form its generated code hands to the
 * runtime: what to compute, from which input column, and for {@code ARRAY_AGG} the order of the
 * values within the group ({@code WITHIN GROUP}). As in Calcite's own aggregate, every call but
 * {@code COUNT(*)} skips null values: {@code ARRAY_AGG} leaves them out of the array.
 *
 * @param kind what the call computes
 * @param arguments input columns of the call; empty for {@code COUNT(*)}, one for the others
 * @param order the {@code WITHIN GROUP} keys, most significant first; empty for input order
 */
public record GroupedCall(Kind kind, List<Integer> arguments, List<SortKey> order) {
    /** The aggregate functions the operator implements. */
    public enum Kind {
        COUNT, MIN, MAX, ARRAY_AGG
    }

    /**
     * One sort key: an input column, its direction, and where nulls go.
     *
     * @param column input column
     * @param descending whether larger values come first
     * @param nullsFirst whether nulls come before all values
     */
    public record SortKey(int column, boolean descending, boolean nullsFirst) {
    }

    public GroupedCall {
        requireNonNull(kind, "kind is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        order = List.copyOf(requireNonNull(order, "order is null"));
        if (kind != Kind.COUNT && arguments.size() != 1) {
            throw new IllegalArgumentException(kind + " takes one argument, got " + arguments.size());
        }
    }
}
