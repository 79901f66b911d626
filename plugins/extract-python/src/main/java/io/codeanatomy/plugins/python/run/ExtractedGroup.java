package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A group of consecutive files, extracted by one worker: their summaries in path order and every
 * table's finished Arrow batches, in table order. Whoever holds it closes it (or hands the batches
 * to the sink, which closes them).
 */
public record ExtractedGroup(List<FileSummary> files, List<List<VectorSchemaRoot>> batches) implements AutoCloseable {
    public ExtractedGroup {
        files = List.copyOf(requireNonNull(files, "files is null"));
        batches = List.copyOf(requireNonNull(batches, "batches is null"));
    }

    @Override
    public void close() {
        batches.forEach(table -> table.forEach(VectorSchemaRoot::close));
    }
}
