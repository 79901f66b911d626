package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.codeanatomy.python.syntax.ast.Complex;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The value of a NUMBER token, as CPython's parser computes it ({@code parsenumber}): a
 * {@link Long} when an integer fits, else a {@link BigInteger}; a {@link Double} for a float
 * (correctly rounded, infinite when too large, as Python's float()); a {@link Complex} with a zero
 * real part for an imaginary literal. Underscores are ignored. Large integers are converted in
 * sub-quadratic time (linear for hexadecimal, octal and binary).
 */
public final class NumberLiterals {
    /** CPython's default sys.get_int_max_str_digits(). */
    public static final int MAX_STR_DIGITS = 4300;
    /** Below this many decimal digits, BigInteger's own conversion is the fastest. */
    private static final int SPLIT_DIGITS = 1000;

    private NumberLiterals() {
    }

    /** The value of the well-formed literal {@code src[start, end)}. */
    public static Object value(byte[] src, int start, int end) {
        if (end <= start) {
            throw new IllegalArgumentException("empty number literal");
        }
        int last = src[end - 1] | 0x20;
        if (last == 'j') {
            return new Complex(0.0, parseFloat(src, start, end - 1));
        }
        if (end - start > 1 && src[start] == '0') {
            int kind = src[start + 1] | 0x20;
            if (kind == 'x') {
                return powerOfTwoRadix(src, start + 2, end, 4);
            } else if (kind == 'o') {
                return powerOfTwoRadix(src, start + 2, end, 3);
            } else if (kind == 'b') {
                return powerOfTwoRadix(src, start + 2, end, 1);
            }
        }
        for (int i = start; i < end; i++) {
            int c = src[i] | 0x20;
            if (c == '.' || c == 'e') {
                return parseFloat(src, start, end);
            }
        }
        return decimal(src, start, end);
    }

    /**
     * CPython's error for a decimal integer literal with more significant digits than
     * {@link #MAX_STR_DIGITS} (ast.parse refuses it), or null. Hexadecimal, octal and binary
     * literals, floats and imaginary literals have no limit.
     */
    public static String digitLimitError(byte[] src, int start, int end) {
        if (end - start <= MAX_STR_DIGITS) {
            return null;
        }
        int digits = 0;
        boolean significant = false;
        for (int i = start; i < end; i++) {
            int c = src[i];
            if (c >= '0' && c <= '9') {
                significant |= c != '0';
                digits++;
            } else if (c != '_') {
                return null;
            }
        }
        if (!significant || digits <= MAX_STR_DIGITS) {
            return null;
        }
        return "Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: value has " + digits
                + " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for big"
                + " integer literals to avoid this error";
    }

    private static String withoutUnderscores(byte[] src, int start, int end) {
        byte[] buf = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            if (src[i] != '_') {
                buf[n++] = src[i];
            }
        }
        return new String(buf, 0, n, ISO_8859_1);
    }

    private static double parseFloat(byte[] src, int start, int end) {
        return Double.parseDouble(withoutUnderscores(src, start, end));
    }

    private static Object decimal(byte[] src, int start, int end) {
        long v = 0;
        int digits = 0;
        int i = start;
        for (; i < end && digits < 18; i++) {
            int c = src[i];
            if (c != '_') {
                v = v * 10 + (c - '0');
                digits++;
            }
        }
        if (i == end) {
            return v;
        }
        String text = withoutUnderscores(src, start, end);
        if (text.length() <= 19) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new BigInteger(text);
            }
        }
        BigInteger big = text.length() < SPLIT_DIGITS ? new BigInteger(text) : splitDecimal(text, 0, text.length(), new HashMap<>());
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /**
     * Divide and conquer: high half times a power of ten plus low half, so that BigInteger's fast
     * multiplication does the work (its String constructor is quadratic). Halving yields at most two
     * sizes per level, so {@code powers} computes each power of ten once.
     */
    private static BigInteger splitDecimal(String digits, int from, int to, Map<Integer, BigInteger> powers) {
        int n = to - from;
        if (n < SPLIT_DIGITS) {
            return new BigInteger(digits.substring(from, to));
        }
        int low = n / 2;
        BigInteger hi = splitDecimal(digits, from, to - low, powers);
        BigInteger lo = splitDecimal(digits, to - low, to, powers);
        return hi.multiply(powers.computeIfAbsent(low, BigInteger.TEN::pow)).add(lo);
    }

    /** Digits of 2^bits radix packed straight into the magnitude, from the least significant end. */
    private static Object powerOfTwoRadix(byte[] src, int start, int end, int bits) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (src[i] != '_') {
                digits++;
            }
        }
        if ((long) digits * bits <= 63) {
            long v = 0;
            for (int i = start; i < end; i++) {
                if (src[i] != '_') {
                    v = v << bits | Character.digit(src[i], 16);
                }
            }
            return v;
        }
        byte[] mag = new byte[(int) (((long) digits * bits + 7) / 8)];
        int out = mag.length - 1;
        int acc = 0;
        int have = 0;
        for (int i = end - 1; i >= start; i--) {
            if (src[i] == '_') {
                continue;
            }
            acc |= Character.digit(src[i], 16) << have;
            have += bits;
            while (have >= 8) {
                mag[out--] = (byte) acc;
                acc >>>= 8;
                have -= 8;
            }
        }
        if (have > 0) {
            mag[out] = (byte) acc;
        }
        BigInteger big = new BigInteger(1, mag);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
}
