package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The names a {@code \N{...}} escape accepts: CPython 3.11's, not the JDK's. */
class TestEscapesUnicodeNames {

    private static int lookup(String name) {
        byte[] bytes = name.getBytes(UTF_8);
        return EscapesUnicodeNames.lookup(bytes, 0, bytes.length);
    }

    @Test
    void namesMatchInAnyCaseButAlgorithmicNamesOnlyInUpperCase() {
        assertThat(lookup("Latin Small Letter A")).isEqualTo('a');
        assertThat(lookup("bEl")).isEqualTo(7);
        assertThat(lookup("CJK UNIFIED IDEOGRAPH-4E00")).isEqualTo(0x4E00);
        assertThat(lookup("cjk unified ideograph-4E00")).isEqualTo(-1);
        assertThat(lookup("CJK UNIFIED IDEOGRAPH-4e00")).isEqualTo(-1);
        assertThat(lookup("HANGUL SYLLABLE GAG")).isEqualTo(0xAC01);
        assertThat(lookup("HANGUL SYLLABLE ga")).isEqualTo(-1);
    }

    @Test
    void algorithmicNamesMustNameAnExistingCharacter() {
        assertThat(lookup("CJK UNIFIED IDEOGRAPH-A000")).isEqualTo(-1);
        assertThat(lookup("CJK UNIFIED IDEOGRAPH-020000")).isEqualTo(-1);
        assertThat(lookup("HANGUL SYLLABLE ")).isEqualTo(-1);
        assertThat(lookup("HANGUL SYLLABLE GX")).isEqualTo(-1);
        assertThat(lookup("HANGUL SYLLABLE A")).isEqualTo(0xC544);
    }

    @Test
    void theJdksOwnSpellingsAreRefused() {
        assertThat(lookup("LINE FEED (LF)")).isEqualTo(-1);
        assertThat(lookup("CJK UNIFIED IDEOGRAPHS 4E00")).isEqualTo(-1);
        assertThat(lookup(" LATIN SMALL LETTER A")).isEqualTo(-1);
        assertThat(lookup("LATIN SMALL LETTER A WITH CIRCUMFLEX ")).isEqualTo(-1);
    }

    @Test
    void nonAsciiNamesNeverMatch() {
        assertThat(lookup("LATİN SMALL LETTER A")).isEqualTo(-1);
    }

    /**
     * Every name CPython 3.11 knows, every name the JDK knows and some of them in lower case,
     * resolved by both: the answers must agree. Characters that Unicode 14.0 (CPython 3.11's
     * database) does not have are left out, as a newer JDK knows them and CPython 3.11 cannot.
     */
    @Test
    void agreesWithCPythonOnEveryNameEitherSideKnows() {
        Python3 python = Python3.require();
        List<String> names = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String name = Character.getName(cp);
            // The JDK's made-up "<BLOCK> <HEX>" names are many and alike: a sample of them will do.
            boolean madeUp = name != null && name.endsWith(" " + Integer.toHexString(cp).toUpperCase(Locale.ROOT));
            if (name != null && (!madeUp || cp % 97 == 0)) {
                names.add(cp + "\t" + name);
                if (cp % 7 == 0) {
                    names.add(cp + "\t" + name.toLowerCase(Locale.ROOT));
                }
            }
        }
        String script = String.join("\n",
                "import codecs, sys, unicodedata",
                "pairs = [line.split('\\t') for line in sys.stdin.read().split('\\n')]",
                "names = [n for c, n in pairs if unicodedata.category(chr(int(c))) != 'Cn']",
                "names += [unicodedata.name(chr(c), '') for c in range(0x110000)]",
                "out = []",
                "for n in names:",
                "    if not n: continue",
                "    try: v = codecs.decode(('\\\\N{' + n + '}').encode('ascii'), 'unicode_escape')",
                "    except UnicodeDecodeError: v = ''",
                "    out.append('%s\\t%d' % (n, ord(v) if v else -1))",
                "sys.stdout.write('\\n'.join(out))");
        String answers = new String(python.run(script, List.of(), String.join("\n", names).getBytes(US_ASCII)), UTF_8);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (String line : answers.split("\n")) {
            int tab = line.lastIndexOf('\t');
            String name = line.substring(0, tab);
            int expected = Integer.parseInt(line.substring(tab + 1));
            checked++;
            if (lookup(name) != expected && disagreements.size() < 20) {
                disagreements.add(name + " -> " + lookup(name) + ", CPython " + expected);
            }
        }
        assertThat(checked).isGreaterThan(150_000);
        assertThat(disagreements).isEmpty();
    }
}
