package io.codeanatomy.api.canonical;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny writer of canonical JSON: the same value tree always gives the same bytes.
 *
 * <p>Accepted values: {@code null}, {@link Boolean}, {@link String}, {@link Enum} (written as its
 * name), integral numbers ({@link Byte}, {@link Short}, {@link Integer}, {@link Long},
 * {@link BigInteger}), {@link List} (order kept) and {@link Map} with {@link String} keys (keys
 * sorted by UTF-16 code units, as RFC 8785 does). Floating-point numbers and sets are rejected:
 * their textual or iteration order is not stable, and anything hashed must be. Output has no
 * whitespace; strings escape only what JSON requires, with lowercase {@code \}{@code u00xx}
 * escapes for other control characters.
 */
public final class CanonicalJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {}

    /** Returns the canonical JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value, "$");
        return out.toString();
    }

    /** Returns the UTF-8 bytes of the canonical JSON text of {@code value}. */
    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the SHA-256 hex of the canonical JSON bytes of {@code value}. */
    public static String sha256(Object value) {
        return Sha256.hex(bytes(value));
    }

    private static void append(StringBuilder out, Object value, String where) {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof Boolean) {
            out.append(((Boolean) value) ? "true" : "false");
        }
        else if (value instanceof String) {
            appendString(out, (String) value, where);
        }
        else if (value instanceof Enum<?>) {
            appendString(out, ((Enum<?>) value).name(), where);
        }
        else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        }
        else if (value instanceof Map<?, ?>) {
            appendObject(out, (Map<?, ?>) value, where);
        }
        else if (value instanceof List<?>) {
            List<?> list = (List<?>) value;
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i), where + "[" + i + "]");
            }
            out.append(']');
        }
        else if (value instanceof Number) {
            throw new IllegalArgumentException("Canonical JSON has no floating-point numbers: encode the value at "
                    + where + " (" + value + ") as a string.");
        }
        else {
            throw new IllegalArgumentException("Canonical JSON cannot encode the " + value.getClass().getName()
                    + " at " + where + "; use a Map, List, String, Boolean, enum or integral number.");
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, String where) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("Canonical JSON object keys must be strings, found "
                        + (key == null ? "null" : key.getClass().getName()) + " at " + where + ".");
            }
            keys.add((String) key);
        }
        // String.compareTo orders by UTF-16 code units, which is the RFC 8785 key order.
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String key = keys.get(i);
            appendString(out, key, where);
            out.append(':');
            append(out, map.get(key), where + "." + key);
        }
        out.append('}');
    }

    private static void appendString(StringBuilder out, String s, String where) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    }
                    else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("Canonical JSON strings must be well-formed UTF-16: lone surrogate at " + where + ".");
                        }
                        out.append(c).append(s.charAt(++i));
                    }
                    else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("Canonical JSON strings must be well-formed UTF-16: lone surrogate at " + where + ".");
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
