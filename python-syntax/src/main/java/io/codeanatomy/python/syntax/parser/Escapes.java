package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * Decodes the text between the quotes of a string or bytes literal as CPython 3.11 does
 * (Parser/string_parser.c, with the unicode-escape codec of Objects/unicodeobject.c and the escape
 * decoder of Objects/bytesobject.c). The source bytes are UTF-8 whose line ends have not been
 * translated: a {@code \r\n} or lone {@code \r} reads as the {@code \n} CPython's tokenizer makes
 * of it, also after a backslash (a line continuation).
 *
 * <p>An unknown escape such as {@code \q} stays as written (CPython 3.11 only warns). Errors throw
 * {@link StringLiteralsException} with CPython's message, whose positions count in the buffer
 * CPython hands to the codec: there every non-ASCII character is spelled as a ten-byte
 * {@code \UXXXXXXXX} escape and a backslash before one gains {@code u005c}.
 */
final class Escapes {
    private Escapes() {
    }

    /**
     * The value of a str literal's body {@code source[from, to)}: a String, or a
     * {@link io.codeanatomy.python.syntax.ast.CodePointString} when escapes spell a high and a low
     * surrogate side by side (two code points in Python, one character in a String).
     */
    static Object decodeString(byte[] source, int from, int to, boolean raw) {
        if (firstSpecial(source, from, to, raw) < 0) {
            return new String(source, from, to - from, UTF_8);
        }
        if (raw) {
            return translateNewlines(new String(source, from, to - from, UTF_8));
        }
        return unescape(source, from, to, false);
    }

    /** The value of a bytes literal's body, which the caller has checked to be ASCII. */
    static byte[] decodeBytes(byte[] source, int from, int to, boolean raw) {
        if (firstSpecial(source, from, to, raw) < 0) {
            return Arrays.copyOfRange(source, from, to);
        }
        String text = raw
                ? translateNewlines(new String(source, from, to - from, ISO_8859_1))
                : (String) unescape(source, from, to, true);
        return text.getBytes(ISO_8859_1);
    }

    /**
     * The first byte that needs more than a plain UTF-8 decoding (a backslash unless raw, a
     * carriage return), or -1.
     */
    private static int firstSpecial(byte[] source, int from, int to, boolean raw) {
        for (int i = from; i < to; i++) {
            byte b = source[i];
            if (b == '\r' || (b == '\\' && !raw)) {
                return i;
            }
        }
        return -1;
    }

    static String translateNewlines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Decodes escapes; for a bytes literal ({@code bytes}) each char of the result is one byte:
     * octal values wrap at 256, {@code \x} takes exactly two digits, and {@code \N}, {@code \U}
     * and backslash-u are no escapes.
     */
    private static Object unescape(byte[] source, int from, int to, boolean bytes) {
        StringBuilder out = new StringBuilder(to - from);
        int[] splits = null;
        int splitCount = 0;
        int i = from;
        while (i < to) {
            int b = source[i];
            if (b != '\\') {
                if (b < 0) {
                    i = appendUtf8(source, i, to, out);
                } else if (b == '\r') {
                    out.append('\n');
                    i = afterNewline(source, i, to);
                } else {
                    out.append((char) b);
                    i++;
                }
                continue;
            }
            int escape = i++;
            if (i >= to || source[i] < 0) {
                if (bytes) {
                    throw new StringLiteralsException("(value error) Trailing \\ in string");
                }
                // CPython spells this backslash as u005c: it stands for itself.
                out.append('\\');
                continue;
            }
            int c = source[i++];
            switch (c) {
                case '\n' -> {
                }
                case '\r' -> i = afterNewline(source, i - 1, to);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = octalEnd(source, i, to);
                    int value = octal(source, i - 1, end);
                    out.append((char) (bytes ? value & 0xFF : value));
                    i = end;
                }
                case 'x' -> i = bytes
                        ? byteHexEscape(source, from, to, escape, out)
                        : hexEscape(source, from, to, escape, 2, "truncated \\xXX escape", out);
                case 'u', 'U' -> {
                    if (bytes) {
                        i = unknownEscape(c, i, out);
                        continue;
                    }
                    int before = out.length();
                    i = c == 'u'
                            ? hexEscape(source, from, to, escape, 4, "truncated \\uXXXX escape", out)
                            : hexEscape(source, from, to, escape, 8, "truncated \\UXXXXXXXX escape", out);
                    // An escaped low surrogate after an (escaped, hence lone) high one: two code points.
                    if (out.length() == before + 1 && before > 0 && Character.isLowSurrogate(out.charAt(before))
                            && Character.isHighSurrogate(out.charAt(before - 1))) {
                        splits = splits == null ? new int[4]
                                : splitCount == splits.length ? Arrays.copyOf(splits, splitCount * 2) : splits;
                        splits[splitCount++] = before;
                    }
                }
                case 'N' -> i = bytes ? unknownEscape(c, i, out) : namedEscape(source, from, to, escape, out);
                default -> {
                    int simple = simpleEscape(c);
                    if (simple >= 0) {
                        out.append((char) simple);
                    } else {
                        unknownEscape(c, i, out);
                    }
                }
            }
        }
        return splitCount == 0 ? out.toString() : StrValue.of(out, splits, splitCount);
    }

    /** An escape CPython does not know stays as written (3.11 only warns). */
    private static int unknownEscape(int c, int next, StringBuilder out) {
        out.append('\\').append((char) c);
        return next;
    }

    /** A bytes literal's {@code \x}: two hexadecimal digits, or a value error. */
    private static int byteHexEscape(byte[] source, int from, int to, int escape, StringBuilder out) {
        int i = escape + 2;
        if (i + 1 < to && hexDigit(source[i]) >= 0 && hexDigit(source[i + 1]) >= 0) {
            out.append((char) (hexDigit(source[i]) << 4 | hexDigit(source[i + 1])));
            return i + 2;
        }
        throw new StringLiteralsException("(value error) invalid \\x escape at position "
                + translatedOffset(source, from, escape));
    }

    /** The character of a one-letter escape, or -1. */
    private static int simpleEscape(int c) {
        return switch (c) {
            case '\\', '\'', '"' -> c;
            case 'a' -> 0x07;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'v' -> 0x0B;
            default -> -1;
        };
    }

    /** The end of an octal escape whose first digit precedes {@code i}: at most three digits. */
    private static int octalEnd(byte[] source, int i, int to) {
        int end = i;
        while (end < to && end < i + 2 && source[end] >= '0' && source[end] <= '7') {
            end++;
        }
        return end;
    }

    private static int octal(byte[] source, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value << 3 | (source[i] - '0');
        }
        return value;
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int hexEscape(byte[] source, int from, int to, int escape, int digits, String message,
            StringBuilder out) {
        int i = escape + 2;
        long value = 0;
        for (int k = 0; k < digits; k++, i++) {
            if (i >= to) {
                throw unicodeError(source, from, to, escape, to, message);
            }
            int d = hexDigit(source[i]);
            if (d < 0) {
                throw unicodeError(source, from, to, escape, i, message);
            }
            value = value << 4 | d;
        }
        if (value > Character.MAX_CODE_POINT) {
            throw unicodeError(source, from, to, escape, i, "illegal Unicode character");
        }
        out.appendCodePoint((int) value);
        return i;
    }

    private static int namedEscape(byte[] source, int from, int to, int escape, StringBuilder out) {
        String malformed = "malformed \\N character escape";
        int i = escape + 2;
        if (i >= to) {
            throw unicodeError(source, from, to, escape, to, malformed);
        }
        if (source[i] != '{') {
            throw unicodeError(source, from, to, escape, i, malformed);
        }
        int nameStart = ++i;
        while (i < to && source[i] != '}') {
            i++;
        }
        if (i >= to) {
            throw unicodeError(source, from, to, escape, to, malformed);
        }
        if (i == nameStart) {
            throw unicodeError(source, from, to, escape, i, malformed);
        }
        int cp = EscapesUnicodeNames.lookup(source, nameStart, i);
        i++;
        if (cp < 0) {
            throw unicodeError(source, from, to, escape, i, "unknown Unicode character name");
        }
        out.appendCodePoint(cp);
        return i;
    }

    private static StringLiteralsException unicodeError(byte[] source, int from, int to, int start, int end,
            String reason) {
        int first = codecOffset(source, from, to, start);
        int last = codecOffset(source, from, to, end);
        String where = last - first == 1
                ? "byte 0x5c in position " + first
                : "bytes in position " + first + "-" + (last - 1);
        return new StringLiteralsException("(unicode error) 'unicodeescape' codec can't decode " + where + ": " + reason);
    }

    /** The offset of {@code position} in the buffer CPython gives the unicode-escape codec. */
    private static int codecOffset(byte[] source, int from, int to, int position) {
        int offset = 0;
        int i = from;
        while (i < position) {
            int b = source[i];
            if (b == '\\') {
                offset++;
                i++;
                if (i >= to || source[i] < 0) {
                    offset += "u005c".length();
                } else if (i < position) {
                    // The byte after a backslash is copied as it is, even a backslash.
                    offset++;
                    i = source[i] == '\r' ? afterNewline(source, i, to) : i + 1;
                }
            } else if (b < 0) {
                offset += "\\U0000XXXX".length();
                i += utf8Length(b);
            } else {
                offset++;
                i = b == '\r' ? afterNewline(source, i, to) : i + 1;
            }
        }
        return offset;
    }

    /** The offset of {@code position} once {@code \r\n} pairs count as one byte. */
    private static int translatedOffset(byte[] source, int from, int position) {
        int offset = 0;
        for (int i = from; i < position; i++) {
            if (!(source[i] == '\r' && i + 1 < source.length && source[i + 1] == '\n')) {
                offset++;
            }
        }
        return offset;
    }

    /** Past the line end that starts at {@code i} (a {@code \r}, possibly followed by {@code \n}). */
    static int afterNewline(byte[] source, int i, int to) {
        return i + 1 < to && source[i] == '\r' && source[i + 1] == '\n' ? i + 2 : i + 1;
    }

    static int utf8Length(int leadByte) {
        int b = leadByte & 0xFF;
        return b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }

    /** Appends the code point whose UTF-8 sequence starts at {@code i}; returns the index after it. */
    private static int appendUtf8(byte[] source, int i, int to, StringBuilder out) {
        int b = source[i] & 0xFF;
        int length = utf8Length(b);
        if (b < 0xC0 || i + length > to) {
            out.append('\uFFFD');
            return i + 1;
        }
        int cp = b & (0x7F >> length);
        for (int k = 1; k < length; k++) {
            cp = cp << 6 | (source[i + k] & 0x3F);
        }
        out.appendCodePoint(cp);
        return i + length;
    }
}
