package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Feeds Arrow batches to Kernel's writer one at a time, as Kernel views of the Arrow vectors, and
 * counts the rows that went through. Each batch must have the schema the write declared.
 */
final class ArrowBatchSource implements CloseableIterator<FilteredColumnarBatch> {
    private final String tablePath;
    private final Schema arrowSchema;
    private final StructType kernelSchema;
    private final Iterator<VectorSchemaRoot> batches;
    private long rows;
    private long batchCount;

    ArrowBatchSource(String tablePath, Schema arrowSchema, StructType kernelSchema, Iterator<VectorSchemaRoot> batches) {
        this.tablePath = requireNonNull(tablePath, "tablePath is null");
        this.arrowSchema = requireNonNull(arrowSchema, "arrowSchema is null");
        this.kernelSchema = requireNonNull(kernelSchema, "kernelSchema is null");
        this.batches = requireNonNull(batches, "batches is null");
    }

    @Override
    public boolean hasNext() {
        return batches.hasNext();
    }

    @Override
    public FilteredColumnarBatch next() {
        if (!batches.hasNext()) {
            throw new NoSuchElementException();
        }
        VectorSchemaRoot root = batches.next();
        batchCount++;
        if (!root.getSchema().equals(arrowSchema)) {
            throw new DeltaIoException("Batch " + batchCount + " written to " + tablePath + " has schema "
                    + root.getSchema() + " but the write declared " + arrowSchema
                    + "; every batch of a write must have the declared schema.");
        }
        rows += root.getRowCount();
        return new FilteredColumnarBatch(new ArrowColumnarBatch(kernelSchema, root), Optional.empty());
    }

    /** Rows handed to Kernel so far. */
    long rows() {
        return rows;
    }

    /** The batches belong to the caller, who closes them. */
    @Override
    public void close() {}
}
