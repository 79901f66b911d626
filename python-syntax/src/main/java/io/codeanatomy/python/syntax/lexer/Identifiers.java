package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.text.Normalizer;

/**
 * The text of a NAME token as CPython stores the identifier: ASCII as is, anything else NFKC
 * normalised (PEP 3131), so that {@code ﬁ} and {@code fi} name the same variable.
 */
public final class Identifiers {
    private static final int CACHE_SIZE = 8192;
    /** Longer names are rare enough not to be worth keeping. */
    private static final int CACHED_LENGTH = 48;
    /**
     * Recent ASCII names by hash. Threads may race on a slot: each reads a complete immutable
     * String or null, and a lost write only costs a later miss.
     */
    private static final String[] CACHE = new String[CACHE_SIZE];

    private Identifiers() {
    }

    /** The identifier spelled by the UTF-8 bytes {@code src[start, end)}. */
    public static String text(byte[] src, int start, int end) {
        int len = end - start;
        if (len > CACHED_LENGTH) {
            return uncached(src, start, end);
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            byte c = src[i];
            if (c < 0) {
                return nonAscii(src, start, end);
            }
            h = 31 * h + c;
        }
        int slot = (h ^ h >>> 13) & (CACHE_SIZE - 1);
        String s = CACHE[slot];
        if (s != null && sameText(s, src, start, len)) {
            return s;
        }
        s = new String(src, start, len, ISO_8859_1);
        CACHE[slot] = s;
        return s;
    }

    private static boolean sameText(String s, byte[] src, int start, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != src[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static String uncached(byte[] src, int start, int end) {
        for (int i = start; i < end; i++) {
            if (src[i] < 0) {
                return nonAscii(src, start, end);
            }
        }
        return new String(src, start, end - start, ISO_8859_1);
    }

    private static String nonAscii(byte[] src, int start, int end) {
        return Normalizer.normalize(new String(src, start, end - start, UTF_8), Normalizer.Form.NFKC);
    }
}
