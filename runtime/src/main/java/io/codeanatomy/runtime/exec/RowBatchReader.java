package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Streams the rows of an executing plan as Arrow batches. Rows are pulled from Calcite's enumerator
 * only when the consumer asks for the next batch, so at most one batch is in memory; the
 * {@link VectorSchemaRoot} is reused and its contents are valid until the next
 * {@link #loadNextBatch()}, as for every {@link ArrowReader}.
 */
public final class RowBatchReader extends ArrowReader {
    private final Schema schema;
    private final Enumerator<?> rows;
    private final boolean singleColumn;
    private final BatchLimits limits;
    private ColumnWriter[] writers;
    private boolean exhausted;
    private long bytes;
    private long rowCount;

    /**
     * @param rows Calcite's rows: {@code Object[]} per row, or the bare value when the plan has one
     *     column (that is how Enumerable code represents one-column rows)
     */
    public RowBatchReader(BufferAllocator allocator, Schema schema, Enumerator<?> rows, BatchLimits limits) {
        super(requireNonNull(allocator, "allocator is null"));
        this.schema = requireNonNull(schema, "schema is null");
        this.rows = requireNonNull(rows, "rows is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.singleColumn = schema.getFields().size() == 1;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (exhausted) {
            return false;
        }
        VectorSchemaRoot root = getVectorSchemaRoot();
        if (writers == null) {
            List<FieldVector> vectors = root.getFieldVectors();
            writers = new ColumnWriter[vectors.size()];
            for (int i = 0; i < writers.length; i++) {
                writers[i] = ColumnWriter.of(vectors.get(i));
            }
        }
        for (FieldVector vector : root.getFieldVectors()) {
            vector.reset();
        }
        int count = 0;
        long batchBytes = 0;
        while (count < limits.maxRows() && batchBytes < limits.maxBytes()) {
            if (!rows.moveNext()) {
                exhausted = true;
                break;
            }
            Object current = rows.current();
            if (singleColumn) {
                batchBytes += writers[0].write(count, current);
            } else {
                Object[] row = (Object[]) current;
                for (int c = 0; c < writers.length; c++) {
                    batchBytes += writers[c].write(count, row[c]);
                }
            }
            count++;
        }
        root.setRowCount(count);
        bytes += batchBytes;
        rowCount += count;
        return count > 0;
    }

    /**
     * The batches as an iterator, the shape materializers take: {@code hasNext()} loads the next
     * batch into the shared root, which {@code next()} returns.
     */
    public Iterator<VectorSchemaRoot> asIterator() {
        return new Iterator<>() {
            private Boolean loaded;

            @Override
            public boolean hasNext() {
                if (loaded == null) {
                    try {
                        loaded = loadNextBatch();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }

            @Override
            public VectorSchemaRoot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more batches");
                }
                loaded = null;
                try {
                    return getVectorSchemaRoot();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Rows delivered so far. */
    public long rowCount() {
        return rowCount;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    protected void closeReadSource() {
        rows.close();
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}
