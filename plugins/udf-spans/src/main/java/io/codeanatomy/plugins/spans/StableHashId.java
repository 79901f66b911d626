package io.codeanatomy.plugins.spans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code stable_hash_id(path, bstart, bend, kind)}, the project's stable id: {@code kind + ":" +}
 * lowercase hex of the first 16 bytes of SHA-256 over UTF-8 {@code path U+241F bstart U+241F bend
 * U+241F kind}, the offsets in decimal. The Python extractor computes the same ids for its rows;
 * both are pinned to the same vectors, computed once with Python's {@code hashlib}.
 */
public final class StableHashId {
    static final byte[] SEPARATOR = "\u241F".getBytes(StandardCharsets.UTF_8);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int ID_BYTES = 16;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    private StableHashId() {
    }

    /** The id; null when an argument is null. */
    public static String of(String path, Long bstart, Long bend, String kind) {
        if (path == null || bstart == null || bend == null || kind == null) {
            return null;
        }
        MessageDigest digest = digest();
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update(SEPARATOR);
        digest.update(Long.toString(bstart).getBytes(StandardCharsets.US_ASCII));
        digest.update(SEPARATOR);
        digest.update(Long.toString(bend).getBytes(StandardCharsets.US_ASCII));
        digest.update(SEPARATOR);
        digest.update(kind.getBytes(StandardCharsets.UTF_8));
        return id(kind, digest.digest());
    }

    /** This thread's SHA-256 digest, reset. */
    static MessageDigest digest() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    /** {@code kind + ":" +} lowercase hex of the first 16 bytes of {@code hash}. */
    static String id(String kind, byte[] hash) {
        StringBuilder id = new StringBuilder(kind.length() + 1 + 2 * ID_BYTES).append(kind).append(':');
        for (int i = 0; i < ID_BYTES; i++) {
            id.append(HEX[(hash[i] >> 4) & 0xF]).append(HEX[hash[i] & 0xF]);
        }
        return id.toString();
    }
}
