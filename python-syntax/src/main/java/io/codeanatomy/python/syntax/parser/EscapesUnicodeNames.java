package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the name of a {@code \N{...}} escape as CPython 3.11's unicodedata does for string
 * literals (Unicode 14.0): character names and aliases match ASCII-case-insensitively; the
 * algorithmic names {@code CJK UNIFIED IDEOGRAPH-XXXX} and {@code HANGUL SYLLABLE XXX} match only
 * in upper case; named sequences do not resolve.
 *
 * <p>The JDK's name table answers for most names. Its answers are filtered to what CPython
 * accepts (no Unicode 1.0 names of control characters, no names the JDK derives from a block name)
 * and {@link EscapesNameTable} adds the aliases and the Unicode 14.0 names the JDK 17 lacks. On a
 * newer JDK, names of characters added after Unicode 14.0 also resolve, where CPython 3.11 would
 * refuse them.
 */
final class EscapesUnicodeNames {
    private static final String CJK_PREFIX = "CJK UNIFIED IDEOGRAPH-";
    private static final String HANGUL_PREFIX = "HANGUL SYLLABLE ";
    /** Unicode 14.0's CJK unified ideograph ranges, inclusive pairs. */
    private static final int[] CJK_RANGES = {
        0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0x20000, 0x2A6DF, 0x2A700, 0x2B738, 0x2B740, 0x2B81D,
        0x2B820, 0x2CEA1, 0x2CEB0, 0x2EBE0, 0x30000, 0x3134A,
    };
    private static final String[] HANGUL_L = {
        "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H",
    };
    private static final String[] HANGUL_V = {
        "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
        "YU", "EU", "YI", "I",
    };
    private static final String[] HANGUL_T = {
        "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
        "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
    };
    private static final int HANGUL_BASE = 0xAC00;

    private EscapesUnicodeNames() {
    }

    /** The code point named by the ASCII bytes {@code [from, to)}, or -1 if CPython knows no such name. */
    static int lookup(byte[] source, int from, int to) {
        for (int i = from; i < to; i++) {
            if (source[i] < 0) {
                // CPython has turned such bytes into \U escapes before the lookup: no name matches.
                return -1;
            }
        }
        String name = new String(source, from, to - from, US_ASCII);
        if (name.startsWith(CJK_PREFIX)) {
            return cjkIdeograph(name.substring(CJK_PREFIX.length()));
        }
        if (name.startsWith(HANGUL_PREFIX)) {
            return hangulSyllable(name.substring(HANGUL_PREFIX.length()));
        }
        String upper = name.toUpperCase(Locale.ROOT);
        Integer extra = Extra.NAMES.get(upper);
        if (extra != null) {
            return extra;
        }
        return jdkName(upper);
    }

    private static int jdkName(String upper) {
        int cp;
        try {
            cp = Character.codePointOf(upper);
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
        // codePointOf trims, and accepts names CPython has not: Unicode 1.0 names of control
        // characters and "<BLOCK NAME> <HEX>" for unnamed characters.
        if (!upper.equals(Character.getName(cp)) || Character.getType(cp) == Character.CONTROL) {
            return -1;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        if (block != null && upper.equals(
                block.toString().replace('_', ' ') + " " + Integer.toHexString(cp).toUpperCase(Locale.ROOT))) {
            return -1;
        }
        return cp;
    }

    /** Four or five upper-case hexadecimal digits naming a unified ideograph. */
    private static int cjkIdeograph(String digits) {
        if (digits.length() != 4 && digits.length() != 5) {
            return -1;
        }
        int cp = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            cp = cp * 16 + d;
        }
        for (int i = 0; i < CJK_RANGES.length; i += 2) {
            if (cp >= CJK_RANGES[i] && cp <= CJK_RANGES[i + 1]) {
                return cp;
            }
        }
        return -1;
    }

    /** The jamo short names in order, each the longest that matches, as CPython's find_syllable. */
    private static int hangulSyllable(String rest) {
        int pos = 0;
        int l = longestJamo(rest, pos, HANGUL_L);
        pos += l < 0 ? 0 : HANGUL_L[l].length();
        int v = longestJamo(rest, pos, HANGUL_V);
        pos += v < 0 ? 0 : HANGUL_V[v].length();
        int t = longestJamo(rest, pos, HANGUL_T);
        pos += t < 0 ? 0 : HANGUL_T[t].length();
        if (l < 0 || v < 0 || t < 0 || pos != rest.length()) {
            return -1;
        }
        return HANGUL_BASE + (l * HANGUL_V.length + v) * HANGUL_T.length + t;
    }

    private static int longestJamo(String s, int pos, String[] jamo) {
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < jamo.length; i++) {
            int length = jamo[i].length();
            if (length > bestLength && s.startsWith(jamo[i], pos)) {
                best = i;
                bestLength = length;
            }
        }
        return best;
    }

    /** The generated table, parsed on the first escape that needs it. */
    private static final class Extra {
        static final Map<String, Integer> NAMES = parse();

        private static Map<String, Integer> parse() {
            Map<String, Integer> names = new HashMap<>(2048);
            for (String table : new String[] {EscapesNameTable.ALIASES, EscapesNameTable.UNICODE_14_NAMES}) {
                int start = 0;
                while (start < table.length()) {
                    int space = table.indexOf(' ', start);
                    int end = table.indexOf('\n', space);
                    names.put(table.substring(space + 1, end), Integer.parseInt(table, start, space, 16));
                    start = end + 1;
                }
            }
            return Map.copyOf(names);
        }
    }
}
