package io.codeanatomy.api.canonical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import static java.util.Objects.requireNonNull;

/**
 * SHA-256 digests rendered as 64 lowercase hexadecimal characters, the one hash format used for
 * every fingerprint in CodeAnatomy (schemas, specs, plans, envelopes).
 */
public final class Sha256 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sha256() {}

    /** Returns the lowercase hex SHA-256 of {@code bytes}. */
    public static String hex(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        byte[] digest = digester().digest(bytes);
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }

    /** Returns the lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        requireNonNull(text, "text is null");
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Tells whether {@code value} has the shape of a hash produced by this class. */
    public static boolean isHex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Throws if {@code value} is not a 64-character lowercase hex SHA-256; returns it otherwise. */
    public static String requireHex(String value, String what) {
        requireNonNull(value, what + " is null");
        if (!isHex(value)) {
            throw new IllegalArgumentException(what + " must be 64 lowercase hex characters (a SHA-256), got '" + value + "'.");
        }
        return value;
    }

    private static MessageDigest digester() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
