package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestRelativePath {
    private static byte[] bytes(String ascii, int... more) {
        byte[] a = ascii.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + more.length];
        System.arraycopy(a, 0, out, 0, a.length);
        for (int i = 0; i < more.length; i++) {
            out[a.length + i] = (byte) more[i];
        }
        return out;
    }

    @Test
    void utf8NamesAreTheirTextAndExact() {
        for (String name : new String[] {"pkg/mod.py", "día/ñ.py", "100%.py", "a%20b.py", "%zz.py", "\uFFFD.py"}) {
            String path = RelativePath.encode(name.getBytes(StandardCharsets.UTF_8));
            assertThat(path).isEqualTo(name);
            assertThat(RelativePath.isExact(path)).as(name).isTrue();
        }
    }

    @Test
    void invalidBytesAndPercentSignsThatLookLikeEscapesAreEscaped() {
        assertThat(RelativePath.encode(bytes("bad", 0xFF, 'n', '.', 'p', 'y'))).isEqualTo("bad%FFn.py");
        // A lone continuation byte, a truncated sequence, a surrogate (ED A0 80), an overlong (C0 AF).
        assertThat(RelativePath.encode(bytes("x", 0x80, 0xE2, 0x82, '-', 0xED, 0xA0, 0x80, 0xC0, 0xAF)))
                .isEqualTo("x%80%E2%82-%ED%A0%80%C0%AF");
        assertThat(RelativePath.encode("a%FF.py".getBytes(StandardCharsets.UTF_8))).isEqualTo("a%25FF.py");
        assertThat(RelativePath.encode("a%25.py".getBytes(StandardCharsets.UTF_8))).isEqualTo("a%2525.py");
        assertThat(RelativePath.isExact("bad%FFn.py")).isFalse();
        assertThat(RelativePath.isExact("a%25FF.py")).isFalse();
    }

    @Test
    void decodingGivesBackTheExactBytesAndDistinctNamesStayDistinct() {
        Random random = new Random(42);
        Set<String> paths = new HashSet<>();
        Set<String> names = new HashSet<>();
        byte[] alphabet = bytes("%%F5a2", 0xFF, 0x80, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80);
        for (int n = 0; n < 20_000; n++) {
            byte[] name = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < name.length; i++) {
                name[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String path = RelativePath.encode(name);
            assertThat(RelativePath.decode(path)).isEqualTo(name);
            if (names.add(new String(name, StandardCharsets.ISO_8859_1))) {
                assertThat(paths.add(path)).as(path).isTrue();
            }
        }
    }
}
