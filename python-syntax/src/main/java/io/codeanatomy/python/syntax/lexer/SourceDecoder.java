package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Turns the bytes of a source file into the UTF-8 {@link SourceText} that the lexer reads, as
 * CPython 3.11's {@code ast.parse(bytes)} decodes them: a UTF-8 BOM is dropped, a PEP 263 coding
 * declaration on line 1 or 2 selects the encoding (UTF-8 otherwise), other encodings are transcoded.
 *
 * <p>The error, when there is one, is CPython's: a NUL byte; "encoding problem: X with BOM";
 * "unknown encoding: X"; a codec's decoding failure (these at line 0, column -1, as CPython reports
 * them); or, for UTF-8 text with ill-formed bytes outside comments, the "(unicode error)" CPython
 * raises when its parser reaches the token that holds them (CPython raises it only then, so a
 * syntax error before that token comes first). Ill-formed bytes are replaced by U+FFFD.
 *
 * <p>Line starts: a line ends after \n, \r\n or a lone \r; no line starts at the very end of the
 * text, so a file that ends with a newline has as many lines as CPython counts.
 */
public final class SourceDecoder {
    private static final String DEFAULT_ENCODING = "utf-8";

    private SourceDecoder() {
    }

    public static DecodedSource decode(byte[] raw) {
        requireNonNull(raw, "raw is null");
        int bom = raw.length >= 3 && raw[0] == (byte) 0xEF && raw[1] == (byte) 0xBB && raw[2] == (byte) 0xBF ? 3 : 0;
        String cookie = CodingCookie.find(raw, bom);
        if (cookie == null || cookie.equals(DEFAULT_ENCODING)) {
            return utf8(raw, bom, bom > 0 || cookie != null);
        }
        if (bom != 0) {
            DecodedSource asUtf8 = utf8(raw, bom, true);
            return new DecodedSource(asUtf8.text(), firstOf(nulError(raw, asUtf8.text()),
                    fileError("encoding problem: " + cookie + " with BOM")));
        }
        Charset charset = PythonCodecs.lookup(cookie);
        if (charset == null) {
            DecodedSource asUtf8 = utf8(raw, 0, true);
            SourceText text = new SourceText(asUtf8.text().bytes(), cookie, 0, asUtf8.text().lineStarts());
            return new DecodedSource(text, firstOf(nulError(raw, text), fileError("unknown encoding: " + cookie)));
        }
        byte[] bytes = PythonCodecs.decodeReplacing(raw, 0, charset).getBytes(UTF_8);
        SourceText text = new SourceText(bytes, cookie, 0, lineStarts(bytes));
        String failure = PythonCodecs.strictDecodeError(raw, 0, charset);
        return new DecodedSource(text, firstOf(nulError(raw, text), failure == null ? null : fileError(failure)));
    }

    /**
     * UTF-8 input: one pass validates, finds line starts and a NUL; well-formed text without BOM is
     * not copied. {@code charColumns}: whether CPython counts error columns in characters (with a
     * BOM or a declared encoding) rather than bytes.
     */
    private static DecodedSource utf8(byte[] raw, int bom, boolean charColumns) {
        int n = raw.length;
        int[] starts = new int[Math.max(16, (n - bom) >>> 5)];
        int count = 1;
        int firstNul = -1;
        boolean wellFormed = true;
        int i = bom;
        while (i < n) {
            byte c = raw[i];
            if (c >= 0) {
                if (c <= '\r') {
                    int next = -1;
                    if (c == '\n') {
                        next = i + 1;
                    } else if (c == '\r') {
                        next = i + 1 < n && raw[i + 1] == '\n' ? i + 2 : i + 1;
                    } else if (c == 0 && firstNul < 0) {
                        firstNul = i;
                    }
                    if (next > 0) {
                        if (next < n) {
                            if (count == starts.length) {
                                starts = Arrays.copyOf(starts, count * 2);
                            }
                            starts[count++] = next - bom;
                        }
                        i = next;
                        continue;
                    }
                }
                i++;
            } else {
                int len = Utf8.sequenceLength(raw, i, n);
                if (len < 0) {
                    wellFormed = false;
                    len = -len;
                }
                i += len;
            }
        }
        if (wellFormed) {
            byte[] bytes = bom == 0 ? raw : Arrays.copyOfRange(raw, bom, n);
            SourceText text = new SourceText(bytes, DEFAULT_ENCODING, bom, Arrays.copyOf(starts, count));
            return new DecodedSource(text, firstNul < 0 ? null : nulAt(text, firstNul - bom));
        }
        InvalidUtf8 invalid = InvalidUtf8.replace(raw, bom);
        SourceText text = new SourceText(invalid.text(), DEFAULT_ENCODING, bom, lineStarts(invalid.text()));
        SyntaxError nul = nulError(raw, text);
        return new DecodedSource(text, nul != null ? nul : invalid.locate(text, charColumns));
    }

    /** Line starts of UTF-8 text, by the rules in the class comment. */
    static int[] lineStarts(byte[] b) {
        int n = b.length;
        int[] starts = new int[Math.max(16, n >>> 5)];
        int count = 1;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && b[i + 1] == '\n') {
                    i++;
                }
                if (i + 1 < n) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * CPython refuses a NUL in the raw bytes before anything else. The error points at the first
     * NUL of the text (decoding keeps NULs), or at its start when the NUL was part of a wider
     * character (UTF-16 text).
     */
    private static SyntaxError nulError(byte[] raw, SourceText text) {
        if (indexOfNul(raw) < 0) {
            return null;
        }
        return nulAt(text, Math.max(0, indexOfNul(text.bytes())));
    }

    private static SyntaxError nulAt(SourceText text, int at) {
        int line = text.lineOf(at);
        int column = Utf8.charCount(text.bytes(), text.lineStarts()[line - 1], at) + 1;
        return new SyntaxError("source code string cannot contain null bytes", at, at + 1, line, column);
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static SyntaxError fileError(String message) {
        return new SyntaxError(message, 0, 0, 0, -1);
    }

    private static SyntaxError firstOf(SyntaxError a, SyntaxError b) {
        return a != null ? a : b;
    }
}
