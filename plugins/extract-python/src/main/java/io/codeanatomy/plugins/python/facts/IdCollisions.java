package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks that no two entities of one extraction share a stable id. The id hash (murmur3, 128 bits)
 * is not collision-resistant, and a collision would silently merge two nodes wherever the CPG
 * joins on ids, so a collision fails the extraction naming both entities.
 *
 * <p>Cheap in memory, since a repository names millions of entities (the standard library 4.7
 * million): only the first eight bytes of each distinct entity's hash ({@code h1}) are kept, in an
 * open-addressing set with the index of the first file that named it (12 bytes a slot, at most
 * three quarters full). Files are added as the extraction goes, so the check costs nothing at its
 * end; an {@code h1} added twice makes its files candidates, confirmed or dismissed by computing
 * again their full ids ({@link #check}), so a report names both entities exactly. Files are added
 * on one thread in path order, so the report is the same on every run.
 */
public final class IdCollisions {
    private final List<String> paths = new ArrayList<>();
    /** The {@code h1}s added; 0 marks an empty slot ({@link #zeroFile} holds {@code h1 = 0}). */
    private long[] keys = new long[1 << 16];
    /** The index of the first file that added the slot's {@code h1}. */
    private int[] firstFile = new int[1 << 16];
    private int zeroFile = -1;
    /** Slots in use. */
    private int used;
    private long size;
    /** Candidates: an {@code h1} added more than once, with the files that added it, in file order. */
    private final Map<Long, List<Integer>> candidates = new LinkedHashMap<>();

    /** Adds the distinct entities of the file at {@code path}. */
    public void add(String path, FileIds ids) {
        requireNonNull(path, "path is null");
        requireNonNull(ids, "ids is null");
        int file = paths.size();
        paths.add(path);
        for (int i = 0; i < ids.size(); i++) {
            insert(ids.high(i), file);
        }
    }

    private void insert(long h1, int file) {
        size++;
        if (h1 == 0) {
            if (zeroFile < 0) {
                zeroFile = file;
            } else {
                candidate(0, zeroFile, file);
            }
            return;
        }
        int mask = keys.length - 1;
        // h1 is a hash already: its low bits are as good as any.
        for (int slot = (int) h1 & mask; ; slot = (slot + 1) & mask) {
            long key = keys[slot];
            if (key == 0) {
                keys[slot] = h1;
                firstFile[slot] = file;
                if (4L * ++used > 3L * keys.length) {
                    grow();
                }
                return;
            }
            if (key == h1) {
                candidate(h1, firstFile[slot], file);
                return;
            }
        }
    }

    private void candidate(long h1, int first, int file) {
        List<Integer> files = candidates.computeIfAbsent(h1, k -> new ArrayList<>(List.of(first)));
        if (files.get(files.size() - 1).intValue() != file) {
            files.add(file);
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldFiles = firstFile;
        if (oldKeys.length >= 1 << 30) {
            throw new IllegalStateException("more than 2^29 entities in one extraction: " + size);
        }
        keys = new long[oldKeys.length * 2];
        firstFile = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long h1 = oldKeys[i];
            if (h1 != 0) {
                int slot = (int) h1 & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = h1;
                firstFile[slot] = oldFiles[i];
            }
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
        for (Map.Entry<Long, List<Integer>> candidate : candidates.entrySet()) {
            confirm(candidate.getKey(), candidate.getValue(), entitiesOf);
        }
    }

    /** Looks for two entities with one full id among those of {@code files} whose {@code h1} is {@code h1}. */
    private void confirm(long h1, List<Integer> files, Function<String, FileIds> entitiesOf) {
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

    /** The id's text: the kind, a colon, the hash's 16 bytes in hex, each half little-endian. */
    private static String id(String kind, long h, long l) {
        return String.format(Locale.ROOT, "%s:%016x%016x", kind, Long.reverseBytes(h), Long.reverseBytes(l));
    }
}
