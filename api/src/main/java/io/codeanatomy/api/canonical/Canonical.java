package io.codeanatomy.api.canonical;

import java.util.Map;

/**
 * A value with one canonical form: a tree of maps (string keys), lists, strings, numbers,
 * booleans and nulls, written as deterministic JSON and hashed. Equal values give equal bytes on
 * every run and machine; nothing in the tree may depend on map iteration order or the clock.
 */
public interface Canonical {
    /** This value as a canonical tree (see {@link CanonicalJson} for what it may hold). */
    Map<String, Object> canonicalTree();

    /** Deterministic JSON of {@link #canonicalTree()}: sorted keys, no whitespace, no timestamps. */
    default String canonicalJson() {
        return CanonicalJson.write(canonicalTree());
    }

    /** SHA-256 hex of {@link #canonicalJson()}. */
    default String hash() {
        return CanonicalJson.sha256(canonicalTree());
    }
}
