package io.codeanatomy.runtime.plan;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * One instance of each string value the rows a run keeps hold, as far as a fixed table lets: a
 * spool's rows and a fixpoint's derived rows have their strings replaced by an equal string met
 * before, so that the many copies of one id (each scan of a table decodes its own, each row of a
 * computed column computes its own) become one. On the standard library two thirds of the strings
 * that live through a collection were copies of another (docs/decisions.md, "One copy of each string").
 *
 * <p>A direct-mapped table of strings by hash, of a size fixed by the heap: a string whose slot
 * holds an equal string is replaced by it, otherwise it takes the slot. So it keeps at most a
 * slot's worth of strings alive that rows no longer hold, and loses only the sharing of values
 * whose slots collide. Threads share it without locks: a slot holds a whole reference to an
 * immutable string, so whatever a thread reads there is a string equal or not to its own, and a
 * replacement changes no value. Allocated when first used, dropped by {@link #clear}.
 */
public final class CanonicalStrings {
    /** Heap bytes per slot: a 12 GiB heap gets the most slots, a small one a table it barely notices. */
    private static final long HEAP_BYTES_PER_SLOT = 512;
    private static final int MIN_SLOTS = 1 << 12;
    private static final int MAX_SLOTS = 1 << 22;
    /** Rows of a list whose columns are all looked up, to decide which columns are worth it in the rest. */
    static final int SAMPLE_ROWS = 4096;
    /** A column is worth looking up when at least one in this many of its sampled strings was replaced. */
    static final int WORTH_IT = 16;

    private final int slotCount;
    private volatile String[] slots;
    private final LongAdder seen = new LongAdder();
    private final LongAdder shared = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    /** A table sized from this JVM's heap limit. */
    public CanonicalStrings() {
        this(Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_SLOT);
    }

    /** A table of about {@code slots} slots (a power of two between 4,096 and 4,194,304). */
    public CanonicalStrings(long slots) {
        long clamped = Math.max(MIN_SLOTS, Math.min(MAX_SLOTS, slots));
        this.slotCount = Integer.highestOneBit((int) clamped);
    }

    /**
     * Replaces the string values of {@code rows} by the equal ones met before, column by column;
     * returns {@code rows}. A column whose first {@value #SAMPLE_ROWS} rows' strings were rarely
     * replaced (less than one in {@value #WORTH_IT}: values unique to the rows, or already the
     * instances met before) is left alone in the rows after them, where a lookup would cost a
     * cache miss and share nothing, and would push shared strings out of their slots.
     */
    public List<Object[]> canonicalize(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        long start = System.nanoTime();
        String[] table = table();
        int width = rows.get(0).length;
        long[] strings = new long[width];
        long[] replaced = new long[width];
        int sampled = Math.min(SAMPLE_ROWS, rows.size());
        for (int r = 0; r < sampled; r++) {
            canonicalize(table, rows.get(r), 0, width, strings, replaced);
        }
        int[] worthIt = new int[width];
        int kept = 0;
        for (int i = 0; i < width; i++) {
            if (replaced[i] * WORTH_IT >= strings[i] && replaced[i] > 0) {
                worthIt[kept++] = i;
            }
        }
        if (kept > 0) {
            for (int r = sampled; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                for (int k = 0; k < kept; k++) {
                    canonicalize(table, row, worthIt[k], worthIt[k] + 1, strings, replaced);
                }
            }
        }
        seen.add(Arrays.stream(strings).sum());
        shared.add(Arrays.stream(replaced).sum());
        nanos.add(System.nanoTime() - start);
        return rows;
    }

    private static void canonicalize(String[] table, Object[] row, int from, int to, long[] strings, long[] replaced) {
        for (int i = from; i < to; i++) {
            if (row[i] instanceof String value) {
                strings[i]++;
                String canonical = canonical(table, value);
                if (canonical != value) {
                    row[i] = canonical;
                    replaced[i]++;
                }
            }
        }
    }

    /** The string equal to {@code value} that its slot holds, or {@code value}, which then takes the slot. */
    public String canonical(String value) {
        return canonical(table(), value);
    }

    private static String canonical(String[] table, String value) {
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (table.length - 1);
        String held = table[slot];
        if (held != null && (held == value || held.equals(value))) {
            return held;
        }
        table[slot] = value;
        return value;
    }

    private String[] table() {
        String[] table = slots;
        if (table == null) {
            synchronized (this) {
                table = slots;
                if (table == null) {
                    table = new String[slotCount];
                    slots = table;
                }
            }
        }
        return table;
    }

    /** Drops the table and the strings it holds; a later use starts an empty one. */
    public synchronized void clear() {
        slots = null;
    }

    /** String values looked up so far. */
    public long seen() {
        return seen.sum();
    }

    /** String values replaced by an equal one met before. */
    public long shared() {
        return shared.sum();
    }

    /** Time spent in {@link #canonicalize}, summed over the threads, in milliseconds. */
    public long millis() {
        return nanos.sum() / 1_000_000;
    }

    /** The table's slots. */
    public int slotCount() {
        return slotCount;
    }
}
