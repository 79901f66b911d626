package io.codeanatomy.python.syntax.lexer;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import java.util.Arrays;

/**
 * Source bytes that are not valid UTF-8 (with no other encoding declared). CPython 3.11's
 * {@code ast.parse} does not check them up front: ill-formed bytes in comments pass, and an error
 * arises only where the parser decodes a token, with the message of the UTF-8 codec on that token's
 * text and CPython's position for it. This class replaces each ill-formed sequence by U+FFFD (as
 * the codec's "replace" handler) and finds the error CPython would raise, if any.
 */
final class InvalidUtf8 {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private final byte[] raw;
    private final int from;
    private final byte[] text;
    /** Offset in {@link #text} of each U+FFFD written, and the raw range it stands for. */
    private final int[] outAt;
    private final int[] rawAt;
    private final int[] rawEnd;

    private InvalidUtf8(byte[] raw, int from, byte[] text, int[] outAt, int[] rawAt, int[] rawEnd) {
        this.raw = raw;
        this.from = from;
        this.text = text;
        this.outAt = outAt;
        this.rawAt = rawAt;
        this.rawEnd = rawEnd;
    }

    /** Replaces the ill-formed sequences of {@code raw[from, ...)}. */
    static InvalidUtf8 replace(byte[] raw, int from) {
        byte[] out = new byte[raw.length - from + 64];
        int size = 0;
        int[] outAt = new int[16];
        int[] rawAt = new int[16];
        int[] rawEnd = new int[16];
        int n = 0;
        int i = from;
        int copied = from;
        while (i < raw.length) {
            if (raw[i] >= 0) {
                i++;
                continue;
            }
            int len = Utf8.sequenceLength(raw, i, raw.length);
            if (len > 0) {
                i += len;
                continue;
            }
            int chunk = i - copied;
            if (size + chunk + REPLACEMENT.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + chunk + REPLACEMENT.length));
            }
            System.arraycopy(raw, copied, out, size, chunk);
            size += chunk;
            if (n == outAt.length) {
                outAt = Arrays.copyOf(outAt, n * 2);
                rawAt = Arrays.copyOf(rawAt, n * 2);
                rawEnd = Arrays.copyOf(rawEnd, n * 2);
            }
            outAt[n] = size;
            rawAt[n] = i;
            rawEnd[n] = i - len;
            n++;
            System.arraycopy(REPLACEMENT, 0, out, size, REPLACEMENT.length);
            size += REPLACEMENT.length;
            i -= len;
            copied = i;
        }
        int rest = raw.length - copied;
        byte[] text = Arrays.copyOf(out, size + rest);
        System.arraycopy(raw, copied, text, size, rest);
        return new InvalidUtf8(raw, from, text, Arrays.copyOf(outAt, n), Arrays.copyOf(rawAt, n), Arrays.copyOf(rawEnd, n));
    }

    byte[] text() {
        return text;
    }

    /** The raw offset of text offset {@code p}. */
    private int toRaw(int p) {
        int k = Arrays.binarySearch(outAt, p);
        if (k >= 0) {
            return rawAt[k];
        }
        int before = -k - 2;
        if (before < 0) {
            return p + from;
        }
        if (p < outAt[before] + REPLACEMENT.length) {
            return rawAt[before];
        }
        return rawEnd[before] + p - (outAt[before] + REPLACEMENT.length);
    }

    /** Index of the first replacement at or after text offset {@code p}. */
    private int firstReplacementFrom(int p) {
        int k = Arrays.binarySearch(outAt, p);
        return k >= 0 ? k : -k - 1;
    }

    /**
     * The error CPython raises for the first token that holds an ill-formed sequence: a name or a
     * string literal other than bytes (a bytes literal fails on its non-ASCII character instead,
     * and ill-formed bytes in comments pass). Null when no such token holds one.
     */
    SyntaxError locate(SourceText src, boolean charColumns) {
        Tokens t = Lexer.lex(src, PythonVersion.PY311).tokens();
        for (int i = 0; i < t.size(); i++) {
            int s = t.start(i);
            int e = t.end(i);
            int k = firstReplacementFrom(s);
            if (k >= outAt.length || outAt[k] >= e) {
                continue;
            }
            TokenKind kind = t.kind(i);
            if (kind == TokenKind.STRING) {
                SyntaxError error = stringError(src, t, i, k, charColumns);
                if (error != null) {
                    return error;
                }
            } else if (kind == TokenKind.ERRORTOKEN && isName(s, e)) {
                String message = "(unicode error) " + Utf8.decodeError(raw, toRaw(s), toRaw(e));
                int ls = src.lineStarts()[t.line(i) - 1];
                return new SyntaxError(message, outAt[k], outAt[k] + REPLACEMENT.length, t.line(i),
                        column(src, ls, toRaw(e) - toRaw(ls), charColumns));
            } else {
                // Another token error (an unterminated string, say) comes first in CPython.
                return null;
            }
        }
        return null;
    }

    /**
     * The column CPython prints for an error whose offset it holds as {@code rawOffset}, counted in
     * bytes of the raw line that starts at text offset {@code ls}. With byte columns that is the
     * column. With character columns (a BOM or a coding declaration) CPython converts it by decoding
     * that many bytes of the line as it shows it, where each ill-formed sequence is already a
     * three-byte U+FFFD: the raw offset is applied to the replaced text, so it lands short of the
     * character it counted (a sequence cut in two counts as one character, as the "replace"
     * handler makes it).
     */
    private int column(SourceText src, int ls, int rawOffset, boolean charColumns) {
        if (!charColumns) {
            return rawOffset;
        }
        int line = src.lineOf(ls);
        int lineEnd = line < src.lineCount() ? src.lineStarts()[line] : text.length;
        return Utf8.charCount(text, ls, Math.min(ls + rawOffset, lineEnd));
    }

    private boolean isName(int s, int e) {
        if (text[s] >= '0' && text[s] <= '9') {
            return false;
        }
        for (int p = s; p < e; p++) {
            if (!Lexer.identChar(text[p] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * CPython decodes a string body whole when it is raw or holds no backslash, else each run of
     * non-ASCII bytes apart (f-strings always by runs, unless raw); the error is raised at the token
     * after the last string of an implicit concatenation.
     */
    private SyntaxError stringError(SourceText src, Tokens t, int i, int k, boolean charColumns) {
        int s = t.start(i);
        int e = t.end(i);
        boolean bytes = false;
        boolean raw = false;
        boolean formatted = false;
        int q = s;
        while (text[q] != '\'' && text[q] != '"') {
            int c = text[q] | 0x20;
            bytes |= c == 'b';
            raw |= c == 'r';
            formatted |= c == 'f';
            q++;
        }
        if (bytes) {
            return null;
        }
        int quotes = q + 2 < e && text[q + 1] == text[q] && text[q + 2] == text[q] && e - q >= 6 ? 3 : 1;
        int bodyStart = q + quotes;
        int bodyEnd = e - quotes;
        boolean backslash = false;
        for (int p = bodyStart; p < bodyEnd; p++) {
            backslash |= text[p] == '\\';
        }
        int rawBad = rawAt[k];
        int chunkStart;
        int chunkEnd;
        if (raw || !formatted && !backslash) {
            chunkStart = toRaw(bodyStart);
            chunkEnd = toRaw(bodyEnd);
        } else {
            int lo = toRaw(bodyStart);
            int hi = toRaw(bodyEnd);
            chunkStart = rawBad;
            while (chunkStart > lo && this.raw[chunkStart - 1] < 0) {
                chunkStart--;
            }
            chunkEnd = rawBad;
            while (chunkEnd < hi && this.raw[chunkEnd] < 0) {
                chunkEnd++;
            }
        }
        String message = "(unicode error) " + Utf8.decodeError(this.raw, chunkStart, chunkEnd);
        int j = i + 1;
        while (j < t.size() && t.kind(j) == TokenKind.STRING) {
            j++;
        }
        int line = t.line(i);
        int column = 0;
        if (j < t.size() && t.col(j) >= 0) {
            line = t.line(j);
            int ls = src.lineStarts()[line - 1];
            column = column(src, ls, toRaw(ls + t.col(j)) - toRaw(ls) + 1, charColumns);
        }
        return new SyntaxError(message, outAt[k], outAt[k] + REPLACEMENT.length, line, column);
    }
}
