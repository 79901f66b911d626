package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.pipeline.GroupedTableChannel.PlannedGroup;
import io.codeanatomy.spi.write.GroupWrite;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.Materializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of an output stored in groups of source files, gathered by group before the grouped
 * write: a plan gives its rows in no path order, and the grouped write takes one group after the
 * other. The plan's rows have the output's columns and then {@link CpgSpec#OWNER_PATH}, which is not
 * written: a row goes to the group of its owner; a row owned by no file ({@value CpgSpec#NO_FILE})
 * goes to the last group, {@link SourceGroups#size()}.
 */
final class FileGroupedRows implements AutoCloseable {
    private final Schema schema;
    private final BufferAllocator allocator;
    private final SourceGroups groups;
    private final List<List<VectorSchemaRoot>> pieces = new ArrayList<>();

    /** Rows to be written with {@code schema}, gathered from batches of {@link CpgSpec#owned owned} rows. */
    FileGroupedRows(Schema schema, BufferAllocator allocator, SourceGroups groups) {
        this.schema = requireNonNull(schema, "schema is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.groups = requireNonNull(groups, "groups is null");
        for (int g = 0; g <= groups.size(); g++) {
            pieces.add(new ArrayList<>());
        }
    }

    /** The group of the rows of {@code path}. */
    int groupOf(String path) {
        return path.equals(CpgSpec.NO_FILE) ? groups.size() : groups.groupOf(path);
    }

    /**
     * Copies the rows of {@code batches} (each valid until the next) into the groups of their owners;
     * a row whose owner {@code expected} refuses fails, naming {@code origin}.
     */
    void add(Iterator<VectorSchemaRoot> batches, Predicate<String> expected, String origin) {
        while (batches.hasNext()) {
            VectorSchemaRoot batch = batches.next();
            int rows = batch.getRowCount();
            VarCharVector paths = (VarCharVector) batch.getVector(CpgSpec.OWNER_PATH);
            int[] groupOfRow = new int[rows];
            int[] counts = new int[groups.size() + 1];
            for (int row = 0; row < rows; row++) {
                if (paths.isNull(row)) {
                    // Such a row would be in no group a later build could replace.
                    throw new IllegalStateException(origin + " gave a row owned by no path");
                }
                String path = new String(paths.get(row), StandardCharsets.UTF_8);
                if (!expected.test(path)) {
                    throw new IllegalStateException(origin + " gave a row owned by path '" + path + "', which it should not");
                }
                groupOfRow[row] = groupOf(path);
                counts[groupOfRow[row]]++;
            }
            for (int g = 0; g < counts.length; g++) {
                if (counts[g] > 0) {
                    pieces.get(g).add(copy(batch, groupOfRow, g, counts[g]));
                }
            }
        }
    }

    private VectorSchemaRoot copy(VectorSchemaRoot batch, int[] groupOfRow, int group, int count) {
        VectorSchemaRoot piece = VectorSchemaRoot.create(schema, allocator);
        try {
            for (int i = 0; i < schema.getFields().size(); i++) {
                FieldVector from = batch.getVector(i);
                FieldVector to = piece.getVector(i);
                to.setInitialCapacity(count);
                to.allocateNew();
                int at = 0;
                for (int row = 0; row < groupOfRow.length; row++) {
                    if (groupOfRow[row] == group) {
                        to.copyFromSafe(row, at++, from);
                    }
                }
                to.setValueCount(count);
            }
            piece.setRowCount(count);
            return piece;
        } catch (RuntimeException e) {
            piece.close();
            throw e;
        }
    }

    /**
     * One commit of the gathered rows: every group, replacing the whole table, when {@code planned}
     * is empty; else the planned groups in order, each replacing its files and keeping their rows
     * of other paths, but the last group, whose rows are replaced whole. A gathered row of a group
     * not planned fails the write.
     */
    GroupedWriteResult write(Materializer materializer, Path location, List<PlannedGroup> planned) {
        List<PlannedGroup> order = new ArrayList<>(planned);
        boolean replaceAll = planned.isEmpty();
        if (replaceAll) {
            for (int g = 0; g <= groups.size(); g++) {
                order.add(new PlannedGroup(g, List.of(), new TreeSet<>()));
            }
        }
        for (int g = 0; g <= groups.size(); g++) {
            int group = g;
            if (!pieces.get(g).isEmpty() && order.stream().noneMatch(p -> p.group() == group)) {
                throw new IllegalStateException("rows of group " + g + " of " + location + ", which this build does not write");
            }
        }
        Iterator<GroupWrite> writes = order.stream()
                .map(p -> p.group() == groups.size()
                        ? GroupWrite.replacingWhole(p.replacedFiles(), pieces.get(p.group()).iterator())
                        : new GroupWrite(p.replacedFiles(), p.droppedPaths(), pieces.get(p.group()).iterator()))
                .iterator();
        return materializer.writeGroups(location, schema, replaceAll, GroupedTableChannel.PATH_COLUMN, writes);
    }

    @Override
    public void close() {
        pieces.forEach(group -> {
            group.forEach(VectorSchemaRoot::close);
            group.clear();
        });
    }
}
