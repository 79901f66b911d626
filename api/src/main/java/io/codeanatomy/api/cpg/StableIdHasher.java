package io.codeanatomy.api.cpg;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The project's stable ids, the one implementation of their formula: the Python extractor computes
 * the ids of its rows with it and the {@link CpgFunctions#STABLE_HASH_ID} and
 * {@link CpgFunctions#STABLE_EDGE_ID} functions recompute them in plans.
 *
 * <ul>
 *   <li>Entity: {@code kind + ":" +} lowercase hex of {@code murmur3_x64_128} (seed 0,
 *       {@link Murmur3x64}) over UTF-8 {@code path U+241F bstart U+241F bend U+241F kind}, the
 *       offsets in decimal.</li>
 *   <li>Edge: {@code edge_kind + ":" +} the same hash over {@code edge_kind U+241F src U+241F dst
 *       U+241F path U+241F bstart U+241F bend}; a missing path or offset is empty text.</li>
 * </ul>
 *
 * <p>The 16 digest bytes are {@code h1} then {@code h2}, each little-endian, as Guava's
 * {@code Hashing.murmur3_128().hashBytes(b).toString()} prints them. The hash is not
 * collision-resistant: the extraction checks that no two entities share an id.
 *
 * <p>Not thread-safe: one instance per thread (the static methods keep one per thread). A path is
 * encoded once for all the ids of one file ({@link #startPath}).
 */
public final class StableIdHasher {
    /** The separator between hashed fields, U+241F SYMBOL FOR UNIT SEPARATOR. */
    private static final byte[] SEPARATOR = "\u241F".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<StableIdHasher> PER_THREAD = ThreadLocal.withInitial(StableIdHasher::new);

    private final Hash128 hash;
    private final long[] digest = new long[2];
    private byte[] buffer = new byte[256];
    /** End of {@code path U+241F} in the buffer. */
    private int prefixEnd;
    /** The path whose bytes the buffer starts with ({@link #startPath}); null when an edge id overwrote them. */
    private String path;
    private int length;

    /** A hasher with the formula's hash. */
    public StableIdHasher() {
        this(Murmur3x64::hash128);
    }

    /** A hasher with another hash: for tests that need two entities to collide. */
    public StableIdHasher(Hash128 hash) {
        this.hash = requireNonNull(hash, "hash is null");
    }

    /** The id of the entity of {@code kind} spanning {@code [bstart, bend)} in {@code path}. */
    public static String of(String path, long bstart, long bend, String kind) {
        StableIdHasher hasher = PER_THREAD.get();
        // A plan computes the ids of a file's rows one after the other: its path is encoded once for them.
        if (!requireNonNull(path, "path is null").equals(hasher.path)) {
            hasher.startPath(path);
        }
        return hasher.id(kind, bstart, bend);
    }

    /** The id of the edge of {@code edgeKind} from {@code src} to {@code dst}; a null path or offset is hashed as empty text. */
    public static String edgeOf(String edgeKind, String src, String dst, String path, Long bstart, Long bend) {
        return PER_THREAD.get().edgeId(edgeKind, src, dst, path, bstart, bend);
    }

    /** Starts a path: {@link #id} computes ids in {@code path} next. */
    public void startPath(String path) {
        requireNonNull(path, "path is null");
        length = 0;
        appendUtf8(path);
        append(SEPARATOR);
        prefixEnd = length;
        this.path = path;
    }

    /**
     * The id of the entity of {@code kind} spanning {@code [bstart, bend)} in the current path;
     * {@link #high()} and {@link #low()} are its hash afterwards.
     */
    public String id(String kind, long bstart, long bend) {
        requireNonNull(kind, "kind is null");
        length = prefixEnd;
        appendDecimal(bstart);
        append(SEPARATOR);
        appendDecimal(bend);
        append(SEPARATOR);
        int kindStart = length;
        appendUtf8(kind);
        hash.hash(buffer, length, digest);
        return render(buffer, kindStart, length - kindStart);
    }

    /** The id of an edge (see the class comment); {@link #high()} and {@link #low()} are its hash afterwards. */
    public String edgeId(String edgeKind, String src, String dst, String path, Long bstart, Long bend) {
        requireNonNull(edgeKind, "edgeKind is null");
        requireNonNull(src, "src is null");
        requireNonNull(dst, "dst is null");
        length = 0;
        appendUtf8(edgeKind);
        int kindLength = length;
        append(SEPARATOR);
        appendUtf8(src);
        append(SEPARATOR);
        appendUtf8(dst);
        append(SEPARATOR);
        if (path != null) {
            appendUtf8(path);
        }
        append(SEPARATOR);
        if (bstart != null) {
            appendDecimal(bstart);
        }
        append(SEPARATOR);
        if (bend != null) {
            appendDecimal(bend);
        }
        // The next id() starts its path again: the buffer no longer holds it.
        prefixEnd = 0;
        this.path = null;
        hash.hash(buffer, length, digest);
        return render(buffer, 0, kindLength);
    }

    /** The first eight bytes of the last id's hash ({@code h1}). */
    public long high() {
        return digest[0];
    }

    /** The last eight bytes of the last id's hash ({@code h2}). */
    public long low() {
        return digest[1];
    }

    /** {@code kind + ":" + hex(digest)}, the kind being the UTF-8 bytes {@code buffer[kindStart, +kindLength)}. */
    private String render(byte[] bytes, int kindStart, int kindLength) {
        byte[] out = new byte[kindLength + 1 + 32];
        boolean ascii = true;
        for (int i = 0; i < kindLength; i++) {
            byte b = bytes[kindStart + i];
            ascii &= b >= 0;
            out[i] = b;
        }
        int o = kindLength;
        out[o++] = ':';
        for (long half : digest) {
            for (int shift = 0; shift < 64; shift += 8) {
                int b = (int) (half >>> shift);
                out[o++] = HEX[(b >> 4) & 0xF];
                out[o++] = HEX[b & 0xF];
            }
        }
        // ASCII bytes are the same text in Latin-1, which the string takes without checking them.
        return new String(out, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private void appendDecimal(long value) {
        if (value < 0) {
            // No extraction row has one, but a function must answer every argument: the decimal text with its sign.
            appendUtf8(Long.toString(value));
            return;
        }
        int digits = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        ensure(digits);
        long v = value;
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += digits;
    }

    /** Appends {@code text} as UTF-8; ASCII, the usual case, without an intermediate array. */
    private void appendUtf8(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                append(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buffer[length + i] = (byte) c;
        }
        length += n;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
