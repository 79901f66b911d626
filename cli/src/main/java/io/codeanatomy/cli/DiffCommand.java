package io.codeanatomy.cli;

import io.codeanatomy.runtime.result.RunDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codeanatomy diff}: classifies the difference between two recorded runs; the exit code says which. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compares two runs (OUT/runs/<run-id>) by their session envelopes and optimized plans (P1).",
            "Exit 0: identical. 1: expected change (the envelope differs; its changed keys are named).",
            "3: unexpected regression (P1 changed while the envelope did not; prints the P1 diff and the first differing rule).",
            "2: usage error."
        })
public final class DiffCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier run directory, OUT/runs/<run-id>.")
    private Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run directory.")
    private Path runB;

    @Override
    public Integer call() {
        RunDiff diff;
        try {
            diff = RunDiff.compare(runA, runB);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
        diff.print(spec.commandLine().getOut());
        return diff.verdict().exitCode();
    }
}
