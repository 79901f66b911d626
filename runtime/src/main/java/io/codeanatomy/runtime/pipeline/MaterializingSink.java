package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.extract.BatchWriter;
import io.codeanatomy.spi.extract.ExtractionSink;
import io.codeanatomy.spi.extract.TableDefinition;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The runtime's {@link ExtractionSink}: each declared table streams into its own materializer
 * commit at {@code <directory>/<table>}, all tables in parallel.
 */
final class MaterializingSink implements ExtractionSink, AutoCloseable {
    private final BufferAllocator allocator;
    private final Map<String, TableChannel> channels = new LinkedHashMap<>();
    private boolean finished;

    MaterializingSink(List<TableDefinition> tables, Path directory, Materializer materializer, BufferAllocator parent) {
        requireNonNull(tables, "tables is null");
        requireNonNull(directory, "directory is null");
        this.allocator = parent.newChildAllocator("extraction", 0, parent.getLimit());
        for (TableDefinition table : tables) {
            channels.put(table.name(), new TableChannel(table.name(), table.arrowSchema(), allocator, materializer,
                    directory.resolve(table.name())));
        }
    }

    @Override
    public BatchWriter writer(String table) {
        TableChannel channel = channels.get(table);
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
    Map<String, MaterializeResult> finish() {
        Map<String, MaterializeResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, TableChannel> channel : channels.entrySet()) {
            results.put(channel.getKey(), channel.getValue().finish());
        }
        finished = true;
        return results;
    }

    /** Aborts unfinished tables and releases the memory. */
    @Override
    public void close() {
        if (!finished) {
            channels.values().forEach(TableChannel::abort);
        }
        allocator.close();
    }
}
