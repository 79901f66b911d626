package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.result.RunRecords;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build that started writing and failed. The previous outputs are untouched and the staging
 * area removed; {@link #runDirectory()} holds a run result with status {@code FAILED}, unless a
 * full heap left no room to write it.
 */
public final class BuildFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path runDirectory;

    public BuildFailedException(String message, Path runDirectory, Throwable cause) {
        super(message, cause);
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
    }

    public Path runDirectory() {
        return runDirectory;
    }

    /** {@code " (run record: <path>)"} to follow the message, or nothing when no run result was written. */
    public String recordNote() {
        Path record = runDirectory.resolve(RunRecords.RUN_RESULT);
        return Files.isRegularFile(record) ? " (run record: " + record + ")" : "";
    }
}
