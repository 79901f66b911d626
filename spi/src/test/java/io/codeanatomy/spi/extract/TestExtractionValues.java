package io.codeanatomy.spi.extract;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestExtractionValues {
    @Test
    void summarySortsTablesAndTotalsRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("py_names", 30L);
        rows.put("py_defs", 12L);
        ExtractionSummary summary = ExtractionSummary.of(3, 1000, 0, rows);
        assertThat(summary.rowsByTable().keySet()).containsExactly("py_defs", "py_names");
        assertThat(summary.totalRows()).isEqualTo(42L);
        assertThatThrownBy(() -> ExtractionSummary.of(1, 1, 0, Map.of("t", -1L))).hasMessageContaining("negative row count");
    }

    @Test
    void requestNeedsAWorker() {
        assertThatThrownBy(() -> new ExtractionRequest(Path.of("src"), List.of("**/*.py"), List.of(), 0, ProgressListener.NONE))
                .hasMessageContaining("at least one worker");
        assertThat(new ExtractionRequest(Path.of("src"), List.of(), List.of(), 2, ProgressListener.NONE).workers()).isEqualTo(2);
    }
}
