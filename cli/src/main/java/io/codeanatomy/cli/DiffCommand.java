package io.codeanatomy.cli;

import io.codeanatomy.runtime.result.RunDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private TextOrJsonOption format;

    @Override
    public Integer call() {
        boolean json = format.json();
        RunDiff diff = compare();
        if (json) {
            JsonDocument.print(spec.commandLine().getOut(), document -> RunDiffJson.write(diff, document));
        } else {
            diff.print(spec.commandLine().getOut());
        }
        return diff.verdict().exitCode();
    }

    private RunDiff compare() {
        try {
            return RunDiff.compare(runA, runB);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }
}
