package io.codeanatomy.plugins.python.tables;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.extract.BatchWriter;
import io.codeanatomy.spi.extract.ExtractionSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The tables of one extraction. Workers build finished batches with {@link #newBatches()}; the one
 * thread that receives groups of files in path order hands each group's batches to the sink's
 * writers ({@link #send}), so every table gets its rows in path order, then source order.
 */
public final class TableSink implements AutoCloseable {
    private final BufferAllocator allocator;
    private final long arrowLimit;
    private final List<TableSpec<?>> specs;
    private final int batchRows;
    private final List<BatchWriter> writers = new ArrayList<>();
    private final long[] rows;
    private final List<TableBatches> created = new ArrayList<>();

    public TableSink(ExtractionSink sink, int batchRows) {
        this(sink, batchRows, PyTables.ALL);
    }

    /** A sink of the tables {@code specs}, in that order. */
    public TableSink(ExtractionSink sink, int batchRows, List<TableSpec<?>> specs) {
        requireNonNull(sink, "sink is null");
        if (batchRows < 1) {
            throw new IllegalArgumentException("a batch holds at least one row, got " + batchRows);
        }
        this.specs = List.copyOf(specs);
        this.batchRows = batchRows;
        this.rows = new long[this.specs.size()];
        for (TableSpec<?> spec : this.specs) {
            writers.add(sink.writer(spec.name()));
        }
        this.arrowLimit = sink.allocator().getLimit();
        this.allocator = sink.allocator().newChildAllocator("extract-python", 0, Long.MAX_VALUE);
    }

    /**
     * The Arrow memory that batches waiting for {@link #send} may take: a quarter of what the
     * extraction sink's allocator allows, so the writers behind it keep room.
     */
    public long lookAheadLimit() {
        return arrowLimit == Long.MAX_VALUE ? Long.MAX_VALUE : arrowLimit / 4;
    }

    /** Batches for one worker, closed with this sink. Safe to call from any thread. */
    public TableBatches newBatches() {
        TableBatches batches = new TableBatches(specs, allocator, batchRows);
        synchronized (created) {
            created.add(batches);
        }
        return batches;
    }

    /**
     * Hands one group's batches ({@link TableBatches#finish}) to the tables' writers and closes
     * them, also when a writer fails.
     */
    public void send(List<List<VectorSchemaRoot>> batches) {
        requireNonNull(batches, "batches is null");
        if (batches.size() != writers.size()) {
            throw new IllegalArgumentException("batches for " + batches.size() + " tables, but the sink has " + writers.size());
        }
        try {
            for (int t = 0; t < writers.size(); t++) {
                for (VectorSchemaRoot batch : batches.get(t)) {
                    int count = batch.getRowCount();
                    writers.get(t).write(batch);
                    rows[t] += count;
                }
            }
        } finally {
            batches.forEach(TableSink::closeAll);
        }
    }

    /** Rows sent so far, per table name, in table order. */
    public Map<String, Long> rowsByTable() {
        Map<String, Long> byTable = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            byTable.put(specs.get(i).name(), rows[i]);
        }
        return byTable;
    }

    @Override
    public void close() {
        synchronized (created) {
            created.forEach(TableBatches::close);
        }
        allocator.close();
    }

    static void closeAll(List<VectorSchemaRoot> batches) {
        batches.forEach(VectorSchemaRoot::close);
    }
}
