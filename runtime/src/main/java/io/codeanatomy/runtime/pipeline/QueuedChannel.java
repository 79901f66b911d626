package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What both table channels share: pushed batches go through a bounded queue to a writer thread
 * that pulls them for one materializer commit, so fast extractors wait for the writer instead of
 * filling memory. If the writer fails, producers fail fast instead of blocking, and an aborted
 * channel makes the writer fail so that nothing partial is committed.
 *
 * @param <R> what the commit returns
 */
abstract class QueuedChannel<R> implements MaterializingSink.Channel<R> {
    /** Queued after the last item. */
    static final Object END = new Object();
    /** Queued to make the writer fail. */
    static final Object ABORT = new Object();
    private static final int QUEUE_BATCHES = 8;
    private static final long POLL_MILLIS = 50;
    private static final long ROOM_WAIT_MILLIS = 10;

    final String table;
    final Schema schema;
    final BufferAllocator allocator;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private Thread writer;
    private volatile Throwable failure;
    /** Notified when the writer takes an item off the queue. */
    private final Object taken = new Object();
    private volatile R result;

    QueuedChannel(String table, Schema schema, BufferAllocator allocator) {
        this.table = requireNonNull(table, "table is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /** Starts the writer thread: {@code commit} pulls the queue ({@link #take}) and commits; {@code cleanup} runs after it. */
    final void start(Supplier<R> commit, Runnable cleanup) {
        writer = new Thread(() -> {
            try {
                result = commit.get();
            } catch (RuntimeException | Error e) {
                failure = e;
                drain();
            } finally {
                cleanup.run();
            }
        }, "write-" + table);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * The rows of {@code batch} in a root of this channel, its buffers transferred: the caller may
     * refill its root as soon as the push returns.
     */
    final VectorSchemaRoot takeOver(VectorSchemaRoot batch) {
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
        return copy;
    }

    /** Queues {@code item}, an {@link AutoCloseable} closed if it cannot be queued. */
    final void put(AutoCloseable item) {
        try {
            put((Object) item);
        } catch (RuntimeException e) {
            closeQuietly(item);
            throw e;
        }
    }

    private void put(Object item) {
        awaitRoom();
        while (!offer(item)) {
            if (failure != null) {
                throw failed();
            }
        }
    }

    /**
     * Waits while this channel has batches queued and the allocator's batches take more than half
     * its limit, so that the queues of all tables together cannot take the whole memory budget
     * from the workers building the next batches and the writers copying theirs; a channel whose
     * queue is empty always takes a batch, so each table keeps moving.
     */
    private void awaitRoom() {
        while (full()) {
            if (failure != null) {
                throw failed();
            }
            // Woken when the writer takes a batch; memory other tables' writers release is seen
            // at the latest after ROOM_WAIT_MILLIS.
            synchronized (taken) {
                if (full()) {
                    try {
                        taken.wait(ROOM_WAIT_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while writing table '" + table + "'", e);
                    }
                }
            }
        }
    }

    private boolean full() {
        return !queue.isEmpty() && allocator.getAllocatedMemory() > allocator.getLimit() / 2;
    }

    /** The next queued item, waiting for it; on the writer thread. */
    final Object take() {
        try {
            Object item = queue.take();
            synchronized (taken) {
                taken.notifyAll();
            }
            if (item == ABORT) {
                throw new IllegalStateException("extraction of table '" + table + "' was aborted");
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing table '" + table + "'", e);
        }
    }

    @Override
    public final R finish() {
        put(END);
        join();
        if (failure != null) {
            throw failed();
        }
        return requireNonNull(result, "result");
    }

    @Override
    public final void abort() {
        // The writer may already have failed and stopped taking; then there is nothing to stop.
        while (failure == null && writer.isAlive() && !offer(ABORT)) {
            Thread.onSpinWait();
        }
        join();
        drain();
    }

    private IllegalStateException failed() {
        return new IllegalStateException("writing extraction table '" + table + "' failed: " + failure.getMessage(), failure);
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
            if (item instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Releasing memory of a failed write; the failure itself is what is reported.
        }
    }
}
