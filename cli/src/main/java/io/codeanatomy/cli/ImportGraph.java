package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A module's import graph: module M imports N when an alias in M's file has an {@code IMPORTS}
 * edge to N or to anything defined in N's file; a name outside the repository is its
 * {@code PY_EXTERNAL} node. Followed from one module to a depth, breadth first.
 */
final class ImportGraph {
    private static final String MODULE_EDGES = """
            SELECT DISTINCT m.node_id AS src_node_id,
              CASE WHEN d.node_kind = 'PY_EXTERNAL' THEN d.node_id ELSE n.node_id END AS dst_node_id
            FROM cpg_edges e
            JOIN cpg_nodes a ON a.node_id = e.src_node_id
            JOIN cpg_nodes m ON m.node_kind = 'PY_MODULE' AND m.path = a.path
            JOIN cpg_nodes d ON d.node_id = e.dst_node_id
            LEFT JOIN cpg_nodes n ON n.node_kind = 'PY_MODULE' AND n.path = d.path
            WHERE e.edge_kind = 'IMPORTS'""";

    private final Session session;

    ImportGraph(Session session) {
        this.session = requireNonNull(session, "session is null");
    }

    /** Writes the modules reached from {@code module} in {@code depth} imports and the imports among them; counts into {@code counts}. */
    void write(String module, int depth, GraphSink sink, long[] counts) {
        List<String[]> edges = new ArrayList<>();
        QueryRows.forEach(session, MODULE_EDGES, row -> {
            if (row[1] != null && !row[0].equals(row[1])) {
                edges.add(new String[] {(String) row[0], (String) row[1]});
            }
        });
        Set<String> found = new LinkedHashSet<>();
        QueryRows.forEach(session, "SELECT node_id FROM cpg_nodes WHERE node_kind = 'PY_MODULE' AND qualified_name = " + ExportCommand.literal(module),
                row -> found.add((String) row[0]));
        if (found.isEmpty()) {
            throw new UserError("no module is called '" + module + "'; give a qualified module name such as pkg.mod.", 2);
        }
        Set<String> frontier = new LinkedHashSet<>(found);
        for (int step = 0; step < depth && !frontier.isEmpty(); step++) {
            Set<String> next = new LinkedHashSet<>();
            for (String[] edge : edges) {
                if (frontier.contains(edge[0]) && found.add(edge[1])) {
                    next.add(edge[1]);
                }
            }
            frontier = next;
        }
        String nodes = "SELECT node_id, node_kind, name, qualified_name FROM cpg_nodes WHERE node_id IN ("
                + found.stream().map(ExportCommand::literal).collect(Collectors.joining(", ")) + ") ORDER BY qualified_name";
        sink.begin(QueryRows.columns(session, nodes), List.of(new QueryRows.Column("src_node_id", SqlTypeName.VARCHAR),
                new QueryRows.Column("dst_node_id", SqlTypeName.VARCHAR), new QueryRows.Column("edge_kind", SqlTypeName.VARCHAR)));
        QueryRows.forEach(session, nodes, row -> {
            sink.node(row);
            counts[0]++;
        });
        edges.stream().filter(e -> found.contains(e[0]) && found.contains(e[1])).sorted((x, y) -> (x[0] + x[1]).compareTo(y[0] + y[1]))
                .forEach(e -> {
                    sink.edge(new Object[] {e[0], e[1], "IMPORTS"});
                    counts[1]++;
                });
    }
}
