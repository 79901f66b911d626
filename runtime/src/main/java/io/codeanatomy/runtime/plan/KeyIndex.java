package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Positions of a list's rows by their values in some columns, every value indexed: what a join
 * looks a few keys up in ({@link SpoolLookup}) instead of reading the whole list. Two arrays of
 * {@code int}s, no object per row or key: a row's position is chained into the bucket of its values'
 * hash, the chains in increasing position, so the rows a lookup finds come in the list's order. A
 * row with a NULL in a key column is never found (an equality never holds with NULL). The list must
 * not change while the index is read (a spool's rows are fixed once computed).
 */
public final class KeyIndex {
    private final List<Object[]> rows;
    private final int[] columns;
    /** Per bucket, 1 + the position of its first row; 0 when empty. */
    private final int[] heads;
    /** Per row, 1 + the position of the next row of its bucket; 0 at the end. */
    private final int[] next;
    private final int mask;

    private KeyIndex(List<Object[]> rows, int[] columns) {
        this.rows = rows;
        this.columns = columns;
        int buckets = Integer.highestOneBit(Math.max(16, rows.size() * 2 - 1)) << 1;
        this.heads = new int[buckets];
        this.next = new int[rows.size()];
        this.mask = buckets - 1;
        // From the last row back, so each bucket's chain runs in increasing position.
        rows:
        for (int i = rows.size() - 1; i >= 0; i--) {
            Object[] row = rows.get(i);
            int hash = 1;
            for (int column : columns) {
                Object value = row[column];
                if (value == null) {
                    continue rows;
                }
                hash = 31 * hash + value.hashCode();
            }
            int bucket = spread(hash) & mask;
            next[i] = heads[bucket];
            heads[bucket] = i + 1;
        }
    }

    /** The index of {@code rows} by the values of {@code columns}. */
    public static KeyIndex of(List<Object[]> rows, int[] columns) {
        requireNonNull(rows, "rows is null");
        if (requireNonNull(columns, "columns is null").length == 0) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
        return new KeyIndex(rows, columns.clone());
    }

    /** How many rows the indexed list has. */
    public int size() {
        return rows.size();
    }

    /**
     * The rows whose columns hold one of {@code keys} (each the values of the columns, in their
     * order; a key with a NULL finds nothing), in the list's order, each once.
     */
    public List<Object[]> find(Collection<Object[]> keys) {
        int[] found = new int[16];
        int count = 0;
        for (Object[] key : keys) {
            if (key.length != columns.length) {
                throw new IllegalArgumentException("a key of " + key.length + " values for an index of " + columns.length + " columns");
            }
            int hash = 1;
            boolean hasNull = false;
            for (Object value : key) {
                if (value == null) {
                    hasNull = true;
                    break;
                }
                hash = 31 * hash + value.hashCode();
            }
            if (hasNull) {
                continue;
            }
            for (int p = heads[spread(hash) & mask]; p != 0; p = next[p - 1]) {
                if (matches(rows.get(p - 1), key)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = p - 1;
                }
            }
        }
        Arrays.sort(found, 0, count);
        List<Object[]> result = new ArrayList<>(count);
        int last = -1;
        for (int i = 0; i < count; i++) {
            // Two equal keys find the same rows: each row once.
            if (found[i] != last) {
                result.add(rows.get(found[i]));
                last = found[i];
            }
        }
        return result;
    }

    private boolean matches(Object[] row, Object[] key) {
        for (int c = 0; c < columns.length; c++) {
            if (!Objects.equals(row[columns[c]], key[c])) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
