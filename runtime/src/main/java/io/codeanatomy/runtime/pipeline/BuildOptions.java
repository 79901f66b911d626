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
 * @param groupBytes source bytes per group of files a full build stores extraction rows in
 *     ({@link SourceGroups}); incremental builds keep the groups they find
 * @param partitionFiles whether a full build computes the file-local part of the graph one group of
 *     files at a time, each in a session of its own, before the cross-file part: less memory, more
 *     time (docs/runtime.md, "File-partitioned execution")
 * @param full whether the build extracts every file and computes every output whatever the output's
 *     latest build holds, reading none of its data files: the way on after a data file of the
 *     output was damaged, which an incremental build would carry rows from
 */
public record BuildOptions(boolean allowShrink, OptionalInt keepBuilds, Duration retention, long groupBytes, boolean partitionFiles,
        boolean full) {
    /** Refuse to shrink, keep every build. */
    public static final BuildOptions DEFAULT = new BuildOptions(false, OptionalInt.empty(), OutputVacuum.DEFAULT_RETENTION);

    /** Groups of the default size ({@link SourceGroups#TARGET_BYTES}). */
    public BuildOptions(boolean allowShrink, OptionalInt keepBuilds, Duration retention) {
        this(allowShrink, keepBuilds, retention, SourceGroups.TARGET_BYTES, false);
    }

    /** Incremental where the latest build allows it. */
    public BuildOptions(boolean allowShrink, OptionalInt keepBuilds, Duration retention, long groupBytes, boolean partitionFiles) {
        this(allowShrink, keepBuilds, retention, groupBytes, partitionFiles, false);
    }

    public BuildOptions {
        if (groupBytes < 1) {
            throw new IllegalArgumentException("--group-bytes must be at least 1, got " + groupBytes + ".");
        }
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
