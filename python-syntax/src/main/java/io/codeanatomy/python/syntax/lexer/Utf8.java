package io.codeanatomy.python.syntax.lexer;

/**
 * UTF-8 helpers on byte arrays. Validation follows CPython's UTF-8 codec: an ill-formed sequence is
 * reported as its maximal valid prefix (one byte for an invalid start byte), which is also the unit
 * that the codec's "replace" error handler turns into one U+FFFD.
 */
final class Utf8 {
    /** What {@link #invalidReason} returns. */
    static final int INVALID_START = 0;
    static final int INVALID_CONTINUATION = 1;
    static final int END_OF_DATA = 2;

    private Utf8() {
    }

    /** Number of code points in {@code b[from, to)}: the bytes that do not continue a sequence. */
    static int charCount(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    /**
     * Length of the well-formed sequence that starts at {@code i} (1 to 4), or minus the length of
     * the maximal ill-formed prefix there when the bytes up to {@code end} do not form one.
     */
    static int sequenceLength(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 < 0xC2) {
            return -1;
        } else if (b0 < 0xE0) {
            need = 1;
        } else if (b0 < 0xF0) {
            need = 2;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 < 0xF5) {
            need = 3;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= end) {
                return -k;
            }
            int c = b[i + k] & 0xFF;
            if (c < lo || c > hi) {
                return -k;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        return need + 1;
    }

    /** Why the sequence at {@code i} is ill-formed (call only when {@link #sequenceLength} is negative). */
    static int invalidReason(byte[] b, int i, int end) {
        int len = -sequenceLength(b, i, end);
        int b0 = b[i] & 0xFF;
        if (b0 < 0xC2 || b0 > 0xF4) {
            return INVALID_START;
        }
        return i + len >= end ? END_OF_DATA : INVALID_CONTINUATION;
    }

    /**
     * CPython's UnicodeDecodeError text for the first ill-formed sequence of {@code b[from, to)}, with
     * positions relative to {@code from}, or null when the range is well-formed.
     */
    static String decodeError(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int len = sequenceLength(b, i, to);
            if (len > 0) {
                i += len;
                continue;
            }
            String reason = switch (invalidReason(b, i, to)) {
                case INVALID_START -> "invalid start byte";
                case END_OF_DATA -> "unexpected end of data";
                default -> "invalid continuation byte";
            };
            int pos = i - from;
            if (len == -1) {
                return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i] & 0xFF, pos, reason);
            }
            return String.format("'utf-8' codec can't decode bytes in position %d-%d: %s", pos, pos - len - 1, reason);
        }
        return null;
    }

    /** The code point of the well-formed sequence at {@code i}. */
    static int codePointAt(byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return b0;
        } else if (b0 < 0xE0) {
            return (b0 & 0x1F) << 6 | (b[i + 1] & 0x3F);
        } else if (b0 < 0xF0) {
            return (b0 & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
        }
        return (b0 & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
    }
}
