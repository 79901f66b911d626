package io.codeanatomy.plugins.python.tables;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.facts.FileFacts;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A worker's side of the tables: turns the facts of a group of consecutive files into every
 * table's finished Arrow batches, which the main thread then only hands to the sink
 * ({@link TableSink#send}). Reused group after group by one worker at a time; not thread-safe.
 */
public final class TableBatches implements AutoCloseable {
    private final List<TableWriter<?>> writers = new ArrayList<>();
    private final List<BatchCollector> collectors = new ArrayList<>();

    TableBatches(List<TableSpec<?>> specs, BufferAllocator allocator, int batchRows) {
        requireNonNull(specs, "specs is null");
        requireNonNull(allocator, "allocator is null");
        try {
            for (TableSpec<?> spec : specs) {
                BatchCollector collector = new BatchCollector(allocator);
                collectors.add(collector);
                writers.add(new TableWriter<>(spec, collector, allocator, batchRows));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Adds one file's rows to every table. */
    public void append(FileFacts facts) {
        Column.FileColumns file = Column.FileColumns.of(facts.file());
        for (TableWriter<?> w : writers) {
            w.append(facts, file);
        }
    }

    /**
     * Ends the group: every table's batches since the last call, in table order, the last one
     * partly filled. The caller owns them and must close them.
     */
    public List<List<VectorSchemaRoot>> finish() {
        List<List<VectorSchemaRoot>> batches = new ArrayList<>(writers.size());
        try {
            for (int i = 0; i < writers.size(); i++) {
                writers.get(i).flush();
                batches.add(collectors.get(i).take());
            }
        } catch (RuntimeException e) {
            batches.forEach(TableSink::closeAll);
            collectors.forEach(BatchCollector::discard);
            throw e;
        }
        return batches;
    }

    /** Drops whatever the group holds so far: the worker failed midway. */
    public void abandon() {
        for (int i = 0; i < writers.size(); i++) {
            writers.get(i).discard();
            collectors.get(i).discard();
        }
    }

    @Override
    public void close() {
        collectors.forEach(BatchCollector::discard);
        writers.forEach(TableWriter::close);
    }
}
