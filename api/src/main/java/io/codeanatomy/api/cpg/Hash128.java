package io.codeanatomy.api.cpg;

/**
 * A 128-bit hash of a byte range, written as two longs. The stable-id formula uses
 * {@link Murmur3x64#hash128}; tests inject another to force collisions.
 */
@FunctionalInterface
public interface Hash128 {
    /** Hashes {@code data[0, length)} into {@code out[0]} (the first eight bytes) and {@code out[1]}. */
    void hash(byte[] data, int length, long[] out);
}
