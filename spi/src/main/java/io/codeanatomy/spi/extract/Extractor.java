package io.codeanatomy.spi.extract;

import java.util.List;

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

    /** The tables this extractor writes, in a fixed order. */
    List<TableDefinition> tables();

    /** Extracts everything the request selects into {@code sink}; returns when all batches are written. */
    ExtractionSummary extract(ExtractionRequest request, ExtractionSink sink);
}
