package io.codeanatomy.api.canonical;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCanonicalJson {
    @Test
    void sortsKeysAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of(true, false));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", null);
        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"a\":null,\"b\":{\"a\":[true,false],\"z\":1}}");
    }

    @Test
    void insertionOrderDoesNotChangeTheBytes() {
        Map<String, Object> forward = new LinkedHashMap<>();
        Map<String, Object> backward = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            forward.put("key" + i, (long) i);
            backward.put("key" + (49 - i), (long) (49 - i));
        }
        assertThat(CanonicalJson.bytes(forward)).isEqualTo(CanonicalJson.bytes(backward)).isEqualTo(CanonicalJson.bytes(new TreeMap<>(forward)));
        assertThat(CanonicalJson.bytes(new HashMap<>(forward))).isEqualTo(CanonicalJson.bytes(forward));
    }

    @Test
    void ordersKeysByUtf16CodeUnitsLikeRfc8785() {
        Map<String, Object> map = new HashMap<>();
        map.put("\ufb01", 3);
        map.put("\ud83d\ude00", 2);
        map.put("\u20ac", 1);
        map.put("1", 0);
        assertThat(CanonicalJson.write(map)).isEqualTo("{\"1\":0,\"\u20ac\":1,\"\ud83d\ude00\":2,\"\ufb01\":3}");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        String text = "q\"b\\s/t\tn\nc\u0001\u001f\u007f\u00e9";
        assertThat(CanonicalJson.write(text)).isEqualTo("\"q\\\"b\\\\s/t\\tn\\nc\\u0001\\u001f\u007f\u00e9\"");
        assertThat(CanonicalJson.bytes("\u00e9")).isEqualTo("\"\u00e9\"".getBytes(StandardCharsets.UTF_8)).hasSize(4);
    }

    @Test
    void writesIntegersOfAnyWidthAndEnumsByName() {
        assertThat(CanonicalJson.write(List.of(Long.MIN_VALUE, 7, BigInteger.TWO.pow(70), Thread.State.NEW)))
                .isEqualTo("[-9223372036854775808,7,1180591620717411303424,\"NEW\"]");
    }

    @Test
    void rejectsWhatCannotBeCanonical() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 1.5))).hasMessageContaining("$.x").hasMessageContaining("floating-point");
        assertThatThrownBy(() -> CanonicalJson.write(Set.of("a"))).hasMessageContaining("cannot encode");
        assertThatThrownBy(() -> CanonicalJson.write("\ud800x")).hasMessageContaining("lone surrogate");
        Map<Object, Object> badKey = new HashMap<>();
        badKey.put(1, "one");
        assertThatThrownBy(() -> CanonicalJson.write(badKey)).hasMessageContaining("keys must be strings");
    }

    @Test
    void hashesAreLowercaseHexSha256() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(CanonicalJson.sha256(Map.of())).isEqualTo(Sha256.hex("{}"));
        assertThat(Sha256.isHex(Sha256.hex("x"))).isTrue();
        assertThat(Sha256.isHex("ABC")).isFalse();
    }
}
