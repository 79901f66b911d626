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
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
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
     * Rows to be written with {@code schema}, gathered from batches of {@link CpgSpec#owned owned}
     * rows into buffers of a child of {@code allocator}; more than {@code holdBytes} of them are
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
                if (counts[g] == rows && rows > 0) {
                    // A batch of one group (a group's own plan, or rows that come in group order) is copied buffer by buffer.
                    pieces.get(g).add(copyWhole(batch));
                } else if (counts[g] > 0) {
                    pieces.get(g).add(copy(batch, groupOfRow, g, counts[g]));
                }
            }
            if (allocator.getAllocatedMemory() > holdBytes) {
                spill();
            }
        }
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
     * The rows of {@code batch}, every buffer copied whole into this gathering's allocator (the batch
     * may come from another session's allocator, so its buffers cannot be taken over): a memory copy
     * per buffer instead of a copy per value, which for the adjacency's lists of structs cost more
     * than computing them.
     */
    private VectorSchemaRoot copyWhole(VectorSchemaRoot batch) {
        List<FieldVector> written = batch.getFieldVectors().subList(0, schema.getFields().size());
        VectorUnloader unloader = new VectorUnloader(new VectorSchemaRoot(written));
        List<ArrowBuf> copies = new ArrayList<>();
        VectorSchemaRoot piece = VectorSchemaRoot.create(schema, allocator);
        try (ArrowRecordBatch source = unloader.getRecordBatch()) {
            for (ArrowBuf buffer : source.getBuffers()) {
                long length = buffer.writerIndex();
                ArrowBuf copy = allocator.buffer(length);
                copy.setBytes(0, buffer, 0, length);
                copy.writerIndex(length);
                copies.add(copy);
            }
            try (ArrowRecordBatch copied = new ArrowRecordBatch(source.getLength(), source.getNodes(), copies)) {
                new VectorLoader(piece).load(copied);
            }
            return piece;
        } catch (RuntimeException e) {
            piece.close();
            throw e;
        } finally {
            copies.forEach(ArrowBuf::close);
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
