package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBuildManifests {
    @TempDir
    Path temp;

    @Test
    void theOutputGroupsAreReadBackAsCommitted() {
        Path out = temp.resolve("out");
        OutputDirectory.open(out).close();
        OutputLayout layout = new OutputLayout("k".repeat(64), new TreeMap<>(Map.of("cpg_nodes",
                List.of(List.of("part-a.parquet"), List.of(), List.of("part-b.parquet", "part-c.parquet")))));
        BuildManifest manifest = new BuildManifest(0, "run-0", Instant.parse("2026-12-03T08:00:00Z"), 2,
                List.of(new ManifestTable("cpg_nodes", "cpg/cpg_nodes", 3, 10, Optional.of("i".repeat(64)))),
                Optional.empty(), Optional.empty(), Optional.of(layout));

        BuildManifests.commit(out, manifest);

        assertThat(BuildManifests.latest(out)).contains(manifest);
        assertThat(BuildManifests.latest(out).orElseThrow().outputLayout()).contains(layout);
    }

    @Test
    void aManifestWithoutOutputGroupsHasNone() {
        Path out = temp.resolve("out");
        OutputDirectory.open(out).close();
        BuildManifests.commit(out, new BuildManifest(0, "run-0", Instant.parse("2026-12-03T08:00:00Z"), 1, List.of()));

        assertThat(BuildManifests.latest(out).orElseThrow().outputLayout()).isEmpty();
    }
}
