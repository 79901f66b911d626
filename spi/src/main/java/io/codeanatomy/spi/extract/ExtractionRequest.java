package io.codeanatomy.spi.extract;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What to extract and how.
 *
 * @param sourceRoot directory (or single file) to read
 * @param includeGlobs {@code java.nio.file.PathMatcher} glob patterns relative to the root; empty means the extractor's default
 * @param excludeGlobs glob patterns of paths to skip, applied after the includes
 * @param workers number of worker threads, at least 1
 * @param progress progress receiver
 */
public record ExtractionRequest(Path sourceRoot, List<String> includeGlobs, List<String> excludeGlobs, int workers, ProgressListener progress) {
    public ExtractionRequest {
        requireNonNull(sourceRoot, "sourceRoot is null");
        includeGlobs = List.copyOf(requireNonNull(includeGlobs, "includeGlobs is null"));
        excludeGlobs = List.copyOf(requireNonNull(excludeGlobs, "excludeGlobs is null"));
        requireNonNull(progress, "progress is null");
        if (workers < 1) {
            throw new IllegalArgumentException("An extraction needs at least one worker, got " + workers + ".");
        }
    }
}
