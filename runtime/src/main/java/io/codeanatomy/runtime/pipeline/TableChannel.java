package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns the pushed batches of one extraction table into the pulled iterator a {@link Materializer}
 * writes as one commit (a new version of the table, replacing its rows). Extractor workers hand
 * batches over by transferring their buffers into a root of this channel ({@link QueuedChannel}).
 */
final class TableChannel extends QueuedChannel<MaterializeResult> {
    TableChannel(String table, Schema schema, BufferAllocator allocator, Materializer materializer, Path location) {
        super(table, schema, allocator);
        requireNonNull(materializer, "materializer is null");
        requireNonNull(location, "location is null");
        Batches batches = new Batches();
        start(() -> materializer.write(location, WriteMode.OVERWRITE, schema, batches), batches::closeCurrent);
    }

    @Override
    public void write(VectorSchemaRoot batch) {
        put(takeOver(batch));
    }

    /** The materializer's view: each batch stays open until it asks for the next one. */
    private final class Batches implements Iterator<VectorSchemaRoot> {
        private VectorSchemaRoot current;
        private Object next;

        @Override
        public boolean hasNext() {
            closeCurrent();
            if (next == null) {
                next = take();
            }
            return next != END;
        }

        @Override
        public VectorSchemaRoot next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more batches for table '" + table + "'");
            }
            current = (VectorSchemaRoot) next;
            next = null;
            return current;
        }

        private void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
