package io.codeanatomy.spi.extract;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What to extract and how.
 *
 * @param sourceRoot directory (or single file) to read
 * @param includeGlobs patterns of paths relative to the root, in the extractor's glob syntax (the
 *     Python extractor's is gitignore's); empty means every file the extractor reads
 * @param excludeGlobs patterns of paths to skip, applied after the includes
 * @param workers number of worker threads, at least 1
 * @param progress progress receiver
 * @param options extractor settings by name (e.g. the Python extractor's {@code python}, a language
 *     version); an extractor rejects a name it does not know, naming it, rather than ignoring it
 */
public record ExtractionRequest(Path sourceRoot, List<String> includeGlobs, List<String> excludeGlobs, int workers,
        ProgressListener progress, SortedMap<String, String> options) {
    public ExtractionRequest {
        requireNonNull(sourceRoot, "sourceRoot is null");
        includeGlobs = List.copyOf(requireNonNull(includeGlobs, "includeGlobs is null"));
        excludeGlobs = List.copyOf(requireNonNull(excludeGlobs, "excludeGlobs is null"));
        requireNonNull(progress, "progress is null");
        options = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(options, "options is null")));
        if (workers < 1) {
            throw new IllegalArgumentException("An extraction needs at least one worker, got " + workers + ".");
        }
    }

    /** A request with the extractor's default settings. */
    public ExtractionRequest(Path sourceRoot, List<String> includeGlobs, List<String> excludeGlobs, int workers,
            ProgressListener progress) {
        this(sourceRoot, includeGlobs, excludeGlobs, workers, progress, new TreeMap<>(Map.of()));
    }
}
