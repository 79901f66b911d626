package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@code codeanatomy check} found in one build of an output directory.
 *
 * @param manifest the build checked
 * @param rowsRead rows read from all its tables
 * @param problems one sentence per problem, naming the table and what to do; empty when the build is sound
 */
public record CheckReport(BuildManifest manifest, long rowsRead, List<String> problems) {
    public CheckReport {
        requireNonNull(manifest, "manifest is null");
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
