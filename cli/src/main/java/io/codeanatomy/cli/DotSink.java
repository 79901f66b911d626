package io.codeanatomy.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Graphviz DOT of a (sub)graph, for {@code dot -Tsvg}: each node labelled with its kind and name
 * (or qualified name), each edge with its kind. Written as the rows come.
 */
final class DotSink implements GraphSink {
    private final BufferedWriter out;
    private int nodeId;
    private int nodeKind;
    private int nodeName;
    private int nodeQualifiedName;
    private int source;
    private int target;
    private int edgeKind;

    DotSink(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void begin(List<QueryRows.Column> nodes, List<QueryRows.Column> edges) {
        nodeId = GraphMlSink.index(nodes, "node_id");
        nodeKind = GraphMlSink.index(nodes, "node_kind");
        nodeName = GraphMlSink.index(nodes, "name");
        nodeQualifiedName = GraphMlSink.index(nodes, "qualified_name");
        source = GraphMlSink.index(edges, "src_node_id");
        target = GraphMlSink.index(edges, "dst_node_id");
        edgeKind = GraphMlSink.index(edges, "edge_kind");
        write("digraph cpg {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=8];\n");
    }

    @Override
    public void node(Object[] row) {
        Object name = row[nodeQualifiedName] != null ? row[nodeQualifiedName] : row[nodeName];
        write("  " + quote(row[nodeId]) + " [label=" + quote(row[nodeKind] + (name == null ? "" : "\n" + name)) + "];\n");
    }

    @Override
    public void edge(Object[] row) {
        write("  " + quote(row[source]) + " -> " + quote(row[target]) + " [label=" + quote(row[edgeKind]) + "];\n");
    }

    /** A DOT string: quotes and backslashes escaped, line breaks as DOT's centred {@code \n}. */
    static String quote(Object value) {
        String text = String.valueOf(value);
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    @Override
    public void end() {
        write("}\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
