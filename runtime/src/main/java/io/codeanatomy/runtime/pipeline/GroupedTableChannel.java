package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.write.GroupWrite;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.Materializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Like {@link TableChannel}, for a table stored in {@link SourceGroups groups of source files}: the
 * pushed batches are cut at group boundaries by their {@code path} column and the pieces handed to
 * the materializer's {@linkplain Materializer#writeGroups grouped write}, group by group, as one
 * commit. Only the planned groups are written; rows must come in path order, and a row of a group
 * that is not planned, or of a group already written, fails the table.
 */
final class GroupedTableChannel implements MaterializingSink.Channel<GroupedWriteResult> {
    /** The column every grouped table has, that groups are by. */
    static final String PATH_COLUMN = "path";

    private static final int QUEUE_BATCHES = 8;
    private static final long POLL_MILLIS = 50;
    private static final Object END = new Object();
    private static final Object ABORT = new Object();

    /** Rows of one group, in a root the channel owns. */
    private record Piece(int group, VectorSchemaRoot root) {
    }

    /** One group to write: its number, and what its writes replace. */
    record PlannedGroup(int group, List<String> replacedFiles, SortedSet<String> droppedPaths) {
    }

    private final String table;
    private final Schema schema;
    private final int pathColumn;
    private final SourceGroups groups;
    private final BufferAllocator allocator;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Thread writer;
    private int lastGroup;
    private volatile Throwable failure;
    private volatile GroupedWriteResult result;

    GroupedTableChannel(String table, Schema schema, BufferAllocator allocator, Materializer materializer, Path location,
            SourceGroups groups, List<PlannedGroup> planned, boolean replaceAll) {
        this.table = requireNonNull(table, "table is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.pathColumn = schema.getFields().indexOf(schema.findField(PATH_COLUMN));
        List<PlannedGroup> plan = List.copyOf(planned);
        requireNonNull(materializer, "materializer is null");
        requireNonNull(location, "location is null");
        this.writer = new Thread(() -> {
            Groups pieces = new Groups(plan);
            try {
                result = materializer.writeGroups(location, schema, replaceAll, PATH_COLUMN, pieces);
            } catch (RuntimeException | Error e) {
                failure = e;
                drain();
            } finally {
                pieces.closeCurrent();
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
        int rows = batch.getRowCount();
        if (rows == 0) {
            return;
        }
        // Take the buffers first: the caller may refill its root as soon as this returns.
        VectorSchemaRoot owned = VectorSchemaRoot.create(schema, allocator);
        for (int i = 0; i < schema.getFields().size(); i++) {
            batch.getVector(i).makeTransferPair(owned.getVector(i)).transfer();
        }
        owned.setRowCount(rows);
        batch.setRowCount(0);
        VarCharVector paths = (VarCharVector) owned.getVector(pathColumn);
        int first = groupOf(paths, 0);
        if (first == groupOf(paths, rows - 1)) {
            send(first, owned);
            return;
        }
        try {
            int start = 0;
            while (start < rows) {
                int group = groupOf(paths, start);
                int end = start + 1;
                while (end < rows && groupOf(paths, end) == group) {
                    end++;
                }
                send(group, slice(owned, start, end - start));
                start = end;
            }
        } finally {
            owned.close();
        }
    }

    private int groupOf(VarCharVector paths, int row) {
        return groups.groupOf(new String(paths.get(row), StandardCharsets.UTF_8));
    }

    private VectorSchemaRoot slice(VectorSchemaRoot from, int start, int length) {
        VectorSchemaRoot piece = VectorSchemaRoot.create(schema, allocator);
        for (int i = 0; i < schema.getFields().size(); i++) {
            TransferPair pair = from.getVector(i).makeTransferPair(piece.getVector(i));
            pair.splitAndTransfer(start, length);
        }
        piece.setRowCount(length);
        return piece;
    }

    private void send(int group, VectorSchemaRoot root) {
        if (group < lastGroup) {
            root.close();
            throw new IllegalStateException("rows of table '" + table + "' came out of path order: group " + group + " after group " + lastGroup);
        }
        lastGroup = group;
        try {
            put(new Piece(group, root));
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** Ends the table and waits for its commit. */
    @Override
    public GroupedWriteResult finish() {
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
            if (item instanceof Piece piece) {
                piece.root().close();
            }
        }
    }

    /** The materializer's view: the planned groups in order, each with the pieces of its rows. */
    private final class Groups implements Iterator<GroupWrite> {
        private final Iterator<PlannedGroup> plan;
        private VectorSchemaRoot current;
        private Object next;

        Groups(List<PlannedGroup> plan) {
            this.plan = plan.iterator();
        }

        @Override
        public boolean hasNext() {
            if (plan.hasNext()) {
                return true;
            }
            // Every piece must have gone to a planned group.
            Object last = peek();
            if (last != END) {
                throw new IllegalStateException("table '" + table + "' got rows of group " + ((Piece) last).group()
                        + ", which this build does not write");
            }
            return false;
        }

        @Override
        public GroupWrite next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more groups for table '" + table + "'");
            }
            PlannedGroup group = plan.next();
            return new GroupWrite(group.replacedFiles(), group.droppedPaths(), new Iterator<>() {
                @Override
                public boolean hasNext() {
                    closeCurrent();
                    Object head = peek();
                    if (head instanceof Piece piece && piece.group() < group.group()) {
                        throw new IllegalStateException("table '" + table + "' got rows of group " + piece.group()
                                + ", which this build does not write");
                    }
                    return head instanceof Piece piece && piece.group() == group.group();
                }

                @Override
                public VectorSchemaRoot next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException("no more rows of group " + group.group() + " of table '" + table + "'");
                    }
                    current = ((Piece) next).root();
                    next = null;
                    return current;
                }
            });
        }

        private Object peek() {
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
            return next;
        }

        private void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
