package io.codeanatomy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The four files {@code neo4j-admin database import full --nodes=nodes_header.csv,nodes.csv
 * --relationships=edges_header.csv,edges.csv} reads: header files apart from the data, so the data
 * streams. {@code node_id} is the {@code :ID}, {@code node_kind} the {@code :LABEL}; an edge's
 * endpoints are {@code :START_ID} and {@code :END_ID} and its {@code edge_kind} the {@code :TYPE};
 * every other column is a property typed {@code string}, {@code long}, {@code int}, {@code double}
 * or {@code boolean}. NULL is an empty field, which the importer leaves out.
 */
final class Neo4jSink implements GraphSink {
    static final List<String> FILES = List.of("nodes_header.csv", "nodes.csv", "edges_header.csv", "edges.csv");

    private final Path directory;
    private final CSVPrinter nodes;
    private final CSVPrinter edges;

    Neo4jSink(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            nodes = printer(directory.resolve("nodes.csv"));
            edges = printer(directory.resolve("edges.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory, e);
        }
    }

    private static CSVPrinter printer(Path file) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").setNullString("").get());
    }

    @Override
    public void begin(List<QueryRows.Column> nodeColumns, List<QueryRows.Column> edgeColumns) {
        List<String> nodeHeader = new ArrayList<>();
        for (QueryRows.Column column : nodeColumns) {
            nodeHeader.add(switch (column.name()) {
                case "node_id" -> "node_id:ID";
                case "node_kind" -> ":LABEL";
                default -> property(column);
            });
        }
        List<String> edgeHeader = new ArrayList<>();
        for (QueryRows.Column column : edgeColumns) {
            edgeHeader.add(switch (column.name()) {
                case "src_node_id" -> ":START_ID";
                case "dst_node_id" -> ":END_ID";
                case "edge_kind" -> ":TYPE";
                default -> property(column);
            });
        }
        header(directory.resolve("nodes_header.csv"), nodeHeader);
        header(directory.resolve("edges_header.csv"), edgeHeader);
    }

    private static String property(QueryRows.Column column) {
        return column.name() + ":" + type(column.type());
    }

    static String type(SqlTypeName type) {
        return switch (type) {
            case BIGINT -> "long";
            case INTEGER, SMALLINT, TINYINT -> "int";
            case DOUBLE, DECIMAL, FLOAT, REAL -> "double";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }

    private static void header(Path file, List<String> fields) {
        try (CSVPrinter header = printer(file)) {
            header.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void node(Object[] row) {
        print(nodes, row);
    }

    @Override
    public void edge(Object[] row) {
        print(edges, row);
    }

    private static void print(CSVPrinter printer, Object[] row) {
        try {
            for (Object value : row) {
                printer.print(CellText.of(value));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end() {
        try {
            nodes.flush();
            edges.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (nodes; edges) {
            // Both printers close, the second even if the first fails.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
