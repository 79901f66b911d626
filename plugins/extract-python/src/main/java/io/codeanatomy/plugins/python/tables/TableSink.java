package io.codeanatomy.plugins.python.tables;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.spi.extract.ExtractionSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes files' facts into every table's Arrow batches, in the order files are appended, and
 * sends full batches to the extraction sink. Single-threaded: the extraction hands files over on
 * one thread, in path order.
 */
public final class TableSink implements AutoCloseable {
    private final BufferAllocator allocator;
    private final List<TableSpec<?>> specs;
    private final List<TableWriter<?>> writers = new ArrayList<>();

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
        this.allocator = sink.allocator().newChildAllocator("extract-python", 0, Long.MAX_VALUE);
        try {
            for (TableSpec<?> spec : this.specs) {
                writers.add(writer(spec, sink, batchRows));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private <R> TableWriter<R> writer(TableSpec<R> spec, ExtractionSink sink, int batchRows) {
        return new TableWriter<>(spec, sink.writer(spec.name()), allocator, batchRows);
    }

    /** Adds one file's rows to every table. */
    public void append(FileFacts facts) {
        Column.FileColumns file = Column.FileColumns.of(facts.file());
        for (TableWriter<?> w : writers) {
            w.append(facts, file);
        }
    }

    /** Sends every partly filled batch. */
    public void flush() {
        for (TableWriter<?> w : writers) {
            w.flush();
        }
    }

    /** Rows sent so far, per table name, in table order. */
    public Map<String, Long> rowsByTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int i = 0; i < writers.size(); i++) {
            rows.put(specs.get(i).name(), writers.get(i).rowsWritten());
        }
        return rows;
    }

    @Override
    public void close() {
        for (TableWriter<?> w : writers) {
            w.close();
        }
        allocator.close();
    }
}
