package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.python.syntax.ast.CodePointString;
import org.junit.jupiter.api.Test;

/** Literal bodies decoded as CPython 3.11 decodes them (expected values taken from python3 3.11.7). */
class TestEscapes {

    private static Object str(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        return Escapes.decodeString(bytes, 0, bytes.length, false);
    }

    private static Object raw(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        return Escapes.decodeString(bytes, 0, bytes.length, true);
    }

    private static byte[] bytes(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        return Escapes.decodeBytes(bytes, 0, bytes.length, false);
    }

    @Test
    void textWithoutEscapesIsDecodedAsUtf8() {
        assertThat(str("abc é 😀")).isEqualTo("abc é 😀");
        assertThat(raw("a\\nb")).isEqualTo("a\\nb");
    }

    @Test
    void simpleEscapesBecomeTheirCharacters() {
        assertThat(str("\\\\\\'\\\"\\a\\b\\f\\n\\r\\t\\v")).isEqualTo("\\'\"\u0007\b\f\n\r\t\u000b");
    }

    @Test
    void octalEscapesTakeAtMostThreeDigits() {
        assertThat(str("\\0\\12\\101\\1012\\777")).isEqualTo("\u0000\nAA2\u01ff");
        assertThat(bytes("\\777\\08")).containsExactly(0xff, 0, '8');
    }

    @Test
    void hexEscapesGiveCodePointsAndLoneSurrogates() {
        assertThat(str("\\x41\\u00e9\\U0001F600\\ud800")).isEqualTo("Aé😀\ud800");
    }

    @Test
    void escapedSurrogatesSideBySideStayTwoCodePoints() {
        assertThat(str("\\ud834\\udd1e")).isEqualTo(new CodePointString(new int[] {0xd834, 0xdd1e}));
        assertThat(str("\\U0001d11e")).isEqualTo("\ud834\udd1e");
        assertThat(str("\\udd1e\\ud834")).isEqualTo("\udd1e\ud834");
    }

    @Test
    void unknownEscapesStayAsWritten() {
        assertThat(str("\\q\\{\\8")).isEqualTo("\\q\\{\\8");
        assertThat(bytes("\\q\\u0041")).isEqualTo("\\q\\u0041".getBytes(UTF_8));
    }

    @Test
    void aBackslashBeforeNonAsciiStandsForItself() {
        assertThat(str("a\\é")).isEqualTo("a\\é");
    }

    @Test
    void lineEndsAreTranslatedAndBackslashNewlineContinues() {
        assertThat(str("a\r\nb\rc\\\r\nd\\\ne\\\rf")).isEqualTo("a\nb\ncdef");
        assertThat(raw("a\r\nb\\\r\nc")).isEqualTo("a\nb\\\nc");
        assertThat(bytes("a\r\nb\\\r\nc\rd")).isEqualTo("a\nbc\nd".getBytes(UTF_8));
    }

    @Test
    void namedEscapesResolveNamesAliasesAndAlgorithmicNames() {
        assertThat(str("\\N{DAGGER}\\N{latin small letter a}\\N{LINE FEED}\\N{CJK UNIFIED IDEOGRAPH-4E00}"
                + "\\N{HANGUL SYLLABLE GAG}\\N{MELTING FACE}")).isEqualTo("†a\n一각\uD83E\uDEE0");
    }

    @Test
    void malformedEscapesReportCodecPositions() {
        assertThatThrownBy(() -> str("\\xZZ")).hasMessage(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape");
        assertThatThrownBy(() -> str("é\\xZZ")).hasMessage(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: truncated \\xXX escape");
        assertThatThrownBy(() -> str("ab\\é\\x4")).hasMessage(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 18-20: truncated \\xXX escape");
        assertThatThrownBy(() -> str("\\U00110000")).hasMessage(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character");
        assertThatThrownBy(() -> str("\\u12")).hasMessage(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape");
    }

    @Test
    void malformedNamedEscapesReportCodecPositions() {
        String malformed = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
        assertThatThrownBy(() -> str("\\N")).hasMessage(malformed + "0-1: malformed \\N character escape");
        assertThatThrownBy(() -> str("\\N{")).hasMessage(malformed + "0-2: malformed \\N character escape");
        assertThatThrownBy(() -> str("\\N{}")).hasMessage(malformed + "0-2: malformed \\N character escape");
        assertThatThrownBy(() -> str("\\N{DAGGER")).hasMessage(malformed + "0-8: malformed \\N character escape");
        assertThatThrownBy(() -> str("\\N{FOO}")).hasMessage(malformed + "0-6: unknown Unicode character name");
    }

    @Test
    void badBytesHexEscapeReportsItsPosition() {
        assertThatThrownBy(() -> bytes("ab\\xZZ")).hasMessage("(value error) invalid \\x escape at position 2");
        assertThatThrownBy(() -> bytes("a\r\nb\\x1")).hasMessage("(value error) invalid \\x escape at position 3");
    }
}
