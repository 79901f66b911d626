package io.codeanatomy.plugins.python.tables;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.spi.extract.BatchWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Fills one table's Arrow batch, file by file, and hands it to {@code sink} whenever it holds
 * {@code batchRows} rows and when flushed; one reused batch, whose buffers the sink takes over.
 * The rows are gathered in {@link ColumnBuffer}s and copied into the batch's vectors as it is sent.
 */
final class TableWriter<R> implements AutoCloseable {
    private final TableSpec<R> spec;
    private final BatchWriter sink;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final ColumnBuffer[] buffers;
    private final Column.Utf8Cache[] utf8;
    private final int batchRows;
    private int count;
    private long written;

    TableWriter(TableSpec<R> spec, BatchWriter sink, BufferAllocator allocator, int batchRows) {
        this.spec = requireNonNull(spec, "spec is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.root = VectorSchemaRoot.create(spec.definition().arrowSchema(), allocator);
        this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        this.batchRows = batchRows;
        this.buffers = new ColumnBuffer[vectors.length];
        this.utf8 = new Column.Utf8Cache[vectors.length];
        for (int c = 0; c < utf8.length; c++) {
            buffers[c] = spec.columns().get(c).newBuffer();
            utf8[c] = new Column.Utf8Cache();
        }
    }

    /**
     * Adds one file's rows, column by column over each run of rows that fits in the batch: a column
     * chooses how to read its values once per run, not once per value.
     */
    void append(FileFacts facts, Column.FileColumns file) {
        List<R> rows = spec.rowsOf(facts);
        List<Column<R>> columns = spec.columns();
        Object[] all = rows.toArray();
        int from = 0;
        while (from < all.length) {
            int to = Math.min(all.length, from + batchRows - count);
            Object[] run = from == 0 && to == all.length ? all : Arrays.copyOfRange(all, from, to);
            for (int c = 0; c < vectors.length; c++) {
                columns.get(c).addAll(buffers[c], file, run, to - from, utf8[c]);
            }
            count += to - from;
            from = to;
            if (count == batchRows) {
                flush();
            }
        }
    }

    /** Sends what the batch holds, if anything. */
    void flush() {
        if (count == 0) {
            return;
        }
        for (int c = 0; c < vectors.length; c++) {
            buffers[c].fill(vectors[c]);
        }
        root.setRowCount(count);
        sink.write(root);
        written += count;
        count = 0;
    }

    /** Drops the rows not yet sent. */
    void discard() {
        count = 0;
        for (ColumnBuffer b : buffers) {
            b.clear();
        }
    }

    long rowsWritten() {
        return written;
    }

    @Override
    public void close() {
        root.close();
    }
}
