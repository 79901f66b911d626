package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Computes the project's stable ids for the rows of one file: {@code kind + ":" +} lowercase hex
 * of the first 16 bytes of SHA-256 over {@code path U+241F bstart U+241F bend U+241F kind}, the
 * offsets in decimal. The same formula as the expression API's stable-id function, so the
 * semantic layer can recompute any id from a row's columns.
 *
 * <p>Not thread-safe: one instance per worker. The path is encoded once per file.
 */
public final class StableIds {
    private static final byte[] SEPARATOR = "\u241F".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_BYTES = 16;

    /**
     * Ids computed lately, by span and kind: several tables name one node (a call's row, its
     * expression's {@code ref_id}, its arguments' {@code call_id}) within a few events, and a hash
     * costs far more than a look-up. Direct-mapped, cleared per file.
     */
    private static final int RECENT = 64;
    private final String[] recentKind = new String[RECENT];
    private final long[] recentStart = new long[RECENT];
    private final long[] recentEnd = new long[RECENT];
    private final String[] recentId = new String[RECENT];

    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] buffer = new byte[256];
    /** End of {@code path U+241F} in the buffer. */
    private int prefixEnd;
    private int length;

    public StableIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The id of {@code kind} spanning {@code [bstart, bend)} in {@code path}. */
    public static String of(String path, long bstart, long bend, String kind) {
        StableIds ids = new StableIds();
        ids.startFile(path);
        return ids.id(kind, bstart, bend);
    }

    /** Starts a file: ids computed next are for rows of {@code path}. */
    public void startFile(String path) {
        requireNonNull(path, "path is null");
        length = 0;
        Arrays.fill(recentKind, null);
        Arrays.fill(recentId, null);
        append(path.getBytes(StandardCharsets.UTF_8));
        append(SEPARATOR);
        prefixEnd = length;
    }

    /** The id of the entity of {@code kind} (ASCII) spanning {@code [bstart, bend)} in the current file. */
    public String id(String kind, long bstart, long bend) {
        int slot = (int) ((bstart * 31 + bend) * 31 + kind.hashCode()) & (RECENT - 1);
        String cachedKind = recentKind[slot];
        if (cachedKind != null && recentStart[slot] == bstart && recentEnd[slot] == bend
                && (cachedKind == kind || cachedKind.equals(kind))) {
            return recentId[slot];
        }
        String id = compute(kind, bstart, bend);
        recentKind[slot] = kind;
        recentStart[slot] = bstart;
        recentEnd[slot] = bend;
        recentId[slot] = id;
        return id;
    }

    private String compute(String kind, long bstart, long bend) {
        length = prefixEnd;
        appendDecimal(bstart);
        append(SEPARATOR);
        appendDecimal(bend);
        append(SEPARATOR);
        ensure(kind.length());
        for (int i = 0; i < kind.length(); i++) {
            buffer[length++] = (byte) kind.charAt(i);
        }
        sha256.update(buffer, 0, length);
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
        // The id is ASCII: built as bytes and copied once into a Latin-1 string.
        int kindStart = length - kind.length();
        byte[] out = new byte[kind.length() + 1 + 2 * ID_BYTES];
        System.arraycopy(buffer, kindStart, out, 0, kind.length());
        int o = kind.length();
        out[o++] = ':';
        for (int i = 0; i < ID_BYTES; i++) {
            out[o++] = HEX[(digest[i] >> 4) & 0xF];
            out[o++] = HEX[digest[i] & 0xF];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private void appendDecimal(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative offset " + value);
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
