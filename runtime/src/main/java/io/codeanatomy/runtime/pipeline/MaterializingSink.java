package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.extract.BatchWriter;
import io.codeanatomy.spi.extract.ExtractionSink;
import io.codeanatomy.spi.extract.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The runtime's {@link ExtractionSink}: each declared table streams into its own materializer
 * commit through a channel ({@link TableChannel}, or {@link GroupedTableChannel} for tables stored
 * in groups of source files), all tables in parallel.
 *
 * @param <R> what a channel's commit returns
 */
final class MaterializingSink<R> implements ExtractionSink, AutoCloseable {
    /** One table's way to its commit. */
    interface Channel<R> extends BatchWriter {
        /** Ends the table and waits for its commit. */
        R finish();

        /** Makes the writer fail without committing, and waits for it. */
        void abort();
    }

    private final BufferAllocator allocator;
    private final Map<String, Channel<R>> channels = new LinkedHashMap<>();
    private boolean finished;

    MaterializingSink(List<TableDefinition> tables, BufferAllocator parent, BiFunction<TableDefinition, BufferAllocator, Channel<R>> channel) {
        requireNonNull(tables, "tables is null");
        requireNonNull(channel, "channel is null");
        this.allocator = parent.newChildAllocator("extraction", 0, parent.getLimit());
        try {
            for (TableDefinition table : tables) {
                channels.put(table.name(), channel.apply(table, allocator));
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    @Override
    public BatchWriter writer(String table) {
        Channel<R> channel = channels.get(table);
        if (channel == null) {
            throw new IllegalArgumentException("the extractor did not declare the table '" + table + "' (declared: " + channels.keySet() + ")");
        }
        return channel;
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
    }

    /** Commits every table; the results in declaration order. */
    Map<String, R> finish() {
        Map<String, R> results = new LinkedHashMap<>();
        for (Map.Entry<String, Channel<R>> channel : channels.entrySet()) {
            results.put(channel.getKey(), channel.getValue().finish());
        }
        finished = true;
        return results;
    }

    /** Aborts unfinished tables and releases the memory. */
    @Override
    public void close() {
        if (!finished) {
            channels.values().forEach(Channel::abort);
        }
        allocator.close();
    }
}
