package io.codeanatomy.api.result;

import io.codeanatomy.api.canonical.Sha256;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The compact outcome of one run: status, what was written, how long each phase took, and the
 * identities (spec hash, envelope hash, plan bundle) needed to reproduce or compare it.
 *
 * @param runId unique id of the run
 * @param status how it ended
 * @param specHash hash of the spec that ran
 * @param envelopeHash hash of the session envelope
 * @param outputs tables written, one per output name
 * @param timings phases in the order they ran
 * @param planBundleRef where the plan bundle was stored (a path or a bundle hash)
 * @param failure the one-sentence error, present exactly when the run failed
 */
public record RunResult(String runId, RunStatus status, String specHash, String envelopeHash, List<OutputResult> outputs,
        List<Timing> timings, String planBundleRef, Optional<String> failure) {

    public RunResult {
        requireNonNull(runId, "runId is null");
        requireNonNull(status, "status is null");
        Sha256.requireHex(specHash, "specHash");
        Sha256.requireHex(envelopeHash, "envelopeHash");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        timings = List.copyOf(requireNonNull(timings, "timings is null"));
        requireNonNull(planBundleRef, "planBundleRef is null");
        requireNonNull(failure, "failure is null");
        if ((status == RunStatus.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("Run " + runId + " has status " + status + (failure.isPresent() ? " and a failure message" : " and no failure message")
                    + "; a failure message goes with FAILED only.");
        }
        Set<String> names = new HashSet<>();
        for (OutputResult output : outputs) {
            if (!names.add(output.name())) {
                throw new IllegalArgumentException("Run " + runId + " reports the output '" + output.name() + "' more than once.");
            }
        }
    }

    /** Total of all phase timings. */
    public long totalMillis() {
        return timings.stream().mapToLong(Timing::millis).sum();
    }

    /** The output called {@code name}, if written. */
    public Optional<OutputResult> output(String name) {
        return outputs.stream().filter(output -> output.name().equals(name)).findFirst();
    }
}
