package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestIdentifiers {
    @Test
    void keepsAsciiNamesAsWritten() {
        byte[] src = "self.value = other_value".getBytes(UTF_8);
        assertThat(Identifiers.text(src, 0, 4)).isEqualTo("self");
        assertThat(Identifiers.text(src, 5, 10)).isEqualTo("value");
        assertThat(Identifiers.text(src, 13, 24)).isEqualTo("other_value");
    }

    @Test
    void sharesOneStringPerRecentAsciiName() {
        byte[] a = "name".getBytes(UTF_8);
        byte[] b = "x = name".getBytes(UTF_8);
        assertThat(Identifiers.text(b, 4, 8)).isSameAs(Identifiers.text(a, 0, 4));
    }

    @Test
    void normalisesOtherNamesToNfkc() {
        assertThat(text("café")).isEqualTo("café");
        assertThat(text("cafe\u0301")).isEqualTo("café");
        assertThat(text("ﬁle")).isEqualTo("file");
        assertThat(text("ℌ")).isEqualTo("H");
        assertThat(text("𝔘𝔫𝔦𝔠𝔬𝔡𝔢")).isEqualTo("Unicode");
    }

    @Test
    void readsLongNames() {
        String longName = "a".repeat(200) + "é";
        assertThat(text(longName)).isEqualTo(longName);
        assertThat(text("b".repeat(300))).isEqualTo("b".repeat(300));
    }

    private static String text(String name) {
        byte[] b = name.getBytes(UTF_8);
        return Identifiers.text(b, 0, b.length);
    }
}
