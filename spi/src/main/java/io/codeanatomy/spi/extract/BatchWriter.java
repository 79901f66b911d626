package io.codeanatomy.spi.extract;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Accepts the batches of one extraction table. Safe to call from several worker threads; each
 * call is atomic.
 */
public interface BatchWriter {
    /**
     * Takes the rows of {@code batch}, whose schema must equal the table's Arrow schema. When the
     * call returns the sink has copied or transferred what it needs: the caller still owns the
     * root and may clear, refill or close it.
     */
    void write(VectorSchemaRoot batch);
}
