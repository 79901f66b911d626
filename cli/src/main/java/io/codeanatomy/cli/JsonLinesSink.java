package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** JSON Lines: one object per node, then one per edge, each with {@code "type": "node"} or {@code "edge"} and its columns. */
final class JsonLinesSink implements GraphSink {
    private final JsonGenerator json;
    private List<QueryRows.Column> nodeColumns;
    private List<QueryRows.Column> edgeColumns;

    JsonLinesSink(Path file) {
        try {
            json = new JsonFactory().createGenerator(Files.newOutputStream(file));
            // Objects one per line, with nothing between them.
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void begin(List<QueryRows.Column> nodes, List<QueryRows.Column> edges) {
        nodeColumns = nodes;
        edgeColumns = edges;
    }

    @Override
    public void node(Object[] row) {
        line("node", nodeColumns, row);
    }

    @Override
    public void edge(Object[] row) {
        line("edge", edgeColumns, row);
    }

    private void line(String type, List<QueryRows.Column> columns, Object[] row) {
        try {
            json.writeStartObject();
            json.writeStringField("type", type);
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                JsonPrinter.value(json, row[i]);
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
