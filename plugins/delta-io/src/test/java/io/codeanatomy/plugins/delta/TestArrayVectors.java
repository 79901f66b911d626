package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.types.BinaryType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TestArrayVectors {
    /** A vector of {@code values} as our columnar reader lays them out: one array of bytes, each value's end. */
    private static ArrayVectors.Binaries binaries(String... values) {
        StringBuilder all = new StringBuilder();
        int[] ends = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            all.append(values[i]);
            ends[i] = all.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        return new ArrayVectors.Binaries(BinaryType.BINARY, values.length, null, all.toString().getBytes(StandardCharsets.UTF_8), ends);
    }

    @Test
    void aValueIsComparedWithAnotherWhereEachLiesInItsVector() {
        ArrayVectors.Binaries first = binaries("pkg/a.py", "", "café", "pkg/a.py");
        ArrayVectors.Binaries second = binaries("café", "pkg/a.p", "pkg/a.py", "");

        assertThat(first.equalsAt(3, first, 0)).as("the same value twice in one batch").isTrue();
        assertThat(second.equalsAt(2, first, 3)).as("a value and the last one of the batch before").isTrue();
        assertThat(second.equalsAt(0, first, 2)).as("non-ASCII bytes").isTrue();
        assertThat(second.equalsAt(3, first, 1)).as("two empty values").isTrue();
        assertThat(second.equalsAt(1, first, 0)).as("a prefix is another value").isFalse();
        assertThat(first.equalsAt(0, second, 1)).isFalse();
        assertThat(first.equalsAt(1, first, 2)).isFalse();
        assertThat(second.utf8(0)).isEqualTo("café");
    }
}
