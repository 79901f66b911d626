package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestExport {
    @TempDir
    Path temp;

    private static long count(String sql) {
        CliRun run = CliRun.of("query", SmallOutput.out().toString(), sql, "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Long.parseLong(run.out().split("\n")[1]);
    }

    private static CliRun export(String... args) {
        return SmallOutput.run("export", args);
    }

    @Test
    void graphmlParsesBackWithTheNodesAndEdgesOfTheCpgAndTypedKeys() throws Exception {
        Path file = temp.resolve("cpg.graphml");

        CliRun run = export("--format", "graphml", "--to", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        long nodes = 0;
        long edges = 0;
        String bstartType = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    assertThat(xml.getNamespaceURI()).isEqualTo(GraphMlSink.NAMESPACE);
                    switch (xml.getLocalName()) {
                        case "node" -> nodes++;
                        case "edge" -> edges++;
                        case "key" -> {
                            if ("n_bstart".equals(xml.getAttributeValue(null, "id"))) {
                                bstartType = xml.getAttributeValue(null, "attr.type");
                            }
                        }
                        default -> { }
                    }
                }
            }
        }
        assertThat(nodes).isEqualTo(count("SELECT COUNT(*) AS n FROM cpg_nodes")).isPositive();
        assertThat(edges).isEqualTo(count("SELECT COUNT(*) AS n FROM cpg_edges")).isPositive();
        assertThat(bstartType).isEqualTo("long");
        assertThat(run.out()).isEqualTo("wrote " + file + " (graphml): " + String.format("%,d", nodes) + " nodes, "
                + String.format("%,d", edges) + " edges\n");
    }

    @Test
    void neo4jHeadersAreValidAndEveryRowMatchesItsHeader() throws IOException {
        Path dir = temp.resolve("neo4j");

        CliRun run = export("--format", "neo4j", "--to", dir.toString(), "--where", "path LIKE 'pkg/%'");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> nodeHeader = header(dir.resolve("nodes_header.csv"));
        List<String> edgeHeader = header(dir.resolve("edges_header.csv"));
        // neo4j-admin's header syntax: name:type, or a bare :ID/:LABEL/:START_ID/:END_ID/:TYPE field.
        String field = "([A-Za-z_][A-Za-z0-9_]*:(ID|string|long|int|double|boolean)|:LABEL|:START_ID|:END_ID|:TYPE)";
        assertThat(nodeHeader).allMatch(f -> f.matches(field)).contains("node_id:ID", ":LABEL", "bstart:long", "line:int");
        assertThat(nodeHeader.stream().filter(f -> f.endsWith(":ID"))).hasSize(1);
        assertThat(edgeHeader).allMatch(f -> f.matches(field)).contains(":START_ID", ":END_ID", ":TYPE", "confidence:double");
        assertThat(records(dir.resolve("nodes.csv"))).allMatch(r -> r.size() == nodeHeader.size())
                .hasSize((int) count("SELECT COUNT(*) AS n FROM cpg_nodes WHERE path LIKE 'pkg/%'"));
        assertThat(records(dir.resolve("edges.csv"))).allMatch(r -> r.size() == edgeHeader.size())
                .hasSize((int) count("SELECT COUNT(*) AS n FROM cpg_edges WHERE src_node_id IN (SELECT node_id FROM cpg_nodes WHERE path LIKE 'pkg/%')"
                        + " AND dst_node_id IN (SELECT node_id FROM cpg_nodes WHERE path LIKE 'pkg/%')"));
    }

    private static List<String> header(Path file) throws IOException {
        List<CSVRecord> records = records(file);
        assertThat(records).hasSize(1);
        return records.get(0).toList();
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void jsonLinesHoldOneObjectPerNodeAndEdge() throws IOException {
        Path file = temp.resolve("cpg.jsonl");

        CliRun run = export("--format", "jsonl", "--to", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(file);
        long nodes = count("SELECT COUNT(*) AS n FROM cpg_nodes");
        long edges = count("SELECT COUNT(*) AS n FROM cpg_edges");
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"node\",\"node_id\":"))).hasSize((int) nodes);
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"edge\",\"edge_id\":"))).hasSize((int) edges);
        assertThat(lines).hasSize((int) (nodes + edges));
        assertThat(run.out()).isEqualTo("{\"to\": \"" + file + "\", \"format\": \"jsonl\", \"nodes\": " + nodes + ", \"edges\": " + edges + "}\n");
    }

    @Test
    void dotOfAClassNeighbourhoodAndOfAModuleImportGraphRenders() throws Exception {
        Path around = temp.resolve("circle.dot");
        Path imports = temp.resolve("imports.dot");

        CliRun neighbourhood = export("--format", "dot", "--to", around.toString(), "--around", "pkg.circle.Circle", "--depth", "1",
                "--edge-kind", "INHERITS", "--edge-kind", "CONTAINS");
        CliRun importGraph = export("--format", "dot", "--to", imports.toString(), "--imports", "app", "--depth", "2");

        assertThat(neighbourhood.exitCode()).as(neighbourhood.err()).isZero();
        String dot = Files.readString(around);
        assertThat(dot).startsWith("digraph cpg {").contains("PY_CLASS\\npkg.circle.Circle").contains("PY_CLASS\\npkg.base.Shape")
                .contains("PY_CLASS\\npkg.circle.Unit").contains("[label=\"INHERITS\"]").contains("[label=\"CONTAINS\"]")
                .contains("PY_FUNCTION\\npkg.circle.Circle.area").doesNotContain("pkg.base.Shape.area").endsWith("}\n");
        assertThat(importGraph.exitCode()).as(importGraph.err()).isZero();
        String modules = Files.readString(imports);
        assertThat(modules).contains("PY_MODULE\\napp").contains("PY_MODULE\\npkg.circle").contains("PY_MODULE\\npkg.base")
                .contains("PY_EXTERNAL\\nmath");
        assertThat(modules.lines().filter(l -> l.contains("->"))).hasSize(3);
        if (graphviz()) {
            for (Path file : List.of(around, imports)) {
                Process render = new ProcessBuilder("dot", "-Tsvg", file.toString()).redirectErrorStream(true).start();
                String svg = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(render.exitValue()).as(svg).isZero();
                assertThat(svg).contains("<svg");
            }
        }
    }

    /** Rendering is checked where Graphviz is installed; the DOT text is checked everywhere. */
    private static boolean graphviz() {
        try {
            Process probe = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void unknownNodeAndBadFormatAreOneSentence() {
        CliRun unknown = export("--format", "dot", "--to", temp.resolve("x.dot").toString(), "--around", "nowhere.f");
        CliRun format = export("--format", "svg", "--to", temp.resolve("x.svg").toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("codeanatomy: no node has the node_id or qualified_name 'nowhere.f'.\n");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("codeanatomy: --format must be graphml, neo4j, jsonl or dot, not 'svg'.\n");
    }
}
