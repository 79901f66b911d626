package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which build of an output directory a reader reads: the latest (the default), the build with a
 * given number ({@code --as-of-version}), or the build of a given run ({@code --as-of-build}).
 *
 * @param build a build number, or empty
 * @param runId a run id, or empty; at most one of the two is present
 */
public record BuildSelector(OptionalLong build, Optional<String> runId) {
    public static final BuildSelector LATEST = new BuildSelector(OptionalLong.empty(), Optional.empty());

    public BuildSelector {
        requireNonNull(build, "build is null");
        requireNonNull(runId, "runId is null");
        if (build.isPresent() && runId.isPresent()) {
            throw new IllegalArgumentException("Select a build by its number or by its run id, not both.");
        }
    }

    public static BuildSelector build(long number) {
        return new BuildSelector(OptionalLong.of(number), Optional.empty());
    }

    public static BuildSelector run(String runId) {
        return new BuildSelector(OptionalLong.empty(), Optional.of(runId));
    }

    public boolean isLatest() {
        return build.isEmpty() && runId.isEmpty();
    }

    @Override
    public String toString() {
        return build.isPresent() ? "build " + build.getAsLong() : runId.map(id -> "the build of run " + id).orElse("the latest build");
    }
}
