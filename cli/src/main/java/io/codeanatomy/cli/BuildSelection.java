package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.BuildSelector;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The options of the commands that read an output: which build to read (default: the latest). */
final class BuildSelection {
    @Option(names = "--as-of-version", paramLabel = "N",
            description = "Read build N of the output (0 is its first build; 'codeanatomy history' lists them) instead of the latest.")
    Long build;

    @Option(names = "--as-of-build", paramLabel = "RUN_ID",
            description = "Read the build of run RUN_ID (as 'codeanatomy history' and OUT/runs/ name it) instead of the latest.")
    String runId;

    @Option(names = "--as-of-timestamp", paramLabel = "TIME",
            description = "Read the latest build committed at or before TIME, an ISO-8601 instant such as 2026-12-02T08:00:00Z.")
    String timestamp;

    /** The selector these options give; a {@link UserError} (exit 2) when they conflict. */
    BuildSelector selector() {
        if ((build != null ? 1 : 0) + (runId != null ? 1 : 0) + (timestamp != null ? 1 : 0) > 1) {
            throw new UserError("give one of --as-of-version, --as-of-build and --as-of-timestamp.", 2);
        }
        if (timestamp != null) {
            try {
                return BuildSelector.asOf(Instant.parse(timestamp));
            } catch (DateTimeParseException e) {
                throw new UserError("--as-of-timestamp '" + timestamp + "' is not an ISO-8601 instant; write it as 2026-12-02T08:00:00Z.", 2);
            }
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
