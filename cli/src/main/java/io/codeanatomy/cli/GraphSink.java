package io.codeanatomy.cli;

import java.util.List;

/** Receives a graph as it streams out of {@code cpg_nodes} and {@code cpg_edges}: every node, then every edge. */
interface GraphSink extends AutoCloseable {
    void begin(List<QueryRows.Column> nodeColumns, List<QueryRows.Column> edgeColumns);

    void node(Object[] row);

    void edge(Object[] row);

    /** Finishes the files; called once after the last edge. */
    void end();

    @Override
    void close();
}
