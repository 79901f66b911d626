package io.codeanatomy.plugins.python.facts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The {@code path} column of a file whose name is not valid UTF-8 (Linux allows any bytes but
 * {@code /} and NUL). The JDK decodes such a name with U+FFFD for the bad bytes, which loses them
 * and can give two files one path (hence one id). The column holds instead an escaped form from
 * which the exact bytes come back:
 *
 * <ul>
 *   <li>a byte that is not part of a well-formed UTF-8 sequence is written {@code %XX} (two
 *       uppercase hex digits, always 80 to FF);
 *   <li>a {@code %} followed by such a pair, or by {@code 25}, is written {@code %25};
 *   <li>everything else is the name's own text.
 * </ul>
 *
 * <p>Decoding turns every {@code %XX} of that kind back into its byte. A path holds no such
 * sequence exactly when it is the name's text unchanged ({@link #isExact}), which is so for any
 * name in UTF-8 that does not itself contain one (a {@code 100%.py} or {@code a%20b.py} is
 * unchanged). The encoding is injective, so distinct files keep distinct paths.
 */
final class RelativePath {
    private static final char REPLACEMENT = '\uFFFD';
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private RelativePath() {
    }

    /**
     * The column value for a file listed as {@code listed} ('/'-separated, relative to the source
     * root) and found at {@code file}, whose last path elements are the listed ones.
     */
    static String of(String listed, Path file) {
        if (listed.indexOf(REPLACEMENT) >= 0) {
            byte[] raw = rawRelative(listed, file);
            if (raw != null) {
                return encode(raw);
            }
        }
        return listed.indexOf('%') < 0 ? listed : encode(listed.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code path} is the file's name as it is, with nothing escaped. */
    static boolean isExact(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (escapedByte(path, i) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The exact bytes of the name that {@code path} stands for. */
    static byte[] decode(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
        int i = 0;
        while (i < path.length()) {
            int b = path.charAt(i) == '%' ? escapedByte(path, i) : -1;
            if (b >= 0) {
                out.write(b);
                i += 3;
            } else {
                int next = path.offsetByCodePoints(i, 1);
                out.writeBytes(path.substring(i, next).getBytes(StandardCharsets.UTF_8));
                i = next;
            }
        }
        return out.toByteArray();
    }

    static String encode(byte[] name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length + 8);
        int i = 0;
        while (i < name.length) {
            int n = wellFormedLength(name, i);
            if (n == 0) {
                escape(out, name[i] & 0xFF);
                i++;
            } else if (name[i] == '%' && looksEscaped(name, i)) {
                escape(out, '%');
                i++;
            } else {
                out.write(name, i, n);
                i += n;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void escape(ByteArrayOutputStream out, int b) {
        out.write('%');
        out.write(HEX[b >> 4]);
        out.write(HEX[b & 0xF]);
    }

    /** A {@code %} at {@code i} followed by a pair that decoding would read as an escape. */
    private static boolean looksEscaped(byte[] name, int i) {
        return i + 2 < name.length && escapeValue(name[i + 1], name[i + 2]) >= 0;
    }

    /** The byte that the escape at {@code i} stands for, or -1 when there is none there. */
    private static int escapedByte(String path, int i) {
        if (i + 2 >= path.length() || path.charAt(i + 1) > 0x7F || path.charAt(i + 2) > 0x7F) {
            return -1;
        }
        return escapeValue((byte) path.charAt(i + 1), (byte) path.charAt(i + 2));
    }

    private static int escapeValue(byte high, byte low) {
        int h = hexDigit(high);
        int l = hexDigit(low);
        if (h < 0 || l < 0) {
            return -1;
        }
        int value = h << 4 | l;
        return value >= 0x80 || value == '%' ? value : -1;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Length of the well-formed UTF-8 sequence at {@code i} (Unicode table 3-7), 0 when there is none. */
    static int wellFormedLength(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + n > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return n;
    }

    /**
     * The bytes of the last path elements of {@code file}, as many as {@code listed} has, joined by
     * '/'; null when {@code file} has fewer. The file's URI keeps a name's bytes, percent-encoded.
     */
    private static byte[] rawRelative(String listed, Path file) {
        int count = 1;
        for (int i = listed.indexOf('/'); i >= 0; i = listed.indexOf('/', i + 1)) {
            count++;
        }
        String[] elements = file.toAbsolutePath().toUri().getRawPath().split("/");
        int end = elements.length;
        while (end > 0 && elements[end - 1].isEmpty()) {
            end--;
        }
        if (end - count < 1) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int e = end - count; e < end; e++) {
            if (e > end - count) {
                out.write('/');
            }
            percentDecode(elements[e], out);
        }
        return out.toByteArray();
    }

    private static void percentDecode(String element, ByteArrayOutputStream out) {
        byte[] bytes = element.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                out.write(Character.digit(bytes[i + 1], 16) << 4 | Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
    }
}
