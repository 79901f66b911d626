package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns the pushed batches of one extraction table into the pulled iterator a {@link Materializer}
 * writes as one commit (a new version of the table, replacing its rows). Extractor workers hand batches over by transferring their buffers into a
 * root of this channel; a bounded queue makes fast extractors wait for the writer instead of
 * filling memory. The writer runs on its own thread; if it fails, producers fail fast instead of
 * blocking, and an aborted channel makes the writer fail so that no partial table is committed.
 */
final class TableChannel implements MaterializingSink.Channel<MaterializeResult> {
    private static final int QUEUE_BATCHES = 8;
    private static final long POLL_MILLIS = 50;
    private static final Object END = new Object();
    private static final Object ABORT = new Object();

    private final String table;
    private final Schema schema;
    private final BufferAllocator allocator;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Thread writer;
    private volatile Throwable failure;
    private volatile MaterializeResult result;

    TableChannel(String table, Schema schema, BufferAllocator allocator, Materializer materializer, Path location) {
        this.table = requireNonNull(table, "table is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        requireNonNull(materializer, "materializer is null");
        requireNonNull(location, "location is null");
        this.writer = new Thread(() -> {
            Batches batches = new Batches();
            try {
                result = materializer.write(location, WriteMode.OVERWRITE, schema, batches);
            } catch (RuntimeException | Error e) {
                failure = e;
                drain();
            } finally {
                batches.closeCurrent();
            }
        }, "write-" + table);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(VectorSchemaRoot batch) {
        requireNonNull(batch, "batch is null");
        if (!schema.equals(batch.getSchema())) {
            throw new IllegalArgumentException("batch for table '" + table + "' has schema " + batch.getSchema()
                    + " but the table was declared with " + schema);
        }
        VectorSchemaRoot copy = VectorSchemaRoot.create(schema, allocator);
        for (int i = 0; i < schema.getFields().size(); i++) {
            batch.getVector(i).makeTransferPair(copy.getVector(i)).transfer();
        }
        copy.setRowCount(batch.getRowCount());
        batch.setRowCount(0);
        try {
            put(copy);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** Ends the table and waits for its commit. */
    @Override
    public MaterializeResult finish() {
        put(END);
        join();
        if (failure != null) {
            throw new IllegalStateException("writing extraction table '" + table + "' failed: " + failure.getMessage(), failure);
        }
        return requireNonNull(result, "result");
    }

    /** Makes the writer fail without committing, and waits for it. */
    @Override
    public void abort() {
        // The writer may already have failed and stopped taking; then there is nothing to stop.
        while (failure == null && writer.isAlive() && !offer(ABORT)) {
            Thread.onSpinWait();
        }
        join();
        drain();
    }

    private void put(Object item) {
        while (!offer(item)) {
            if (failure != null) {
                throw new IllegalStateException("writing extraction table '" + table + "' failed: " + failure.getMessage(), failure);
            }
        }
    }

    private boolean offer(Object item) {
        try {
            return queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing table '" + table + "'", e);
        }
    }

    private void join() {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing table '" + table + "'", e);
        }
    }

    private void drain() {
        for (Object item; (item = queue.poll()) != null; ) {
            if (item instanceof VectorSchemaRoot root) {
                root.close();
            }
        }
    }

    /** The materializer's view: each batch stays open until it asks for the next one. */
    private final class Batches implements Iterator<VectorSchemaRoot> {
        private VectorSchemaRoot current;
        private Object next;

        @Override
        public boolean hasNext() {
            closeCurrent();
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing table '" + table + "'", e);
                }
            }
            if (next == ABORT) {
                throw new IllegalStateException("extraction of table '" + table + "' was aborted");
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
