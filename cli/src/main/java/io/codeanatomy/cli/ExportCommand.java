package io.codeanatomy.cli;

import io.codeanatomy.runtime.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeanatomy export}: the CPG, or part of it, in the formats graph tools read. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Writes the graph of cpg_nodes and cpg_edges, streamed row by row, as GraphML (yEd, Gephi), Neo4j admin-import CSV files, "
                    + "JSON Lines or Graphviz DOT.",
            "--where keeps the nodes a condition on cpg_nodes holds for, and the edges between them; --around keeps a node's "
                    + "neighbourhood to --depth edges; --imports draws a module's import graph."
        })
public final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Writes graphml, neo4j (a directory of CSV files), jsonl or dot.")
    private String format;

    @Option(names = "--to", required = true, paramLabel = "PATH", description = "The file to write (a directory for neo4j).")
    private Path to;

    @Option(names = "--where", paramLabel = "CONDITION", description = "Keeps the nodes this SQL condition on cpg_nodes' columns holds for, "
            + "e.g. \"path LIKE 'pkg/%'\", and the edges between them.")
    private String where;

    @Option(names = "--around", paramLabel = "NODE", description = "Keeps the nodes within --depth edges of NODE (a node_id or qualified_name), either direction.")
    private String around;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "1", description = "How many edges from --around or --imports to go (default: ${DEFAULT-VALUE}).")
    private int depth;

    @Option(names = "--edge-kind", paramLabel = "KIND", description = "Follows and keeps only edges of this kind (repeatable), e.g. CALLS or INHERITS.")
    private List<String> edgeKinds = new ArrayList<>();

    @Option(names = "--imports", paramLabel = "MODULE", description = "With --format dot: the modules MODULE imports, to --depth imports.")
    private String imports;

    @Option(names = "--json", description = "Prints the summary (file, nodes, edges) as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        if (!List.of("graphml", "neo4j", "jsonl", "dot").contains(format)) {
            throw new UserError("--format must be graphml, neo4j, jsonl or dot, not '" + format + "'.", 2);
        }
        if (depth < 0) {
            throw new UserError("--depth must be 0 or more, not " + depth + ".", 2);
        }
        if (imports != null && (!format.equals("dot") || around != null || where != null)) {
            throw new UserError("--imports draws a module import graph with --format dot alone, without --around or --where.", 2);
        }
        if (around != null && where != null) {
            throw new UserError("give --where or --around, not both.", 2);
        }
        if (to.getFileName() == null) {
            throw new UserError("--to must name a file or directory to write, not " + to + ".", 2);
        }
        if (to.getParent() != null && !Files.isDirectory(to.getParent())) {
            throw new UserError("the directory of --to " + to + " does not exist.", 2);
        }
        long[] counts = new long[2];
        // Written beside --to and moved there once complete, so a failed export leaves nothing behind.
        Path partial = to.resolveSibling("." + to.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            export(partial, counts);
            publish(partial);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot write " + to + " (" + IoErrors.reason(e.getCause()) + "); give a writable --to path.", 2);
        } finally {
            deletePartial(partial);
        }
        summary(counts);
        return 0;
    }

    /** Streams the chosen graph into {@code partial}, counting its nodes and edges. */
    private void export(Path partial, long[] counts) {
        try (OpenedOutput opened = output.open();
                GraphSink sink = sink(partial)) {
            Session session = opened.session();
            if (imports != null) {
                new ImportGraph(session).write(imports, depth, sink, counts);
            } else {
                String nodeCondition = where;
                String edgeKindCondition = edgeKinds.isEmpty() ? null
                        : "edge_kind IN (" + edgeKinds.stream().map(ExportCommand::literal).collect(Collectors.joining(", ")) + ")";
                if (around != null) {
                    nodeCondition = "node_id IN (" + neighbourhood(session, edgeKindCondition).stream().map(ExportCommand::literal)
                            .collect(Collectors.joining(", ")) + ")";
                }
                String nodes = "SELECT * FROM cpg_nodes" + (nodeCondition == null ? "" : " WHERE " + nodeCondition);
                List<String> edgeConditions = new ArrayList<>();
                if (nodeCondition != null) {
                    edgeConditions.add("src_node_id IN (SELECT node_id FROM cpg_nodes WHERE " + nodeCondition + ")");
                    edgeConditions.add("dst_node_id IN (SELECT node_id FROM cpg_nodes WHERE " + nodeCondition + ")");
                }
                if (edgeKindCondition != null) {
                    edgeConditions.add(edgeKindCondition);
                }
                String edges = "SELECT * FROM cpg_edges" + (edgeConditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", edgeConditions));
                sink.begin(QueryRows.columns(session, nodes), QueryRows.columns(session, edges));
                QueryRows.forEach(session, nodes, row -> {
                    sink.node(row);
                    counts[0]++;
                });
                QueryRows.forEach(session, edges, row -> {
                    sink.edge(row);
                    counts[1]++;
                });
            }
            sink.end();
        }
    }

    private GraphSink sink(Path file) {
        return switch (format) {
            case "graphml" -> new GraphMlSink(file);
            case "neo4j" -> new Neo4jSink(file);
            case "jsonl" -> new JsonLinesSink(file);
            default -> new DotSink(file);
        };
    }

    /** Moves the complete export to --to: the file, or neo4j's four files into the directory (others there stay). */
    private void publish(Path partial) {
        try {
            if (format.equals("neo4j")) {
                Files.createDirectories(to);
                for (String file : Neo4jSink.FILES) {
                    Files.move(partial.resolve(file), to.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } else {
                Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what a failed export left beside --to; nothing is there once it is published. */
    private static void deletePartial(Path partial) {
        try {
            if (Files.isDirectory(partial)) {
                try (Stream<Path> files = Files.list(partial)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // Left behind with a name that says what it is; the export's own error is the one to report.
        }
    }

    /** The node ids within {@link #depth} edges of {@link #around}, breadth first, either direction. */
    private Set<String> neighbourhood(Session session, String edgeKindCondition) {
        Set<String> found = new LinkedHashSet<>();
        QueryRows.forEach(session, "SELECT node_id FROM cpg_nodes WHERE node_id = " + literal(around) + " OR qualified_name = " + literal(around),
                row -> found.add((String) row[0]));
        if (found.isEmpty()) {
            throw new UserError("no node has the node_id or qualified_name '" + around + "'.", 2);
        }
        Set<String> frontier = new LinkedHashSet<>(found);
        for (int step = 0; step < depth && !frontier.isEmpty(); step++) {
            String ids = frontier.stream().map(ExportCommand::literal).collect(Collectors.joining(", "));
            Set<String> next = new LinkedHashSet<>();
            QueryRows.forEach(session, "SELECT src_node_id, dst_node_id FROM cpg_edges WHERE (src_node_id IN (" + ids + ") OR dst_node_id IN ("
                    + ids + "))" + (edgeKindCondition == null ? "" : " AND " + edgeKindCondition), row -> {
                        for (Object id : row) {
                            if (found.add((String) id)) {
                                next.add((String) id);
                            }
                        }
                    });
            frontier = next;
        }
        return found;
    }

    /** A SQL string literal of {@code text}: quotes doubled, so no value can end it. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private void summary(long[] counts) {
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.printf(Locale.ROOT, "{\"to\": %s, \"format\": \"%s\", \"nodes\": %d, \"edges\": %d}%n",
                    JsonText.quote(to.toString()), format, counts[0], counts[1]);
        } else {
            stdout.printf(Locale.ROOT, "wrote %s (%s): %,d nodes, %,d edges%n", to, format, counts[0], counts[1]);
        }
        stdout.flush();
    }
}
