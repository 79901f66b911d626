package io.codeanatomy.plugins.spans;

import io.codeanatomy.api.cpg.StableIdHasher;

/**
 * {@code stable_hash_id(path, bstart, bend, kind)}, the project's stable id of an entity, by the
 * formula of {@link StableIdHasher} (the one the Python extractor computes its rows' ids with).
 */
public final class StableHashId {
    private StableHashId() {
    }

    /** The id; null when an argument is null. */
    public static String of(String path, Long bstart, Long bend, String kind) {
        if (path == null || bstart == null || bend == null || kind == null) {
            return null;
        }
        return StableIdHasher.of(path, bstart, bend, kind);
    }
}
