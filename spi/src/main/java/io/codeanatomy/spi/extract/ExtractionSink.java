package io.codeanatomy.spi.extract;

import org.apache.arrow.memory.BufferAllocator;

/**
 * Where an extractor sends its rows. Provided by the runtime, which owns the memory budget and
 * the storage of the extraction tables.
 */
public interface ExtractionSink {
    /**
     * The writer for {@code table}, one of the extractor's {@link TableDefinition}s; the same
     * writer on every call. Throws {@link IllegalArgumentException} for an undeclared table.
     */
    BatchWriter writer(String table);

    /**
     * The allocator to build batches with. Extractors create child allocators from it per worker
     * and close what they create; the sink closes the root.
     */
    BufferAllocator allocator();
}
