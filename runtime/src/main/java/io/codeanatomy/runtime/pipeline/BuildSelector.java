package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which build of an output directory a reader reads: the latest (the default), the build with a
 * given number ({@code --as-of-version}), the build of a given run ({@code --as-of-build}), or the
 * latest build committed at or before a time ({@code --as-of-timestamp}).
 *
 * @param build a build number, or empty
 * @param runId a run id, or empty
 * @param asOf a time, or empty; at most one of the three is present
 */
public record BuildSelector(OptionalLong build, Optional<String> runId, Optional<Instant> asOf) {
    public static final BuildSelector LATEST = new BuildSelector(OptionalLong.empty(), Optional.empty(), Optional.empty());

    public BuildSelector {
        requireNonNull(build, "build is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(asOf, "asOf is null");
        if ((build.isPresent() ? 1 : 0) + (runId.isPresent() ? 1 : 0) + (asOf.isPresent() ? 1 : 0) > 1) {
            throw new IllegalArgumentException("Select a build by its number, its run id or a time, not several.");
        }
    }

    public static BuildSelector build(long number) {
        return new BuildSelector(OptionalLong.of(number), Optional.empty(), Optional.empty());
    }

    public static BuildSelector run(String runId) {
        return new BuildSelector(OptionalLong.empty(), Optional.of(runId), Optional.empty());
    }

    public static BuildSelector asOf(Instant time) {
        return new BuildSelector(OptionalLong.empty(), Optional.empty(), Optional.of(time));
    }

    public boolean isLatest() {
        return build.isEmpty() && runId.isEmpty() && asOf.isEmpty();
    }

    /** Whether {@code manifest} is the build this selector names (for a time: one committed at or before it). */
    boolean matches(BuildManifest manifest) {
        if (build.isPresent()) {
            return manifest.build() == build.getAsLong();
        }
        if (runId.isPresent()) {
            return manifest.runId().equals(runId.get());
        }
        return asOf.map(time -> !manifest.time().isAfter(time)).orElse(true);
    }

    @Override
    public String toString() {
        if (build.isPresent()) {
            return "build " + build.getAsLong();
        }
        return runId.map(id -> "build of run " + id).orElseGet(() -> asOf.map(time -> "build committed at or before " + time).orElse("latest build"));
    }
}
