package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Rows of a Kernel scan, read lazily: one scan file at a time, one Parquet batch at a time.
 *
 * <p>Each output row holds, at position {@code j}, the value of read-schema column
 * {@code outputToRead[j]}. Rows deselected by Kernel (deletion vectors) are skipped. The filter
 * given to Kernel only prunes files and row groups; rows that survive are returned whether or not
 * they match it.
 */
final class DeltaRowIterator implements CloseableIterator<Object[]> {
    private final Engine engine;
    private final Row scanState;
    private final StructType physicalSchema;
    private final Optional<Predicate> filter;
    private final int[] outputToRead;
    private final KernelValues.Reader[] readers;
    private final CloseableIterator<FilteredColumnarBatch> scanFileBatches;

    private CloseableIterator<Row> scanFiles;
    private CloseableIterator<FilteredColumnarBatch> data;
    private ColumnarBatch batch;
    private ColumnVector selection;
    private int cursor;
    private Object[] next;

    DeltaRowIterator(Engine engine, Scan scan, StructType readSchema, int[] outputToRead, Optional<Predicate> filter) {
        this.engine = requireNonNull(engine, "engine is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.outputToRead = outputToRead.clone();
        this.scanState = scan.getScanState(engine);
        this.physicalSchema = KernelInternals.physicalReadSchema(scanState);
        this.readers = new KernelValues.Reader[outputToRead.length];
        for (int j = 0; j < outputToRead.length; j++) {
            readers[j] = KernelValues.reader(readSchema.at(outputToRead[j]).getDataType());
        }
        this.scanFileBatches = scan.getScanFiles(engine);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] row = next;
        next = null;
        return row;
    }

    private Object[] advance() {
        try {
            while (true) {
                if (batch != null) {
                    while (cursor < batch.getSize()) {
                        int row = cursor++;
                        if (selection == null || (!selection.isNullAt(row) && selection.getBoolean(row))) {
                            return project(row);
                        }
                    }
                    batch = null;
                }
                if (data != null && data.hasNext()) {
                    FilteredColumnarBatch filtered = data.next();
                    batch = filtered.getData();
                    selection = filtered.getSelectionVector().orElse(null);
                    cursor = 0;
                    continue;
                }
                closeData();
                if (scanFiles != null && scanFiles.hasNext()) {
                    data = openData(scanFiles.next());
                    continue;
                }
                closeScanFiles();
                if (!scanFileBatches.hasNext()) {
                    return null;
                }
                scanFiles = scanFileBatches.next().getRows();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object[] project(int row) {
        Object[] values = new Object[readers.length];
        for (int j = 0; j < readers.length; j++) {
            values[j] = readers[j].read(batch.getColumnVector(outputToRead[j]), row);
        }
        return values;
    }

    private CloseableIterator<FilteredColumnarBatch> openData(Row scanFile) throws IOException {
        FileStatus file = KernelInternals.dataFile(scanFile);
        CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                .readParquetFiles(single(file), physicalSchema, filter)
                .map(result -> result.getData());
        return Scan.transformPhysicalData(engine, scanState, scanFile, physical);
    }

    private void closeData() throws IOException {
        if (data != null) {
            data.close();
            data = null;
        }
    }

    private void closeScanFiles() throws IOException {
        if (scanFiles != null) {
            scanFiles.close();
            scanFiles = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeData();
            closeScanFiles();
        } finally {
            scanFileBatches.close();
        }
    }

    static CloseableIterator<FileStatus> single(FileStatus file) {
        return new CloseableIterator<>() {
            private boolean consumed;

            @Override
            public boolean hasNext() {
                return !consumed;
            }

            @Override
            public FileStatus next() {
                if (consumed) {
                    throw new NoSuchElementException();
                }
                consumed = true;
                return file;
            }

            @Override
            public void close() {}
        };
    }
}
