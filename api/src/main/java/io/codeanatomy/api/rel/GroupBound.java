package io.codeanatomy.api.rel;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bound on how many rows a {@link SemiNaiveRel} keeps per group: among its rows whose columns
 * hold the values {@code where} gives, at most {@code limit} per distinct combination of
 * {@code groupColumns}. A widening for analyses whose relation would otherwise grow with the
 * square of the input (a points-to set that reaches thousands of objects): once a group has
 * {@code limit} rows, further rows of it are dropped as they are derived. Which rows a group keeps
 * does not depend on evaluation order within a round: when a round's new rows would take a group
 * past its bound, the group keeps those that come first when rows are compared column by column as
 * text, up to the bound. The run's metrics say how many rows bounds dropped.
 *
 * <p>A bound may wait until the relation is large ({@code fromRows}): it then applies from the first
 * round that starts with at least that many rows in the relation, a widening that leaves every
 * input that stays below the size exact. Groups that already hold more rows than the limit when it
 * starts keep them and take no more; smaller groups fill up to the limit.
 *
 * @param where the rows the bound applies to: those whose columns (the keys) hold these values,
 *     every one of them; at least one column
 * @param groupColumns the columns whose values form a group, at least one
 * @param limit the most rows a group keeps, at least 1
 * @param fromRows the bound applies from the first round that starts with at least this many rows in
 *     the relation; 0 for every round
 */
public record GroupBound(SortedMap<String, String> where, List<String> groupColumns, int limit, long fromRows) {
    public GroupBound {
        requireNonNull(where, "where is null");
        if (where.isEmpty()) {
            throw new IllegalArgumentException("A group bound needs at least one column that selects its rows.");
        }
        where.forEach((column, value) -> {
            RelChecks.requireName(column, "bound column");
            requireNonNull(value, "value of bound column " + column + " is null");
        });
        where = Collections.unmodifiableSortedMap(new TreeMap<>(where));
        groupColumns = List.copyOf(requireNonNull(groupColumns, "groupColumns is null"));
        if (groupColumns.isEmpty()) {
            throw new IllegalArgumentException("A group bound on " + where.keySet() + " needs at least one group column.");
        }
        groupColumns.forEach(name -> RelChecks.requireName(name, "bound group column"));
        if (limit < 1) {
            throw new IllegalArgumentException("A group bound on " + where.keySet() + " needs a limit of at least 1, got " + limit + ".");
        }
        if (fromRows < 0) {
            throw new IllegalArgumentException("A group bound on " + where.keySet() + " needs a row count of at least 0 to start from, got "
                    + fromRows + ".");
        }
    }

    /** A bound that applies from the first round. */
    public GroupBound(SortedMap<String, String> where, List<String> groupColumns, int limit) {
        this(where, groupColumns, limit, 0);
    }

    /** A bound on the rows whose columns hold the values {@code where} gives. */
    public static GroupBound of(Map<String, String> where, List<String> groupColumns, int limit) {
        return new GroupBound(new TreeMap<>(requireNonNull(where, "where is null")), groupColumns, limit);
    }

    /** This bound, applied from the first round that starts with at least {@code rows} rows in the relation. */
    public GroupBound fromRows(long rows) {
        return new GroupBound(where, groupColumns, limit, rows);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        where.forEach((column, value) -> out.append(out.length() == 0 ? "" : " and ").append(column).append("='").append(value).append('\''));
        return out + " per " + String.join("+", groupColumns) + " <= " + limit + (fromRows == 0 ? "" : " from " + fromRows + " rows");
    }
}
