package io.codeanatomy.plugins.spans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TestSpanFunctions {
    @Test
    void stableIdFollowsTheDocumentedFormula() throws Exception {
        String preimage = "pkg/mod.py\u241F10\u241F42\u241FPY_FUNCTION";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(preimage.getBytes(StandardCharsets.UTF_8));
        String expected = "PY_FUNCTION:" + HexFormat.of().formatHex(digest, 0, 16);

        assertThat(SpanFunctions.stableId("pkg/mod.py", 10L, 42L, "PY_FUNCTION")).isEqualTo(expected);
    }

    @Test
    void stableIdIsAPinnedValue() {
        // Pinned (computed with Python's hashlib) so a change of separator, encoding or length shows.
        assertThat(SpanFunctions.stableId("a.py", 0L, 0L, "PY_FILE")).isEqualTo(pinned());
        assertThat(SpanFunctions.stableId("a.py", 0L, 1L, "PY_FILE")).isNotEqualTo(pinned());
        assertThat(SpanFunctions.stableId("\u00e9.py", 0L, 0L, "PY_FILE")).startsWith("PY_FILE:").hasSize(8 + 32);
    }

    @Test
    void nullArgumentGivesNull() {
        assertThat(SpanFunctions.stableId(null, 0L, 1L, "PY_FILE")).isNull();
        assertThat(SpanFunctions.spanContains(0L, null, 1L, 2L)).isNull();
    }

    @Test
    void spanPredicatesUseHalfOpenSpans() {
        assertThat(SpanFunctions.spanContains(0L, 10L, 0L, 10L)).isTrue();
        assertThat(SpanFunctions.spanContains(0L, 10L, 5L, 11L)).isFalse();
        assertThat(SpanFunctions.spanOverlaps(0L, 10L, 10L, 20L)).isFalse();
        assertThat(SpanFunctions.spanOverlaps(0L, 10L, 9L, 20L)).isTrue();
        assertThat(SpanFunctions.spanOverlaps(5L, 5L, 0L, 10L)).isFalse();
    }

    private static String pinned() {
        return "PY_FILE:5d84ea2e508886c67f8316f0b39b6c54";
    }
}
