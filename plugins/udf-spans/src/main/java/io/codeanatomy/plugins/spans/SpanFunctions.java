package io.codeanatomy.plugins.spans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The scalar functions of this plugin, as static methods Calcite calls from generated code. Boxed
 * parameters let SQL nulls through; a null argument gives a null result.
 */
public final class SpanFunctions {
    private static final byte[] SEPARATOR = "\u241F".getBytes(StandardCharsets.UTF_8);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int ID_BYTES = 16;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    private SpanFunctions() {
    }

    /**
     * The project's stable id: {@code kind + ":" +} lowercase hex of the first 16 bytes of SHA-256
     * over {@code path U+241F bstart U+241F bend U+241F kind} (UTF-8, offsets in decimal).
     */
    public static String stableId(String path, Long bstart, Long bend, String kind) {
        if (path == null || bstart == null || bend == null || kind == null) {
            return null;
        }
        MessageDigest digest = SHA256.get();
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update(SEPARATOR);
        digest.update(Long.toString(bstart).getBytes(StandardCharsets.US_ASCII));
        digest.update(SEPARATOR);
        digest.update(Long.toString(bend).getBytes(StandardCharsets.US_ASCII));
        digest.update(SEPARATOR);
        digest.update(kind.getBytes(StandardCharsets.UTF_8));
        byte[] hash = digest.digest();
        StringBuilder id = new StringBuilder(kind.length() + 1 + 2 * ID_BYTES).append(kind).append(':');
        for (int i = 0; i < ID_BYTES; i++) {
            id.append(HEX[(hash[i] >> 4) & 0xF]).append(HEX[hash[i] & 0xF]);
        }
        return id.toString();
    }

    /** Whether half-open span {@code [outerStart, outerEnd)} contains {@code [innerStart, innerEnd)}. */
    public static Boolean spanContains(Long outerStart, Long outerEnd, Long innerStart, Long innerEnd) {
        if (outerStart == null || outerEnd == null || innerStart == null || innerEnd == null) {
            return null;
        }
        return outerStart <= innerStart && innerEnd <= outerEnd;
    }

    /** Whether two half-open spans share at least one byte; empty spans overlap nothing. */
    public static Boolean spanOverlaps(Long aStart, Long aEnd, Long bStart, Long bEnd) {
        if (aStart == null || aEnd == null || bStart == null || bEnd == null) {
            return null;
        }
        return aStart < aEnd && bStart < bEnd && aStart < bEnd && bStart < aEnd;
    }
}
