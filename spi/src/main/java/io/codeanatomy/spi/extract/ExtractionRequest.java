package io.codeanatomy.spi.extract;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What to extract. An extractor's own settings are not here: they reach it once, through
 * {@link Extractor#withOptions}, before the run.
 *
 * @param sourceRoot directory (or single file) to read
 * @param includeGlobs patterns of paths relative to the root, in gitignore syntax, the one syntax of
 *     every extractor and command ({@link io.codeanatomy.spi.source.SourceSelection}); empty means
 *     every file the extractor reads
 * @param excludeGlobs patterns of paths to skip, applied after the includes
 * @param workers number of worker threads, at least 1
 * @param progress progress receiver
 */
public record ExtractionRequest(Path sourceRoot, List<String> includeGlobs, List<String> excludeGlobs, int workers,
        ProgressListener progress) {
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
