package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.RoutedBatches;
import io.codeanatomy.runtime.pipeline.GroupedTableChannel.PlannedGroup;
import io.codeanatomy.spi.write.GroupWrite;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.Materializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of an output stored in groups of source files, gathered by group before the grouped
 * write: a plan gives its rows in no path order, and the grouped write takes one group after the
 * other. The plan's rows have the output's columns and then {@link CpgSpec#OWNER_PATH}, which is not
 * written: a row goes to the group of its owner; a row owned by no file ({@value CpgSpec#NO_FILE})
 * goes to the last group, {@link SourceGroups#size()}.
 *
 * <p>The gathered rows stay in memory up to {@code holdBytes} of Arrow buffers; beyond that every
 * group's rows so far are appended to that group's {@link SpillFile} under the spill directory and
 * released. A group is written as its spilled batches and then those still held, which is the order
 * the rows came in, so what is written does not depend on when the rows were spilled.
 */
final class FileGroupedRows implements AutoCloseable {
    private final Schema schema;
    private final BufferAllocator allocator;
    private final SourceGroups groups;
    private final Path spillDirectory;
    private final long holdBytes;
    private final List<List<VectorSchemaRoot>> pieces = new ArrayList<>();
    private final List<SpillFile> spilled = new ArrayList<>();

    /**
     * Rows to be written with {@code schema}, gathered from {@link CpgSpec#owned owned} rows into
     * buffers of a child of {@code allocator}; more than {@code holdBytes} of them are
     * spilled to files in {@code spillDirectory} (created when first needed; the files are deleted
     * once written or closed).
     */
    FileGroupedRows(Schema schema, BufferAllocator allocator, SourceGroups groups, Path spillDirectory, long holdBytes) {
        this.schema = requireNonNull(schema, "schema is null");
        this.allocator = requireNonNull(allocator, "allocator is null").newChildAllocator("grouped rows", 0, allocator.getLimit());
        this.groups = requireNonNull(groups, "groups is null");
        this.spillDirectory = requireNonNull(spillDirectory, "spillDirectory is null");
        if (holdBytes < 0) {
            throw new IllegalArgumentException("holdBytes is negative: " + holdBytes);
        }
        this.holdBytes = holdBytes;
        for (int g = 0; g <= groups.size(); g++) {
            pieces.add(new ArrayList<>());
            spilled.add(null);
        }
    }

    /** The group of the rows of {@code path}. */
    int groupOf(String path) {
        return groupOf(groups, path);
    }

    /** The group of {@code groups} of the rows owned by {@code path}: the last, after the groups of files, for the rows of no file. */
    static int groupOf(SourceGroups groups, String path) {
        return path.equals(CpgSpec.NO_FILE) ? groups.size() : groups.groupOf(path);
    }

    /**
     * Where the rows come from: runs a plan and routes its rows ({@link RoutedBatches#route}) into
     * batches allocated from {@code into}, one route per group.
     */
    @FunctionalInterface
    interface Source {
        long route(BufferAllocator into, int routes, RoutedBatches.Router router, RoutedBatches.Sink sink);
    }

    /**
     * Gathers the rows of {@code source}, each written once into a batch of its owner's group (its
     * column after the output's, {@link CpgSpec#OWNER_PATH}); a row whose owner {@code expected}
     * refuses fails, naming {@code origin}.
     */
    void add(Source source, Predicate<String> expected, String origin) {
        int ownerColumn = schema.getFields().size();
        RoutedBatches.Router router = new RoutedBatches.Router() {
            // Rows come in runs of one owner: the same string (often the same instance) as the row before.
            private String lastPath;
            private int lastGroup;

            @Override
            public int route(Object[] row) {
                Object owner = row[ownerColumn];
                if (owner == null) {
                    // Such a row would be in no group a later build could replace.
                    throw new IllegalStateException(origin + " gave a row owned by no path");
                }
                String path = owner.toString();
                if (!path.equals(lastPath)) {
                    if (!expected.test(path)) {
                        throw new IllegalStateException(origin + " gave a row owned by path '" + path + "', which it should not");
                    }
                    lastGroup = groupOf(path);
                    lastPath = path;
                }
                return lastGroup;
            }
        };
        source.route(allocator, pieces.size(), router, (group, batch) -> {
            pieces.get(group).add(batch);
            if (allocator.getAllocatedMemory() > holdBytes) {
                spill();
            }
        });
    }

    /** Appends every group's held rows to its spill file and releases them. */
    private void spill() {
        for (int g = 0; g < pieces.size(); g++) {
            List<VectorSchemaRoot> held = pieces.get(g);
            if (held.isEmpty()) {
                continue;
            }
            if (spilled.get(g) == null) {
                spilled.set(g, new SpillFile(spillDirectory.resolve("group-" + g + ".arrows"), schema));
            }
            for (VectorSchemaRoot piece : held) {
                spilled.get(g).write(piece);
                piece.close();
            }
            held.clear();
        }
    }

    /** Bytes of Arrow record batches spilled so far. */
    long spilledBytes() {
        return spilled.stream().filter(Objects::nonNull).mapToLong(SpillFile::bytes).sum();
    }

    /** Batches spilled so far. */
    long spilledBatches() {
        return spilled.stream().filter(Objects::nonNull).mapToLong(SpillFile::batches).sum();
    }

    /** The rows of group {@code g} in the order they came: those spilled, then those held. */
    private Iterator<VectorSchemaRoot> rowsOf(int g) {
        Iterator<VectorSchemaRoot> held = pieces.get(g).iterator();
        SpillFile file = spilled.get(g);
        if (file == null) {
            return held;
        }
        return new Iterator<>() {
            private Iterator<VectorSchemaRoot> spilledRows;

            @Override
            public boolean hasNext() {
                if (spilledRows == null) {
                    spilledRows = file.read(allocator);
                }
                return spilledRows.hasNext() || held.hasNext();
            }

            @Override
            public VectorSchemaRoot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return spilledRows.hasNext() ? spilledRows.next() : held.next();
            }
        };
    }

    /**
     * One commit of the gathered rows: every group, replacing the whole table, when {@code planned}
     * is empty; else the planned groups in order, each replacing its files and keeping their rows
     * of other paths, but the last group, whose rows are replaced whole, and every group when
     * {@code whole}. A gathered row of a group not planned fails the write.
     */
    GroupedWriteResult write(Materializer materializer, Path location, List<PlannedGroup> planned, boolean whole) {
        List<PlannedGroup> order = new ArrayList<>(planned);
        boolean replaceAll = planned.isEmpty();
        if (replaceAll) {
            for (int g = 0; g <= groups.size(); g++) {
                order.add(new PlannedGroup(g, List.of(), new TreeSet<>()));
            }
        }
        for (int g = 0; g <= groups.size(); g++) {
            int group = g;
            if ((!pieces.get(g).isEmpty() || spilled.get(g) != null) && order.stream().noneMatch(p -> p.group() == group)) {
                throw new IllegalStateException("rows of group " + g + " of " + location + ", which this build does not write");
            }
        }
        Iterator<GroupWrite> writes = order.stream()
                .map(p -> whole || p.group() == groups.size()
                        ? GroupWrite.replacingWhole(p.replacedFiles(), rowsOf(p.group()))
                        : new GroupWrite(p.replacedFiles(), p.droppedPaths(), rowsOf(p.group())))
                .iterator();
        return materializer.writeGroups(location, schema, replaceAll, GroupedTableChannel.PATH_COLUMN, writes);
    }

    @Override
    public void close() {
        pieces.forEach(group -> {
            group.forEach(VectorSchemaRoot::close);
            group.clear();
        });
        for (int g = 0; g < spilled.size(); g++) {
            if (spilled.get(g) != null) {
                spilled.get(g).close();
                spilled.set(g, null);
            }
        }
        allocator.close();
    }
}
