package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that no two entities of one extraction share a stable id. The id hash (murmur3, 128 bits)
 * is not collision-resistant, and a collision would silently merge two nodes wherever the CPG
 * joins on ids; so every entity a file names is put in one table of the whole run, keyed by its
 * id, and a second entity under a known id fails the extraction naming both.
 *
 * <p>Fed on one thread, files in path order, so the report names the same pair on every run. An
 * open-addressing table of primitive arrays: about 40 bytes per distinct entity.
 */
public final class IdCollisions {
    private static final double MAX_LOAD = 0.7;

    private final List<String> paths = new ArrayList<>();
    private long[] high;
    private long[] low;
    private long[] bstart;
    private long[] bend;
    private int[] file;
    /** Null marks an empty slot. */
    private String[] kind;
    private int size;

    public IdCollisions() {
        allocate(1 << 16);
    }

    /**
     * Adds the entities of the file at {@code path}. Throws {@link IllegalStateException} naming
     * both entities when one of them has the id of another entity of this or an earlier file.
     */
    public void add(String path, FileIds ids) {
        requireNonNull(path, "path is null");
        requireNonNull(ids, "ids is null");
        int fileIndex = paths.size();
        paths.add(path);
        for (int i = 0; i < ids.size(); i++) {
            insert(ids.high(i), ids.low(i), ids.kind(i), ids.bstart(i), ids.bend(i), fileIndex);
        }
    }

    /** How many distinct entities were added. */
    public int size() {
        return size;
    }

    private void insert(long h, long l, String k, long start, long end, int f) {
        int mask = kind.length - 1;
        int slot = (int) h & mask;
        while (kind[slot] != null) {
            if (high[slot] == h && low[slot] == l && kind[slot].equals(k)) {
                if (file[slot] == f && bstart[slot] == start && bend[slot] == end) {
                    return;
                }
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "Two entities have the stable id %s: %s [%d, %d) in %s and %s [%d, %d) in %s; the id hash "
                                + "collided, so the build stops rather than merge them: report it with both files.",
                        id(k, h, l), kind[slot], bstart[slot], bend[slot], paths.get(file[slot]), k, start, end, paths.get(f)));
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = h;
        low[slot] = l;
        kind[slot] = k;
        bstart[slot] = start;
        bend[slot] = end;
        file[slot] = f;
        if (++size > MAX_LOAD * kind.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldStart = bstart;
        long[] oldEnd = bend;
        int[] oldFile = file;
        String[] oldKind = kind;
        allocate(kind.length * 2);
        size = 0;
        for (int i = 0; i < oldKind.length; i++) {
            if (oldKind[i] != null) {
                insert(oldHigh[i], oldLow[i], oldKind[i], oldStart[i], oldEnd[i], oldFile[i]);
            }
        }
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        bstart = new long[capacity];
        bend = new long[capacity];
        file = new int[capacity];
        kind = new String[capacity];
    }

    /** The id's text: the kind, a colon, the hash's 16 bytes in hex, each half little-endian. */
    private static String id(String k, long h, long l) {
        return String.format(Locale.ROOT, "%s:%016x%016x", k, Long.reverseBytes(h), Long.reverseBytes(l));
    }
}
