package io.codeanatomy.plugins.python.tables;

import io.codeanatomy.spi.extract.BatchWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Keeps the batches a worker's {@link TableWriter} finishes, by taking over their buffers, until
 * the group they belong to is handed to the sink. Confined to one worker thread.
 */
final class BatchCollector implements BatchWriter {
    private final BufferAllocator allocator;
    private List<VectorSchemaRoot> batches = new ArrayList<>();

    BatchCollector(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public void write(VectorSchemaRoot batch) {
        VectorSchemaRoot copy = VectorSchemaRoot.create(batch.getSchema(), allocator);
        try {
            for (int i = 0; i < batch.getFieldVectors().size(); i++) {
                batch.getVector(i).makeTransferPair(copy.getVector(i)).transfer();
            }
            copy.setRowCount(batch.getRowCount());
            batches.add(copy);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** The batches kept since the last call; the caller owns them. */
    List<VectorSchemaRoot> take() {
        List<VectorSchemaRoot> taken = batches;
        batches = new ArrayList<>();
        return taken;
    }

    /** Frees batches nobody took. */
    void discard() {
        take().forEach(VectorSchemaRoot::close);
    }
}
