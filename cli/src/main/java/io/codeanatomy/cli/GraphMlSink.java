package io.codeanatomy.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * GraphML (http://graphml.graphdrawing.org/) as yEd and Gephi read it, written with the JDK's StAX
 * writer as the rows come: one {@code <key>} per column with its GraphML type ({@code string},
 * {@code long}, {@code int}, {@code double}, {@code boolean}), node ids as in {@code cpg_nodes},
 * a NULL value left out.
 */
final class GraphMlSink implements GraphSink {
    static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

    private final OutputStream stream;
    private final XMLStreamWriter xml;
    private List<QueryRows.Column> nodeColumns;
    private List<QueryRows.Column> edgeColumns;
    private int nodeId;
    private int edgeSource;
    private int edgeTarget;
    private int edgeId;

    GraphMlSink(Path file) {
        try {
            stream = Files.newOutputStream(file);
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void begin(List<QueryRows.Column> nodes, List<QueryRows.Column> edges) {
        nodeColumns = nodes;
        edgeColumns = edges;
        nodeId = index(nodes, "node_id");
        edgeId = index(edges, "edge_id");
        edgeSource = index(edges, "src_node_id");
        edgeTarget = index(edges, "dst_node_id");
        write(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeCharacters("\n");
            keys("node", "n_", nodes);
            keys("edge", "e_", edges);
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "cpg");
            xml.writeAttribute("edgedefault", "directed");
            xml.writeCharacters("\n");
        });
    }

    private void keys(String target, String prefix, List<QueryRows.Column> columns) throws XMLStreamException {
        for (QueryRows.Column column : columns) {
            xml.writeEmptyElement("key");
            xml.writeAttribute("id", prefix + column.name());
            xml.writeAttribute("for", target);
            xml.writeAttribute("attr.name", column.name());
            xml.writeAttribute("attr.type", type(column.type()));
            xml.writeCharacters("\n");
        }
    }

    static String type(SqlTypeName type) {
        return switch (type) {
            case BIGINT -> "long";
            case INTEGER, SMALLINT, TINYINT -> "int";
            case DOUBLE, DECIMAL -> "double";
            case FLOAT, REAL -> "float";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }

    @Override
    public void node(Object[] row) {
        write(() -> {
            xml.writeStartElement("node");
            xml.writeAttribute("id", String.valueOf(row[nodeId]));
            data("n_", nodeColumns, row);
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void edge(Object[] row) {
        write(() -> {
            xml.writeStartElement("edge");
            xml.writeAttribute("id", String.valueOf(row[edgeId]));
            xml.writeAttribute("source", String.valueOf(row[edgeSource]));
            xml.writeAttribute("target", String.valueOf(row[edgeTarget]));
            data("e_", edgeColumns, row);
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    private void data(String prefix, List<QueryRows.Column> columns, Object[] row) throws XMLStreamException {
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] != null) {
                xml.writeStartElement("data");
                xml.writeAttribute("key", prefix + columns.get(i).name());
                xml.writeCharacters(CellText.of(row[i]));
                xml.writeEndElement();
            }
        }
    }

    @Override
    public void end() {
        write(() -> {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        });
    }

    @Override
    public void close() {
        try {
            xml.close();
            stream.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int index(List<QueryRows.Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name + " in " + columns);
    }

    private interface XmlWrite {
        void run() throws XMLStreamException;
    }

    private static void write(XmlWrite write) {
        try {
            write.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
