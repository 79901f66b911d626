package io.codeanatomy.api.result;

import io.codeanatomy.api.canonical.Sha256;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRunResult {
    private static final String HASH = Sha256.hex("x");

    @Test
    void keepsOutputsAndPhaseOrder() {
        RunResult result = new RunResult("run-1", RunStatus.SUCCEEDED, HASH, HASH,
                List.of(new OutputResult("cpg_nodes", "out/cpg_nodes", 10, 0)),
                List.of(new Timing("compile", 5), new Timing("execute", 20)), "bundle/" + HASH, Optional.empty());
        assertThat(result.totalMillis()).isEqualTo(25);
        assertThat(result.timings()).extracting(Timing::phase).containsExactly("compile", "execute");
        assertThat(result.output("cpg_nodes")).map(OutputResult::rowCount).contains(10L);
    }

    @Test
    void aFailureMessageGoesWithFailedOnly() {
        assertThatThrownBy(() -> new RunResult("r", RunStatus.FAILED, HASH, HASH, List.of(), List.of(), "", Optional.empty()))
                .hasMessageContaining("FAILED only");
        assertThatThrownBy(() -> new RunResult("r", RunStatus.SUCCEEDED, HASH, HASH, List.of(), List.of(), "", Optional.of("boom")))
                .hasMessageContaining("FAILED only");
        assertThatThrownBy(() -> new RunResult("r", RunStatus.SUCCEEDED, "nothex", HASH, List.of(), List.of(), "", Optional.empty()))
                .hasMessageContaining("specHash");
    }
}
