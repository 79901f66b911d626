package io.codeanatomy.spi.extract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Turns a source tree into extraction tables (flat facts with byte spans).
 *
 * <p>Contract: the same sources give the same rows on every run (row order within a table may
 * depend on worker scheduling; every row carries its file). A file that cannot be read or parsed
 * is reported to {@link ProgressListener#problem} and counted, not thrown; an unusable request (a
 * missing source root) is an {@link IllegalArgumentException} naming it.
 */
public interface Extractor {
    /** Stable id, e.g. {@code python}. */
    String id();

    /**
     * This extractor with its options applied, checked once before a run writes anything. A run's
     * options are namespaced by extractor id ({@code python.version=3.12}); the runtime hands each
     * extractor its own, keyed by the name after the id ({@code version}), and refuses an option
     * whose extractor is absent. Strict, as configuration is: an unknown name or an unusable value
     * is an {@link IllegalArgumentException} naming the whole option ({@code python.version}) and
     * what would do. The default knows no options.
     */
    default Extractor withOptions(SortedMap<String, String> options) {
        requireNonNull(options, "options is null");
        if (options.isEmpty()) {
            return this;
        }
        throw new IllegalArgumentException("the " + id() + " extractor has no options; remove '" + id() + "."
                + options.firstKey() + "'.");
    }

    /** The tables this extractor writes, in a fixed order. */
    List<TableDefinition> tables();

    /** Extracts everything the request selects into {@code sink}; returns when all batches are written. */
    ExtractionSummary extract(ExtractionRequest request, ExtractionSink sink);

    /**
     * The files {@code request} selects, compared by content with those the previous build extracted
     * ({@code previous}, that build's tables): which ones an incremental build must read and extract
     * again, and which ones it can keep. Empty when this extractor cannot tell, and then every
     * build extracts every file; the default.
     *
     * <p>An extractor that answers promises that an unchanged file's rows are the rows it would
     * extract now, and that every row of its tables carries its file's path in the column
     * {@code path}, with each table's rows sent in path order: the runtime keeps the previous rows of
     * unchanged files and stores rows in groups of files by path.
     */
    default Optional<SourceChanges> changes(ExtractionRequest request, PreviousTables previous) {
        requireNonNull(request, "request is null");
        requireNonNull(previous, "previous is null");
        return Optional.empty();
    }

    /**
     * Extracts the files {@code changes} names as {@linkplain SourceChanges#extracted() extracted},
     * and no other, into {@code sink}, in path order. Called only with what {@link #changes}
     * returned for the same request and {@code previous}; the default, for an extractor that never
     * returns any, refuses. The summary counts the files extracted, and the problems of every
     * selected file: those of the files kept are reported to the progress listener again, as a
     * full extraction reports them.
     */
    default ExtractionSummary extract(ExtractionRequest request, SourceChanges changes, PreviousTables previous, ExtractionSink sink) {
        throw new UnsupportedOperationException("the " + id() + " extractor cannot extract some of the selected files only");
    }
}
