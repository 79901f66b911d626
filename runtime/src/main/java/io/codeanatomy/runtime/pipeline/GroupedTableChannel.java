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
import java.util.function.Function;
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
final class GroupedTableChannel extends QueuedChannel<GroupedWriteResult> {
    /** The column every grouped table has, that groups are by. */
    static final String PATH_COLUMN = "path";

    /** Rows of one group, in a root the channel owns. */
    private record Piece(int group, VectorSchemaRoot root) implements AutoCloseable {
        @Override
        public void close() {
            root.close();
        }
    }

    /** One group to write: its number, the data files it replaces and the paths whose rows in them go (also {@link FileGroupedRows}). */
    record PlannedGroup(int group, List<String> replacedFiles, SortedSet<String> droppedPaths) {
    }

    private final int pathColumn;
    private final SourceGroups groups;
    private int lastGroup;

    GroupedTableChannel(String table, Schema schema, BufferAllocator allocator, Materializer materializer, Path location,
            SourceGroups groups, List<PlannedGroup> planned, boolean replaceAll) {
        this(table, schema, allocator, groups, planned, commit(materializer, location, schema, replaceAll));
    }

    private GroupedTableChannel(String table, Schema schema, BufferAllocator allocator, SourceGroups groups, List<PlannedGroup> planned,
            Function<Iterator<GroupWrite>, GroupedWriteResult> commit) {
        super(table, schema, allocator);
        this.groups = requireNonNull(groups, "groups is null");
        this.pathColumn = schema.getFields().indexOf(schema.findField(PATH_COLUMN));
        Groups pieces = new Groups(List.copyOf(planned));
        start(() -> commit.apply(pieces), pieces::closeCurrent);
    }

    /**
     * A channel for a table of which this build rewrites no group: it takes no rows and commits
     * nothing, so the table stays at {@code version}, the version the previous build's manifest
     * names, and outputs computed from it can be kept (docs/incremental.md).
     */
    static GroupedTableChannel keeping(String table, Schema schema, BufferAllocator allocator, SourceGroups groups, long version) {
        return new GroupedTableChannel(table, schema, allocator, groups, List.of(), pieces -> {
            // Waits for the extractor to finish; a row of any group fails the table, as a row of an unplanned group does.
            pieces.hasNext();
            return new GroupedWriteResult(version, 0, 0, 0, List.of());
        });
    }

    private static Function<Iterator<GroupWrite>, GroupedWriteResult> commit(Materializer materializer, Path location, Schema schema,
            boolean replaceAll) {
        requireNonNull(materializer, "materializer is null");
        requireNonNull(location, "location is null");
        return pieces -> materializer.writeGroups(location, schema, replaceAll, PATH_COLUMN, pieces);
    }

    @Override
    public void write(VectorSchemaRoot batch) {
        VectorSchemaRoot owned = takeOver(batch);
        int rows = owned.getRowCount();
        if (rows == 0) {
            owned.close();
            return;
        }
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
                send(group, slice(owned, schema, allocator, start, end - start));
                start = end;
            }
        } finally {
            owned.close();
        }
    }

    private int groupOf(VarCharVector paths, int row) {
        return groups.groupOf(new String(paths.get(row), StandardCharsets.UTF_8));
    }

    /**
     * Rows {@code start} to {@code start + length} of {@code from}'s first columns, those of
     * {@code schema}, moved into a root of their own from {@code allocator} (one of {@code from}'s root).
     */
    static VectorSchemaRoot slice(VectorSchemaRoot from, Schema schema, BufferAllocator allocator, int start, int length) {
        VectorSchemaRoot piece = VectorSchemaRoot.create(schema, allocator);
        try {
            for (int i = 0; i < schema.getFields().size(); i++) {
                TransferPair pair = from.getVector(i).makeTransferPair(piece.getVector(i));
                pair.splitAndTransfer(start, length);
            }
        } catch (RuntimeException e) {
            piece.close();
            throw e;
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
        put(new Piece(group, root));
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
            if (peek() instanceof Piece piece) {
                throw unplanned(piece);
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
                    if (peek() instanceof Piece piece) {
                        if (piece.group() < group.group()) {
                            throw unplanned(piece);
                        }
                        return piece.group() == group.group();
                    }
                    return false;
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

        private IllegalStateException unplanned(Piece piece) {
            return new IllegalStateException("table '" + table + "' got rows of group " + piece.group() + ", which this build does not write");
        }

        private Object peek() {
            if (next == null) {
                next = take();
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
