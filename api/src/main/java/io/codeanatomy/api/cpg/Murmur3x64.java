package io.codeanatomy.api.cpg;

/**
 * MurmurHash3 x64 128-bit with seed 0 (Austin Appleby's public-domain {@code MurmurHash3_x64_128}),
 * the hash of the project's stable ids. Chosen because ids only need to be deterministic and
 * well spread, not collision-resistant against an adversary (the build checks for collisions
 * instead): it is a few multiplications per 16 bytes with no table or intrinsic, so it stays
 * cheap under C1, where SHA-256 cost about 2 µs per id; it has a 128-bit output, byte-identical to
 * Guava's {@code Hashing.murmur3_128()} and Python's {@code mmh3.hash_bytes}, so anyone can
 * recompute an id. Hand-written so that {@code api} keeps no dependencies and a call allocates
 * nothing.
 */
public final class Murmur3x64 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3x64() {
    }

    /**
     * Hashes {@code data[0, length)}: {@code out[0]} is {@code h1}, {@code out[1]} is {@code h2};
     * the digest's bytes are {@code h1} then {@code h2}, each little-endian.
     */
    public static void hash128(byte[] data, int length, long[] out) {
        if (length < 0 || length > data.length) {
            throw new IllegalArgumentException("length " + length + " is outside the " + data.length + " bytes given");
        }
        long h1 = 0;
        long h2 = 0;
        int blocks = length >>> 4;
        for (int i = 0; i < blocks; i++) {
            int at = i << 4;
            long k1 = littleEndian(data, at);
            long k2 = littleEndian(data, at + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = blocks << 4;
        int rest = length & 15;
        if (rest > 8) {
            h2 ^= mixK2(partial(data, tail + 8, rest - 8));
        }
        if (rest > 0) {
            h1 ^= mixK1(partial(data, tail, Math.min(rest, 8)));
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        out[0] = h1;
        out[1] = h2;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Eight bytes from {@code at}, little-endian, by plain shifts: no VarHandle for the interpreter or C1 to go through. */
    private static long littleEndian(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24
                | (b[at + 4] & 0xFFL) << 32 | (b[at + 5] & 0xFFL) << 40 | (b[at + 6] & 0xFFL) << 48 | (b[at + 7] & 0xFFL) << 56;
    }

    /** The {@code count} (1 to 8) bytes from {@code at}, little-endian, zero above. */
    private static long partial(byte[] b, int at, int count) {
        long k = 0;
        for (int i = count - 1; i >= 0; i--) {
            k = k << 8 | (b[at + i] & 0xFFL);
        }
        return k;
    }
}
