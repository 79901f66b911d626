package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run summary's line on outputs says what a rebuild computed for the changed files only and what for every file. */
class TestOutputReuse {
    @Test
    void aBuildThatRecomputedEverythingOrSkippedSaysSoAlone() {
        assertThat(new OutputReuse(List.of(), List.of("cpg_nodes", "cpg_mro"), List.of()).describe()).isEqualTo("2 recomputed");
        assertThat(new OutputReuse(List.of("cpg_nodes", "cpg_mro"), List.of(), List.of()).describe())
                .isEqualTo("0 recomputed, 2 skipped (their inputs did not change)");
    }

    @Test
    void aRebuildNamesWhatItStillComputedForEveryFile() {
        OutputReuse withCalls = new OutputReuse(List.of(),
                List.of("cpg_nodes", "cpg_edges", "cpg_edges_by_src", "cpg_mro", "cpg_call_graph"), List.of("cpg_nodes", "cpg_edges"),
                List.of("cpg_edges_by_src"), 2, 9);
        assertThat(withCalls.describe()).isEqualTo("5 recomputed (cpg_nodes, cpg_edges for the changed files only; cpg_edges_by_src for 2 "
                + "of 9 groups; cpg_mro, cpg_call_graph and the cross-file rows for every file)");
        // Only the graph's tables have cross-file rows; an output of a plugin recomputed whole is named alone.
        OutputReuse storedOnly = new OutputReuse(List.of("cpg_nodes"), List.of("stored_imp_definers", "plugin_out"),
                List.of("stored_imp_definers"));
        assertThat(storedOnly.describe())
                .isEqualTo("2 recomputed (stored_imp_definers for the changed files only; plugin_out for every file), 1 skipped (their inputs did not change)");
        assertThat(new OutputReuse(List.of(), List.of("cpg_props"), List.of("cpg_props")).describe())
                .isEqualTo("1 recomputed (cpg_props for the changed files only; the cross-file rows for every file)");
    }

    @Test
    void anOutputRecomputedForTheChangedFilesMustBeRecomputed() {
        assertThatThrownBy(() -> new OutputReuse(List.of(), List.of("cpg_mro"), List.of("cpg_nodes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[cpg_nodes]");
    }
}
