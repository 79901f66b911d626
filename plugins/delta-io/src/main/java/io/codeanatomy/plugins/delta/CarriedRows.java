package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of some data files of a table whose key column's value is not dropped, as Arrow batches:
 * what a grouped write carries from a group's replaced files into its new one (nothing, the rows only
 * counted as dropped, for a group that does not carry). One batch per
 * batch Kernel reads, in one reused root that is refilled when the next batch is asked for; the
 * files are read one at a time, in order.
 */
final class CarriedRows implements Iterator<VectorSchemaRoot>, AutoCloseable {
    private final Engine engine;
    private final Iterator<FileStatus> files;
    private final StructType physicalSchema;
    /** {@link #physicalSchema} with strings read as their bytes, as the columnar reader reads them. */
    private final StructType columnarSchema;
    private final int keyOrdinal;
    private final Set<String> dropped;
    private final boolean carries;
    private final VectorSchemaRoot root;
    private CloseableIterator<ColumnarBatch> current;
    private FileStatus currentFile;
    private boolean ready;
    private long carried;
    private long skipped;

    CarriedRows(Engine engine, List<FileStatus> files, Schema schema, String keyColumn, Set<String> dropped, boolean carries,
            BufferAllocator allocator) {
        this.engine = requireNonNull(engine, "engine is null");
        this.files = List.copyOf(files).iterator();
        this.physicalSchema = ArrowSchemas.toKernel(schema);
        this.columnarSchema = KernelValues.binaryStrings(physicalSchema);
        this.keyOrdinal = physicalSchema.indexOf(keyColumn);
        if (keyOrdinal < 0) {
            throw new DeltaIoException("The key column '" + keyColumn + "' of a grouped write is not a column of its schema " + schema + ".");
        }
        this.dropped = Set.copyOf(dropped);
        this.carries = carries;
        this.root = VectorSchemaRoot.create(schema, allocator);
    }

    @Override
    public boolean hasNext() {
        while (!ready) {
            ColumnarBatch batch;
            try {
                if (current == null || !current.hasNext()) {
                    closeCurrent();
                    if (!files.hasNext()) {
                        return false;
                    }
                    currentFile = files.next();
                    current = open(currentFile);
                    continue;
                }
                batch = current.next();
            } catch (IOException | RuntimeException e) {
                throw unreadable(e);
            }
            ready = fill(batch);
        }
        return true;
    }

    /**
     * One sentence for a data file of the earlier build that cannot be read (truncated, deleted,
     * damaged): which file, why, and the way on, a build that reads none of them.
     */
    private UncheckedIOException unreadable(Exception failure) {
        String message = "cannot read the data file " + DeltaRowIterator.localPath(currentFile.getPath())
                + " of the output's latest build to carry its rows into this one (" + DeltaRowIterator.reason(failure)
                + "); run 'codeanatomy check' on the output to list its damaged files, then build with --full, which reads none of them";
        return new UncheckedIOException(message, new IOException(message, failure));
    }

    @Override
    public VectorSchemaRoot next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        return root;
    }

    /** Rows carried so far. */
    long carried() {
        return carried;
    }

    /** Rows read and left out so far: their key was dropped. */
    long dropped() {
        return skipped;
    }

    private boolean fill(ColumnarBatch batch) {
        root.clear();
        for (FieldVector vector : root.getFieldVectors()) {
            vector.allocateNew();
        }
        if (!carries) {
            // Read only to count the rows the group's new files replace.
            skipped += batch.getSize();
            root.setRowCount(0);
            return false;
        }
        ColumnVector keys = batch.getColumnVector(keyOrdinal);
        int count = 0;
        for (int row = 0; row < batch.getSize(); row++) {
            if (!keys.isNullAt(row) && dropped.contains(keys instanceof ArrayVectors.Binaries raw ? raw.utf8(row) : keys.getString(row))) {
                skipped++;
                continue;
            }
            for (int c = 0; c < root.getFieldVectors().size(); c++) {
                KernelToArrow.copy(batch.getColumnVector(c), row, root.getVector(c), count);
            }
            count++;
        }
        root.setRowCount(count);
        carried += count;
        return count > 0;
    }

    /** The file's batches, read column by column where the columnar reader can ({@link KernelEngine#readColumnar}), else by Kernel's reader. */
    private CloseableIterator<ColumnarBatch> open(FileStatus file) throws IOException {
        CloseableIterator<ColumnarBatch> columnar = engine instanceof KernelEngine kernel
                ? kernel.readColumnar(file, columnarSchema, Optional.empty(), new ScanTally())
                : null;
        if (columnar != null) {
            return columnar;
        }
        return engine.getParquetHandler().readParquetFiles(DeltaRowIterator.single(file), physicalSchema, Optional.empty())
                .map(result -> result.getData());
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                current = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            closeCurrent();
        } finally {
            root.close();
        }
    }
}
