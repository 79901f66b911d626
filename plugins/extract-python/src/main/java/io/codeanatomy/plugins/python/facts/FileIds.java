package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The entities one file's ids name: each id's 128-bit hash with the kind and span it was computed
 * from, in the order they were computed, an entity possibly more than once. Kept as parallel
 * primitive arrays: a large file names hundreds of thousands of entities.
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

    /** How many entities were noted, repeats included. */
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

    /** Notes entities; {@link #build} hands them over (the builder must not be used after). */
    static final class Builder {
        private int size;
        private long[] high = new long[64];
        private long[] low = new long[64];
        private long[] bstart = new long[64];
        private long[] bend = new long[64];
        private String[] kind = new String[64];

        void add(long h, long l, String entityKind, long start, long end) {
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
            kind[size] = requireNonNull(entityKind, "entityKind is null");
            size++;
        }

        FileIds build() {
            return new FileIds(size, high, low, bstart, bend, kind);
        }
    }
}
