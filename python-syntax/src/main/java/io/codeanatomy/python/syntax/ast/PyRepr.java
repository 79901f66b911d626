package io.codeanatomy.python.syntax.ast;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * CPython 3.11's {@code repr()} of the values a {@link Constant} can hold (see the package
 * documentation), character for character, so that {@link AstDump} prints what {@code ast.dump}
 * prints.
 *
 * <p>Strings escape what {@code str.isprintable()} rejects under Unicode 14.0 ({@link NonPrintable},
 * generated from the interpreter), and Java strings are read by code point, so a lone surrogate
 * prints as {@code \ud800}; a Python string holding a high surrogate followed by a low one cannot
 * be told apart from the astral character in a Java string and prints as that character. Floats
 * print the shortest decimal that reads back as the same double, as Python's
 * {@code float_repr_style 'short'} does; the JDK 17 {@code Double.toString} is not always the
 * shortest, so the digits are searched for here. Ints longer than {@value #MAX_STR_DIGITS} decimal
 * digits raise {@link IntegerConversionLimitException}, as CPython's default
 * {@code sys.get_int_max_str_digits()} makes {@code repr} raise ValueError.
 */
public final class PyRepr {
    /** CPython's default limit on the decimal digits of an int converted to a string. */
    public static final int MAX_STR_DIGITS = 4300;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final MathContext[] FLOOR = new MathContext[18];
    private static final MathContext[] CEILING = new MathContext[18];
    /** Integers with at most this many bits have fewer than 4300 digits, so they need no count. */
    private static final int SAFE_BITS = (int) ((MAX_STR_DIGITS - 1) / Math.log10(2));

    static {
        for (int p = 1; p < FLOOR.length; p++) {
            FLOOR[p] = new MathContext(p, RoundingMode.FLOOR);
            CEILING[p] = new MathContext(p, RoundingMode.CEILING);
        }
    }

    private PyRepr() {
    }

    /** The repr of a constant value. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        repr(value, out);
        return out.toString();
    }

    /** Appends the repr of a constant value (or of a boxed int field, or null as None). */
    public static void repr(Object value, StringBuilder out) {
        if (value == null || value == Singleton.NONE) {
            out.append("None");
        } else if (value instanceof String s) {
            str(s, out);
        } else if (value instanceof CodePointString s) {
            str(s.toArray(), out);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double d) {
            out.append(floatRepr(d));
        } else if (value instanceof BigInteger i) {
            integer(i, out);
        } else if (value instanceof Bytes b) {
            bytes(b, out);
        } else if (value instanceof Complex c) {
            out.append(complexRepr(c));
        } else if (value == Singleton.ELLIPSIS) {
            out.append("Ellipsis");
        } else {
            throw new IllegalArgumentException("not a Python constant: " + value.getClass().getName());
        }
    }

    /** Appends the repr of a str: CPython's quote choice and escapes (unicode_repr). */
    public static void str(String s, StringBuilder out) {
        requireNonNull(s, "s is null");
        str(s.codePoints().toArray(), out);
    }

    /** Appends the repr of a str given as code points (surrogates may stand alone or side by side). */
    public static void str(int[] codePoints, StringBuilder out) {
        boolean single = false;
        boolean dbl = false;
        for (int cp : codePoints) {
            single |= cp == '\'';
            dbl |= cp == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        out.append(quote);
        for (int cp : codePoints) {
            if (escapedAlike(cp, quote, out)) {
                continue;
            }
            if (cp >= ' ' && cp < 0x7f) {
                out.append((char) cp);
            } else if (!NonPrintable.contains(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(out.append("\\x"), cp, 2);
            } else if (cp <= 0xffff) {
                hex(out.append("\\u"), cp, 4);
            } else {
                hex(out.append("\\U"), cp, 8);
            }
        }
        out.append(quote);
    }

    /** Appends the repr of a bytes object (bytes_repr). */
    public static void bytes(Bytes b, StringBuilder out) {
        int n = b.length();
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < n; i++) {
            single |= b.byteAt(i) == '\'';
            dbl |= b.byteAt(i) == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        out.append('b').append(quote);
        for (int i = 0; i < n; i++) {
            int c = b.byteAt(i) & 0xff;
            if (escapedAlike(c, quote, out)) {
                continue;
            }
            if (c < ' ' || c >= 0x7f) {
                hex(out.append("\\x"), c, 2);
            } else {
                out.append((char) c);
            }
        }
        out.append(quote);
    }

    /** The escapes str and bytes share: the quote, backslash, tab, newline, carriage return. */
    private static boolean escapedAlike(int c, char quote, StringBuilder out) {
        if (c == quote || c == '\\') {
            out.append('\\').append((char) c);
        } else if (c == '\t') {
            out.append("\\t");
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else {
            return false;
        }
        return true;
    }

    /** Appends the decimal repr of an int, refusing more than {@value #MAX_STR_DIGITS} digits as CPython does. */
    public static void integer(BigInteger value, StringBuilder out) {
        if (value.bitLength() <= SAFE_BITS) {
            out.append(value);
            return;
        }
        String text = value.toString();
        int digits = text.length() - (value.signum() < 0 ? 1 : 0);
        if (digits > MAX_STR_DIGITS) {
            throw new IntegerConversionLimitException(MAX_STR_DIGITS);
        }
        out.append(text);
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, e.g. {@code 0.1}, {@code 1e+16}, {@code 1e-05}, {@code 2.0}. */
    public static String floatRepr(double value) {
        return formatDouble(value, true);
    }

    /** Python's {@code repr(complex)}: {@code 1j}, {@code (1+2j)}, {@code infj}, {@code -0j}. */
    public static String complexRepr(Complex value) {
        double re = value.real();
        if (re == 0.0 && Math.copySign(1.0, re) == 1.0) {
            return formatDouble(value.imag(), false) + "j";
        }
        String im = formatDouble(value.imag(), false);
        if (im.charAt(0) != '-') {
            im = "+" + im;
        }
        return "(" + formatDouble(re, false) + im + "j)";
    }

    /** PyOS_double_to_string with format code 'r'; {@code addDotZero} is Py_DTSF_ADD_DOT_0. */
    private static String formatDouble(double value, boolean addDotZero) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        StringBuilder out = new StringBuilder(24);
        if (Math.copySign(1.0, value) < 0) {
            out.append('-');
        }
        double abs = Math.abs(value);
        if (abs == 0.0) {
            return out.append(addDotZero ? "0.0" : "0").toString();
        }
        BigDecimal shortest = shortest(abs);
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> * 10^decpt
        int decpt = digits.length() - shortest.scale();
        if (decpt <= -4 || decpt > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            int absExp = Math.abs(exp);
            if (absExp < 10) {
                out.append('0');
            }
            out.append(absExp);
        } else if (decpt <= 0) {
            out.append("0.");
            out.append("0".repeat(-decpt));
            out.append(digits);
        } else if (decpt >= digits.length()) {
            out.append(digits);
            out.append("0".repeat(decpt - digits.length()));
            if (addDotZero) {
                out.append(".0");
            }
        } else {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code abs} (finite,
     * positive), the nearer of the two candidates when both sides qualify, as David Gay's dtoa
     * mode 0 chooses; trailing zeros stripped.
     */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p < FLOOR.length; p++) {
            BigDecimal down = exact.round(FLOOR[p]);
            BigDecimal up = exact.round(CEILING[p]);
            boolean downOk = down.doubleValue() == abs;
            boolean upOk = up.doubleValue() == abs;
            BigDecimal pick;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp == 0) {
                    pick = down.unscaledValue().testBit(0) ? up : down;
                } else {
                    pick = cmp < 0 ? down : up;
                }
            } else if (downOk) {
                pick = down;
            } else if (upOk) {
                pick = up;
            } else {
                continue;
            }
            return pick.stripTrailingZeros();
        }
        throw new IllegalStateException("no 17-digit decimal reads back as " + abs);
    }

    private static void hex(StringBuilder out, int value, int width) {
        for (int shift = 4 * (width - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(value >>> shift) & 0xf]);
        }
    }
}
