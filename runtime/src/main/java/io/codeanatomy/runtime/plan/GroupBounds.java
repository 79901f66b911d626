package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.rel.GroupBound;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link GroupBound}s of one semi-naive fixpoint, resolved to its columns, and what they did in
 * its last evaluation. Rows are compared as the fixpoint keeps them ({@code Object[]}, one value a
 * column); a group is the values of the group columns. A bound that waits for the relation to
 * grow ({@link GroupBound#fromRows()}) counts its groups from the start and applies from the first
 * round that starts with that many rows kept.
 */
public final class GroupBounds {
    /** No bound: every row is kept. */
    public static final GroupBounds NONE = new GroupBounds(List.of(), new int[0][], new String[0][], new int[0][]);

    /** Orders a group's rows column by column, values as text, nulls first: the order in which a group fills up. */
    private static final Comparator<Object[]> TEXT_ORDER = (a, b) -> {
        for (int i = 0; i < a.length; i++) {
            int c = Comparator.nullsFirst(Comparator.<String>naturalOrder())
                    .compare(a[i] == null ? null : a[i].toString(), b[i] == null ? null : b[i].toString());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final List<GroupBound> bounds;
    private final int[][] columns;
    private final String[][] values;
    private final int[][] groups;
    /** Per bound, rows kept per group in the current evaluation. */
    private final List<Map<Object, int[]>> counts = new ArrayList<>();
    /** The full groups of the evaluation {@link #finish} ended, or -1 while one runs (or none has). */
    private long fullAtFinish = -1;
    /** Rows kept in the current evaluation, up to the last round admitted. */
    private long rowsKept;

    private GroupBounds(List<GroupBound> bounds, int[][] columns, String[][] values, int[][] groups) {
        this.bounds = List.copyOf(bounds);
        this.columns = columns;
        this.values = values;
        this.groups = groups;
    }

    /**
     * {@code bounds} over a relation with the columns {@code columnNames}.
     *
     * @throws IllegalArgumentException naming the fixpoint and the column when a bound names a column the relation lacks
     */
    public static GroupBounds of(String fixpoint, List<GroupBound> bounds, List<String> columnNames) {
        requireNonNull(fixpoint, "fixpoint is null");
        requireNonNull(bounds, "bounds is null");
        requireNonNull(columnNames, "columnNames is null");
        if (bounds.isEmpty()) {
            return NONE;
        }
        int[][] columns = new int[bounds.size()][];
        String[][] values = new String[bounds.size()][];
        int[][] groups = new int[bounds.size()][];
        for (int b = 0; b < bounds.size(); b++) {
            GroupBound bound = bounds.get(b);
            columns[b] = bound.where().keySet().stream().mapToInt(name -> index(fixpoint, name, columnNames)).toArray();
            values[b] = bound.where().values().toArray(String[]::new);
            groups[b] = bound.groupColumns().stream().mapToInt(name -> index(fixpoint, name, columnNames)).toArray();
        }
        return new GroupBounds(bounds, columns, values, groups);
    }

    private static int index(String fixpoint, String column, List<String> columnNames) {
        int i = columnNames.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("A group bound of fixpoint '" + fixpoint + "' names column '" + column
                    + "', which it does not have; its columns are " + columnNames + ".");
        }
        return i;
    }

    public List<GroupBound> bounds() {
        return bounds;
    }

    public boolean isEmpty() {
        return bounds.isEmpty();
    }

    /** Forgets the last evaluation. */
    synchronized void start() {
        if (bounds.isEmpty()) {
            return;
        }
        counts.clear();
        fullAtFinish = -1;
        rowsKept = 0;
        for (int b = 0; b < bounds.size(); b++) {
            counts.add(new HashMap<>());
        }
    }

    /** Whether {@code row} belongs to a group that is full already, so it is dropped as it comes. */
    boolean full(Object[] row) {
        for (int b = 0; b < columns.length; b++) {
            if (active(b) && applies(b, row)) {
                int[] count = counts.get(b).get(group(b, row));
                if (count != null && count[0] >= bounds.get(b).limit()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The rows of {@code fresh} (one round's new rows, none in a full group) that their groups
     * keep, in their order; a group that would pass its bound keeps its first rows in
     * {@link #TEXT_ORDER} up to it. Rows are counted per group first; only the groups that pass
     * their bound this round have their rows collected and sorted.
     */
    List<Object[]> admit(List<Object[]> fresh) {
        List<Object[]> rows = fresh;
        for (int b = 0; b < columns.length; b++) {
            Map<Object, int[]> inRound = new HashMap<>();
            for (Object[] row : rows) {
                if (applies(b, row)) {
                    inRound.computeIfAbsent(group(b, row), k -> new int[1])[0]++;
                }
            }
            int limit = bounds.get(b).limit();
            // Each group is decided on its own, so the order the groups are visited in decides nothing.
            Map<Object, Integer> passing = new HashMap<>();
            for (Map.Entry<Object, int[]> group : inRound.entrySet()) {
                int[] count = counts.get(b).computeIfAbsent(group.getKey(), k -> new int[1]);
                int members = group.getValue()[0];
                if (!active(b) || count[0] + members <= limit) {
                    count[0] += members;
                } else {
                    passing.put(group.getKey(), count[0]);
                    count[0] = Math.max(limit, count[0]);
                }
            }
            if (passing.isEmpty()) {
                continue;
            }
            Map<Object, List<Integer>> members = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                if (applies(b, rows.get(i))) {
                    Object group = group(b, rows.get(i));
                    if (passing.containsKey(group)) {
                        members.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
                    }
                }
            }
            boolean[] drop = new boolean[rows.size()];
            int drops = 0;
            for (Map.Entry<Object, List<Integer>> group : members.entrySet()) {
                List<Object[]> current = rows;
                List<Integer> indexes = group.getValue();
                indexes.sort(Comparator.comparing(i -> current.get(i), TEXT_ORDER));
                for (int k = Math.max(0, limit - passing.get(group.getKey())); k < indexes.size(); k++) {
                    drop[indexes.get(k)] = true;
                    drops++;
                }
            }
            List<Object[]> kept = new ArrayList<>(rows.size() - drops);
            for (int i = 0; i < rows.size(); i++) {
                if (!drop[i]) {
                    kept.add(rows.get(i));
                }
            }
            rows = kept;
        }
        rowsKept += rows.size();
        return rows;
    }

    /** Whether bound {@code b} applies to the round being derived: it waits for no rows, or the relation has them. */
    private boolean active(int b) {
        return rowsKept >= bounds.get(b).fromRows();
    }

    /**
     * Ends the evaluation: its number of full groups is kept for {@link #fullGroups} and its counts
     * per group (a map entry for each of millions of pointers) are dropped, not kept for the run.
     */
    synchronized void finish() {
        fullAtFinish = fullGroups();
        counts.clear();
    }

    /** Groups that reached their bound in the current evaluation, among the bounds that applied by its end. */
    synchronized long fullGroups() {
        if (counts.isEmpty() && fullAtFinish >= 0) {
            return fullAtFinish;
        }
        long full = 0;
        for (int b = 0; b < counts.size(); b++) {
            if (!active(b)) {
                continue;
            }
            int limit = bounds.get(b).limit();
            full += counts.get(b).values().stream().filter(count -> count[0] >= limit).count();
        }
        return full;
    }

    private boolean applies(int b, Object[] row) {
        for (int k = 0; k < columns[b].length; k++) {
            if (!Objects.equals(Objects.toString(row[columns[b][k]], null), values[b][k])) {
                return false;
            }
        }
        return true;
    }

    /** The group of {@code row} under bound {@code b}: the value of its one group column, or the list of their values. */
    private Object group(int b, Object[] row) {
        if (groups[b].length == 1) {
            return row[groups[b][0]];
        }
        Object[] key = new Object[groups[b].length];
        for (int k = 0; k < key.length; k++) {
            key[k] = row[groups[b][k]];
        }
        return Arrays.asList(key);
    }

    @Override
    public String toString() {
        return bounds.toString();
    }
}
