package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How a build treats the output it replaces.
 *
 * @param allowShrink whether the build may replace a build of many source files with one of none
 *     or of less than half as many (a mistyped {@code --include} otherwise empties an output)
 * @param keepBuilds when present, after the build commits, the data files of all but this many
 *     latest builds are deleted ({@link OutputVacuum}), within {@code retention}
 * @param retention builds superseded less than this long ago keep their files, for readers that
 *     may still be reading them
 */
public record BuildOptions(boolean allowShrink, OptionalInt keepBuilds, Duration retention) {
    /** Refuse to shrink, keep every build. */
    public static final BuildOptions DEFAULT = new BuildOptions(false, OptionalInt.empty(), OutputVacuum.DEFAULT_RETENTION);

    public BuildOptions {
        requireNonNull(keepBuilds, "keepBuilds is null");
        requireNonNull(retention, "retention is null");
        if (keepBuilds.isPresent() && keepBuilds.getAsInt() < 1) {
            throw new IllegalArgumentException("--keep-builds must be at least 1, got " + keepBuilds.getAsInt() + ".");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("the retention must not be negative, got " + retention + ".");
        }
    }
}
