package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The distinct entities one file's ids name: each id's 128-bit hash with the kind and span it was
 * computed from, in the order they were first computed. Kept as parallel primitive arrays: a large
 * file names hundreds of thousands of entities.
 */
public final class FileIds {
    /** No entities. */
    static final FileIds NONE = new Builder().build();

    private final int size;
    private final long[] high;
    private final long[] low;
    private final long[] bstart;
    private final long[] bend;
    private final String[] kind;

    private FileIds(int size, long[] high, long[] low, long[] bstart, long[] bend, String[] kind) {
        this.size = size;
        this.high = high;
        this.low = low;
        this.bstart = bstart;
        this.bend = bend;
        this.kind = kind;
    }

    /** How many distinct entities were noted. */
    public int size() {
        return size;
    }

    public long high(int i) {
        return high[check(i)];
    }

    public long low(int i) {
        return low[check(i)];
    }

    public long bstart(int i) {
        return bstart[check(i)];
    }

    public long bend(int i) {
        return bend[check(i)];
    }

    public String kind(int i) {
        return kind[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("entity " + i + " of " + size);
        }
        return i;
    }

    /**
     * Notes entities, each once: an entity named again (a node's id computed for several tables
     * beyond the id cache's reach) is found in a small hash table of the file's entities, keyed by
     * {@code h1}. {@link #build} hands them over (the builder must not be used after).
     */
    static final class Builder {
        private int size;
        private long[] high = new long[64];
        private long[] low = new long[64];
        private long[] bstart = new long[64];
        private long[] bend = new long[64];
        private String[] kind = new String[64];
        /** Entity index + 1 by {@code h1}, 0 for empty; open addressing, at most half full. */
        private int[] table = new int[128];

        void add(long h, long l, String entityKind, long start, long end) {
            requireNonNull(entityKind, "entityKind is null");
            int mask = table.length - 1;
            int slot = (int) (h ^ h >>> 32) & mask;
            for (int at; (at = table[slot]) != 0; slot = (slot + 1) & mask) {
                int i = at - 1;
                if (high[i] == h && low[i] == l && bstart[i] == start && bend[i] == end && kind[i].equals(entityKind)) {
                    return;
                }
            }
            if (size == high.length) {
                int capacity = size * 2;
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                bstart = Arrays.copyOf(bstart, capacity);
                bend = Arrays.copyOf(bend, capacity);
                kind = Arrays.copyOf(kind, capacity);
            }
            high[size] = h;
            low[size] = l;
            bstart[size] = start;
            bend[size] = end;
            kind[size] = entityKind;
            table[slot] = ++size;
            if (2 * size > table.length) {
                rehash(table.length * 2);
            }
        }

        private void rehash(int capacity) {
            table = new int[capacity];
            int mask = capacity - 1;
            for (int i = 0; i < size; i++) {
                int slot = (int) (high[i] ^ high[i] >>> 32) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = i + 1;
            }
        }

        FileIds build() {
            return new FileIds(size, high, low, bstart, bend, kind);
        }
    }
}
