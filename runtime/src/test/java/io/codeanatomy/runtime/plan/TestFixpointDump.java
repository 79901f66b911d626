package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixpoint diagnostic writes each round's new rows, tab-separated after the round number, and nothing when off. */
class TestFixpointDump {
    @Test
    void writesEachRoundsNewRowsUnderTheFixpointsName(@TempDir Path dir) throws Exception {
        try (FixpointDump dump = FixpointDump.open("cr_points_to$3", dir.toString())) {
            dump.round(0, List.<Object[]>of(new Object[] {"P", "a", 1}), 1);
            dump.round(1, List.<Object[]>of(new Object[] {"X", null, new Object[] {"s", 2}}, new Object[] {"P", "b", 3}), 3);
        }
        assertThat(Files.readAllLines(dir.resolve("cr_points_to_3.tsv"), StandardCharsets.UTF_8))
                .containsExactly("0\tP\ta\t1", "1\tX\tnull\t[s, 2]", "1\tP\tb\t3");
    }

    @Test
    void writesNothingWhenNoDirectoryIsGiven(@TempDir Path dir) throws Exception {
        try (FixpointDump dump = FixpointDump.open("f$1", "")) {
            dump.round(0, List.<Object[]>of(new Object[] {"P"}), 1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
