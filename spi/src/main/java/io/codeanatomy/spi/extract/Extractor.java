package io.codeanatomy.spi.extract;

import static java.util.Objects.requireNonNull;

import java.util.List;
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
}
