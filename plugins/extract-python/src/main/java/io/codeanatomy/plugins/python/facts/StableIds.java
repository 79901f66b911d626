package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.cpg.StableIdHasher;
import java.util.Arrays;

/**
 * Computes the stable ids of one file's rows by the project's formula ({@link StableIdHasher}:
 * {@code kind + ":" +} hex of murmur3_x64_128 over {@code path U+241F bstart U+241F bend U+241F
 * kind}), so the semantic layer can recompute any id from a row's columns, and notes every
 * entity it named ({@link FileIds}) so that the extraction can check no two share an id.
 *
 * <p>Not thread-safe: one instance per worker.
 */
public final class StableIds {
    /**
     * Ids computed lately, by span and kind: several tables name one node (a call's row, its
     * expression's {@code ref_id}, its arguments' {@code call_id}) within a few events, and a hash
     * costs more than a look-up. Direct-mapped, cleared per file.
     */
    private static final int RECENT = 64;
    private final String[] recentKind = new String[RECENT];
    private final long[] recentStart = new long[RECENT];
    private final long[] recentEnd = new long[RECENT];
    private final String[] recentId = new String[RECENT];

    private final StableIdHasher hasher;
    private FileIds.Builder named = new FileIds.Builder();

    public StableIds() {
        this(new StableIdHasher());
    }

    /** Ids by {@code hasher}: tests pass one with a weak hash to force collisions. */
    public StableIds(StableIdHasher hasher) {
        this.hasher = requireNonNull(hasher, "hasher is null");
    }

    /** The id of {@code kind} spanning {@code [bstart, bend)} in {@code path}. */
    public static String of(String path, long bstart, long bend, String kind) {
        return StableIdHasher.of(path, bstart, bend, kind);
    }

    /** Starts a file: ids computed next are for rows of {@code path}; what the last file named is dropped. */
    public void startFile(String path) {
        requireNonNull(path, "path is null");
        Arrays.fill(recentKind, null);
        Arrays.fill(recentId, null);
        hasher.startPath(path);
        named = new FileIds.Builder();
    }

    /** The entities named since {@link #startFile}, each once or more. */
    public FileIds named() {
        return named.build();
    }

    /** The id of the entity of {@code kind} (ASCII) spanning {@code [bstart, bend)} in the current file. */
    public String id(String kind, long bstart, long bend) {
        int slot = (int) ((bstart * 31 + bend) * 31 + kind.hashCode()) & (RECENT - 1);
        String cachedKind = recentKind[slot];
        if (cachedKind != null && recentStart[slot] == bstart && recentEnd[slot] == bend
                && (cachedKind == kind || cachedKind.equals(kind))) {
            return recentId[slot];
        }
        String id = hasher.id(kind, bstart, bend);
        named.add(hasher.high(), hasher.low(), kind, bstart, bend);
        recentKind[slot] = kind;
        recentStart[slot] = bstart;
        recentEnd[slot] = bend;
        recentId[slot] = id;
        return id;
    }
}
