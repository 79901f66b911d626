package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.spi.write.GroupWrite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.ToIntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of a plan that gives them in the order of their groups of source files (the rows of no
 * file last), each batch with the written columns and then {@link CpgSpec#OWNER_PATH}, cut at group
 * boundaries and handed to a grouped write of every group ({@code Materializer.writeGroups}) as they
 * come: nothing is gathered or spilled, unlike {@link FileGroupedRows}. A row of a group before the
 * one being written fails the write. Single-threaded: the write pulls the batches on the thread that
 * runs the plan.
 */
final class GroupedStream implements Iterator<GroupWrite>, AutoCloseable {
    /** Rows of one group, sliced from a batch into a root this stream owns. */
    private record Piece(int group, VectorSchemaRoot root) {
    }

    private final String table;
    private final Iterator<VectorSchemaRoot> batches;
    private final Schema schema;
    private final BufferAllocator allocator;
    private final ToIntFunction<String> groupOf;
    private final int groups;
    private final ArrayDeque<Piece> pending = new ArrayDeque<>();
    private VectorSchemaRoot current;
    private int nextGroup;
    private int lastGroup;

    /**
     * @param batches the plan's batches, each valid until the next, {@code schema}'s columns then the owner's path
     * @param groupOf the group of an owner's path
     * @param groups the groups, the last one (of no file) included
     */
    GroupedStream(String table, Iterator<VectorSchemaRoot> batches, Schema schema, BufferAllocator allocator, ToIntFunction<String> groupOf,
            int groups) {
        this.table = requireNonNull(table, "table is null");
        this.batches = requireNonNull(batches, "batches is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.groupOf = requireNonNull(groupOf, "groupOf is null");
        this.groups = groups;
    }

    @Override
    public boolean hasNext() {
        return nextGroup < groups;
    }

    @Override
    public GroupWrite next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more groups for table '" + table + "'");
        }
        int group = nextGroup++;
        return GroupWrite.replacingWhole(List.of(), new Iterator<>() {
            @Override
            public boolean hasNext() {
                closeCurrent();
                fill();
                if (pending.isEmpty()) {
                    return false;
                }
                if (pending.peek().group() < group) {
                    throw new IllegalStateException("rows of table '" + table + "' came out of group order: group " + pending.peek().group()
                            + " while group " + group + " was written");
                }
                return pending.peek().group() == group;
            }

            @Override
            public VectorSchemaRoot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows of group " + group + " of table '" + table + "'");
                }
                current = pending.poll().root();
                return current;
            }
        });
    }

    /** Fails when rows are left that no group took: the plan gave a row after its group was written. */
    void finish() {
        closeCurrent();
        fill();
        if (!pending.isEmpty()) {
            throw new IllegalStateException("rows of table '" + table + "' of group " + pending.peek().group() + " came after its group was written");
        }
    }

    /** Cuts the plan's next batches until one gives rows. */
    private void fill() {
        while (pending.isEmpty() && batches.hasNext()) {
            cut(batches.next());
        }
    }

    /** Takes the batch's buffers over and slices them into runs of one group's rows. */
    private void cut(VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        if (rows == 0) {
            return;
        }
        VarCharVector owners = (VarCharVector) batch.getVector(CpgSpec.OWNER_PATH);
        int[] groupOfRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            if (owners.isNull(row)) {
                throw new IllegalStateException("table '" + table + "' got a row owned by no path");
            }
            groupOfRow[row] = groupOf.applyAsInt(new String(owners.get(row), StandardCharsets.UTF_8));
            if (groupOfRow[row] < lastGroup) {
                throw new IllegalStateException("rows of table '" + table + "' came out of group order: group " + groupOfRow[row]
                        + " after group " + lastGroup);
            }
            lastGroup = groupOfRow[row];
        }
        try (VectorSchemaRoot owned = VectorSchemaRoot.create(schema, allocator)) {
            for (int i = 0; i < schema.getFields().size(); i++) {
                batch.getVector(i).makeTransferPair(owned.getVector(i)).transfer();
            }
            owned.setRowCount(rows);
            int start = 0;
            while (start < rows) {
                int end = start + 1;
                while (end < rows && groupOfRow[end] == groupOfRow[start]) {
                    end++;
                }
                pending.add(new Piece(groupOfRow[start], GroupedTableChannel.slice(owned, schema, allocator, start, end - start)));
                start = end;
            }
        }
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
        pending.forEach(piece -> piece.root().close());
        pending.clear();
    }
}
