package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one successful build committed: the version of every table it wrote. The output directory's
 * latest manifest is the single commit point of a build; readers open every table at the version
 * the manifest names, so they see one build, never a mix of two (docs/durability.md).
 *
 * @param build the build's number in this output directory: 0, 1, 2, ... (the output's version)
 * @param runId the run id of the build (its records are {@code runs/<run-id>/})
 * @param time when the build committed
 * @param files source files the build extracted
 * @param tables every table of the build, in the order it wrote them
 * @param extraction how the extraction tables are stored, for the next build to keep what did not change;
 *     empty when they were written whole
 * @param changes what the extraction read again against the build before
 * @param outputLayout how the outputs stored in groups of source files are stored; empty when every
 *     output was written whole
 */
public record BuildManifest(long build, String runId, Instant time, long files, List<ManifestTable> tables,
        Optional<ExtractionLayout> extraction, Optional<ExtractionChanges> changes, Optional<OutputLayout> outputLayout) {
    public BuildManifest {
        requireNonNull(outputLayout, "outputLayout is null");
        requireNonNull(extraction, "extraction is null");
        requireNonNull(changes, "changes is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(time, "time is null");
        tables = List.copyOf(tables);
        if (build < 0 || files < 0) {
            throw new IllegalArgumentException("A build manifest needs a non-negative build number and file count, got " + build + " and " + files + ".");
        }
    }

    /** A manifest that records no extraction layout or changes. */
    public BuildManifest(long build, String runId, Instant time, long files, List<ManifestTable> tables) {
        this(build, runId, time, files, tables, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The table called {@code name}, if the build wrote one. */
    public Optional<ManifestTable> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }
}
