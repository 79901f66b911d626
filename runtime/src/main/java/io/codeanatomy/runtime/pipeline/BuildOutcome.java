package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.runtime.exec.OperatorMetrics;
import io.codeanatomy.spi.extract.ExtractionSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A successful build: its run result, where its records are, and what the extraction saw.
 *
 * @param result the run result, as written to {@code run-result.json}
 * @param runDirectory {@code <out>/runs/<run-id>}
 * @param extraction files, bytes, problems and rows of the extraction
 * @param operators rows and time of each operator of each executed plan (empty for a plan-only run)
 * @param changes what the extraction read again against the build before
 * @param reuse which outputs were run and which kept from the build before (empty for a plan-only run)
 */
public record BuildOutcome(RunResult result, Path runDirectory, ExtractionSummary extraction, List<OperatorMetrics> operators,
        Optional<ExtractionChanges> changes, Optional<OutputReuse> reuse) {
    public BuildOutcome {
        requireNonNull(changes, "changes is null");
        requireNonNull(reuse, "reuse is null");
        operators = List.copyOf(operators);
        requireNonNull(result, "result is null");
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(extraction, "extraction is null");
    }
}
