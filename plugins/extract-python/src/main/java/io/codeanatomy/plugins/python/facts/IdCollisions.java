package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Checks that no two entities of one extraction share a stable id. The id hash (murmur3, 128 bits)
 * is not collision-resistant, and a collision would silently merge two nodes wherever the CPG
 * joins on ids, so a collision fails the extraction naming both entities.
 *
 * <p>Cheap in memory, since a repository names millions of entities (the standard library 4.7
 * million): only the first eight bytes of each distinct entity's hash ({@code h1}) are kept, in
 * file order (8 bytes an entity, plus a sorted copy during {@link #check}). {@link #check} sorts
 * them; an {@code h1} seen twice is a candidate, confirmed or dismissed by computing again the
 * full ids of the files it occurs in, so a report names both entities exactly. Files are added on
 * one thread in path order, so the report is the same on every run.
 */
public final class IdCollisions {
    private static final int CHUNK = 1 << 16;

    private final List<String> paths = new ArrayList<>();
    /** Where each file's entities start among all of them. */
    private long[] fileStart = new long[64];
    private final List<long[]> chunks = new ArrayList<>();
    private long size;

    /** Adds the distinct entities of the file at {@code path}. */
    public void add(String path, FileIds ids) {
        requireNonNull(path, "path is null");
        requireNonNull(ids, "ids is null");
        if (paths.size() == fileStart.length) {
            fileStart = Arrays.copyOf(fileStart, fileStart.length * 2);
        }
        fileStart[paths.size()] = size;
        paths.add(path);
        for (int i = 0; i < ids.size(); i++) {
            int at = (int) (size % CHUNK);
            if (at == 0) {
                chunks.add(new long[CHUNK]);
            }
            chunks.get(chunks.size() - 1)[at] = ids.high(i);
            size++;
        }
    }

    /** How many entities were added. */
    public long size() {
        return size;
    }

    /**
     * Throws {@link IllegalStateException} naming two entities with one id, if any two of the
     * added entities have one. {@code entitiesOf} computes again the entities of a file added here,
     * by path; it is called only for the files of a candidate, which with a 64-bit prefix is
     * almost never.
     */
    public void check(Function<String, FileIds> entitiesOf) {
        requireNonNull(entitiesOf, "entitiesOf is null");
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entities in one extraction: " + size);
        }
        long[] sorted = new long[(int) size];
        for (int c = 0; c < chunks.size(); c++) {
            System.arraycopy(chunks.get(c), 0, sorted, c * CHUNK, (int) Math.min(CHUNK, size - (long) c * CHUNK));
        }
        Arrays.parallelSort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && (i < 2 || sorted[i - 2] != sorted[i])) {
                confirm(sorted[i], entitiesOf);
            }
        }
    }

    /** Looks for two entities with one full id among those whose {@code h1} is {@code h1}. */
    private void confirm(long h1, Function<String, FileIds> entitiesOf) {
        List<Integer> files = new ArrayList<>();
        for (long position = 0; position < size; position++) {
            if (chunks.get((int) (position / CHUNK))[(int) (position % CHUNK)] == h1) {
                int file = fileOf(position);
                if (files.isEmpty() || files.get(files.size() - 1) != file) {
                    files.add(file);
                }
            }
        }
        List<String> seenWhere = new ArrayList<>();
        List<long[]> seen = new ArrayList<>();
        List<String> seenKind = new ArrayList<>();
        for (int file : files) {
            String path = paths.get(file);
            FileIds ids = requireNonNull(entitiesOf.apply(path), "no entities for " + path);
            for (int i = 0; i < ids.size(); i++) {
                if (ids.high(i) != h1) {
                    continue;
                }
                for (int s = 0; s < seen.size(); s++) {
                    if (seen.get(s)[0] == ids.low(i) && seenKind.get(s).equals(ids.kind(i))) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "Two entities have the stable id %s: %s and %s [%d, %d) in %s; the id hash collided, "
                                        + "so the build stops rather than merge them: report it with both files.",
                                id(ids.kind(i), h1, ids.low(i)), seenWhere.get(s), ids.kind(i), ids.bstart(i), ids.bend(i), path));
                    }
                }
                seen.add(new long[] {ids.low(i)});
                seenKind.add(ids.kind(i));
                seenWhere.add(String.format(Locale.ROOT, "%s [%d, %d) in %s", ids.kind(i), ids.bstart(i), ids.bend(i), path));
            }
        }
    }

    private int fileOf(long position) {
        int found = Arrays.binarySearch(fileStart, 0, paths.size(), position);
        if (found >= 0) {
            // Files without entities start where the next one does: take the last of them.
            while (found + 1 < paths.size() && fileStart[found + 1] == position) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }

    /** The id's text: the kind, a colon, the hash's 16 bytes in hex, each half little-endian. */
    private static String id(String kind, long h, long l) {
        return String.format(Locale.ROOT, "%s:%016x%016x", kind, Long.reverseBytes(h), Long.reverseBytes(l));
    }
}
