package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A build that started writing and failed. The previous outputs are untouched and the staging
 * area removed; {@link #runDirectory()} holds a run result with status {@code FAILED}.
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
}
