package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.BuildSelector;
import picocli.CommandLine.Option;

/** The options of the commands that read an output: which build to read (default: the latest). */
final class BuildSelection {
    @Option(names = "--as-of-version", paramLabel = "N",
            description = "Read build N of the output (0 is its first build; 'codeanatomy history' lists them) instead of the latest.")
    Long build;

    @Option(names = "--as-of-build", paramLabel = "RUN_ID",
            description = "Read the build of run RUN_ID (as 'codeanatomy history' and OUT/runs/ name it) instead of the latest.")
    String runId;

    /** The selector these options give; a {@link UserError} (exit 2) when they conflict. */
    BuildSelector selector() {
        if (build != null && runId != null) {
            throw new UserError("give --as-of-version or --as-of-build, not both.", 2);
        }
        if (build != null) {
            if (build < 0) {
                throw new UserError("--as-of-version must be 0 or more, got " + build + ".", 2);
            }
            return BuildSelector.build(build);
        }
        return runId == null ? BuildSelector.LATEST : BuildSelector.run(runId);
    }
}
