package io.codeanatomy.python.syntax.lexer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a PEP 263 encoding name to a Java charset the way Python's codec registry resolves it, and
 * words decoding failures as Python's codecs do.
 */
final class PythonCodecs {
    /** Python codec names (normalised: lower case, '-' for '_') that Java spells differently. */
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("latin1", "ISO-8859-1"),
            Map.entry("l1", "ISO-8859-1"),
            Map.entry("u8", "UTF-8"),
            Map.entry("utf", "UTF-8"),
            Map.entry("utf8-ucs2", "UTF-8"),
            Map.entry("utf8-ucs4", "UTF-8"),
            Map.entry("cp65001", "UTF-8"),
            Map.entry("us", "US-ASCII"),
            Map.entry("646", "US-ASCII"),
            Map.entry("cp932", "windows-31j"),
            Map.entry("ms932", "windows-31j"),
            Map.entry("mskanji", "windows-31j"),
            Map.entry("ms-kanji", "windows-31j"),
            Map.entry("cp949", "x-windows-949"),
            Map.entry("ms949", "x-windows-949"),
            Map.entry("uhc", "x-windows-949"),
            Map.entry("cp950", "x-windows-950"),
            Map.entry("ms950", "x-windows-950"),
            Map.entry("iso8859-11", "x-iso-8859-11"),
            Map.entry("iso-8859-11", "x-iso-8859-11"),
            Map.entry("thai", "x-iso-8859-11"),
            Map.entry("mac-roman", "x-MacRoman"),
            Map.entry("macroman", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"),
            Map.entry("mac-cyrillic", "x-MacCyrillic"),
            Map.entry("maccyrillic", "x-MacCyrillic"),
            Map.entry("mac-greek", "x-MacGreek"),
            Map.entry("macgreek", "x-MacGreek"),
            Map.entry("mac-iceland", "x-MacIceland"),
            Map.entry("maciceland", "x-MacIceland"),
            Map.entry("mac-latin2", "x-MacCentralEurope"),
            Map.entry("maclatin2", "x-MacCentralEurope"),
            Map.entry("maccentraleurope", "x-MacCentralEurope"),
            Map.entry("mac-turkish", "x-MacTurkish"),
            Map.entry("macturkish", "x-MacTurkish"),
            Map.entry("utf-16-be", "UTF-16BE"),
            Map.entry("utf-16be", "UTF-16BE"),
            Map.entry("utf-16-le", "UTF-16LE"),
            Map.entry("utf-16le", "UTF-16LE"),
            Map.entry("utf-32-be", "UTF-32BE"),
            Map.entry("utf-32be", "UTF-32BE"),
            Map.entry("utf-32-le", "UTF-32LE"),
            Map.entry("utf-32le", "UTF-32LE"));

    private PythonCodecs() {
    }

    /**
     * Earlier answers, unknown names included: Java's lookup of a name it does not know asks every
     * charset provider and costs about a millisecond. Bounded, since names come from the files.
     */
    private static final Map<String, Optional<Charset>> LOOKUPS = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 1024;

    /** The charset Python would use for {@code name}, or null when neither Python's aliases nor Java know it. */
    static Charset lookup(String name) {
        Optional<Charset> known = LOOKUPS.get(name);
        if (known != null) {
            return known.orElse(null);
        }
        Charset charset = find(name);
        if (LOOKUPS.size() < MAX_REMEMBERED) {
            LOOKUPS.put(name, Optional.ofNullable(charset));
        }
        return charset;
    }

    private static Charset find(String name) {
        String norm = name.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        String mapped = JAVA_NAMES.get(norm);
        if (mapped != null) {
            return Charset.forName(mapped);
        }
        for (String candidate : new String[] {name, norm, norm.replace('-', '_'), norm.replace("-", "")}) {
            try {
                if (Charset.isSupported(candidate)) {
                    return Charset.forName(candidate);
                }
            } catch (IllegalArgumentException e) {
                // an illegal charset name: try the next spelling
            }
        }
        return null;
    }

    /** Python's name for the codec, as its errors print it. */
    private static String codecName(Charset cs) {
        if (cs.equals(StandardCharsets.US_ASCII)) {
            return "ascii";
        }
        if (cs.equals(StandardCharsets.UTF_8)) {
            return "utf-8";
        }
        if (cs.equals(StandardCharsets.UTF_16LE)) {
            return "utf-16-le";
        }
        if (cs.equals(StandardCharsets.UTF_16BE)) {
            return "utf-16-be";
        }
        if (cs.newEncoder().maxBytesPerChar() <= 1.0f) {
            return "charmap";
        }
        return cs.name().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Decodes {@code b[from, b.length)} strictly; returns null on success, else Python's
     * UnicodeDecodeError text for the first failure. Its position counts from {@code from} and each
     * \r\n before it as one byte, since CPython decodes after translating newlines.
     */
    static String strictDecodeError(byte[] b, int from, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            return Utf8.decodeError(b, from, b.length);
        }
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) ((b.length - from) * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
            if (!r.isError()) {
                return null;
            }
        }
        int pos = in.position();
        int len = Math.max(1, r.isError() ? r.length() : 1);
        int shown = pos - from - crlfCount(b, from, pos);
        String codec = codecName(cs);
        String reason;
        if (codec.equals("ascii")) {
            reason = "ordinal not in range(128)";
        } else if (codec.equals("charmap")) {
            reason = "character maps to <undefined>";
        } else if (pos + len >= b.length) {
            reason = "truncated data";
        } else {
            reason = "illegal multibyte sequence";
        }
        if (len == 1) {
            return String.format("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, b[pos] & 0xFF, shown, reason);
        }
        return String.format("'%s' codec can't decode bytes in position %d-%d: %s", codec, shown, shown + len - 1, reason);
    }

    /** Decodes with replacement characters, as far as Java's decoder goes. */
    static String decodeReplacing(byte[] b, int from, Charset cs) {
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(b, from, b.length - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reported an error", e);
        }
    }

    private static int crlfCount(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i + 1 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                n++;
            }
        }
        return n;
    }
}
