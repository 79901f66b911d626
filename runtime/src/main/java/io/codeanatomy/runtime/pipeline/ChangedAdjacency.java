package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.session.Session;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The paths of the nodes whose adjacency rows ({@code cpg_edges_by_src}, {@code cpg_edges_by_dst})
 * an incremental build changes besides those of the changed files (docs/incremental.md,
 * "Adjacency"). The edges of a file-local part join two nodes of its file, so the changed files'
 * edges change the rows of their nodes only; what else changes is the edges of the other parts
 * (imports, inheritance, calls), all in the last group of {@code cpg_edges}, and the nodes of the
 * last group of {@code cpg_nodes}. Both last groups are compared before and after, as multisets,
 * with Calcite; an edge's source node has the edge's path, and the path of each target comes from
 * {@code cpg_nodes}, read whole only when some target needs it.
 */
final class ChangedAdjacency {
    /** The last group of {@code cpg_edges} as the previous build left it. */
    static final String EDGES_BEFORE = "cpg_edges_cross_before";
    /** The last group of {@code cpg_nodes} as the previous build left it. */
    static final String NODES_BEFORE = "cpg_nodes_cross_before";
    /** The last group of {@code cpg_nodes} as this build wrote it. */
    static final String NODES_AFTER = "cpg_nodes_cross";

    private static final String EDGE_COLUMNS = "edge_id, edge_kind, src_node_id, dst_node_id, path, bstart, bend, confidence";

    private ChangedAdjacency() {
    }

    /**
     * The paths ({@value CpgSpec#NO_FILE} for a node of no file) of the nodes at either end of an
     * edge of the last group that this build took out or put in, and of the nodes of the last group
     * taken out or put in. {@code session} has {@value #EDGES_BEFORE} and {@value CpgSpec#CROSS_EDGES}
     * registered (the last group of {@code cpg_edges} before and after), {@value #NODES_BEFORE} and
     * {@value #NODES_AFTER} (that of {@code cpg_nodes}), and {@code cpg_nodes} as written.
     */
    static SortedSet<String> paths(Session session) {
        requireNonNull(session, "session is null");
        SortedSet<String> paths = new TreeSet<>();
        Set<String> targets = new HashSet<>();
        rows(session, "SELECT src_node_id, dst_node_id, path FROM ((SELECT " + EDGE_COLUMNS + " FROM " + EDGES_BEFORE
                + " EXCEPT ALL SELECT " + EDGE_COLUMNS + " FROM " + CpgSpec.CROSS_EDGES + ") UNION ALL (SELECT " + EDGE_COLUMNS + " FROM "
                + CpgSpec.CROSS_EDGES + " EXCEPT ALL SELECT " + EDGE_COLUMNS + " FROM " + EDGES_BEFORE + "))", row -> {
                    // An edge's path is its source node's.
                    paths.add(path(row[2]));
                    targets.add((String) row[1]);
                });
        rows(session, "(SELECT node_id, path FROM " + NODES_BEFORE + " EXCEPT ALL SELECT node_id, path FROM " + NODES_AFTER
                + ") UNION ALL (SELECT node_id, path FROM " + NODES_AFTER + " EXCEPT ALL SELECT node_id, path FROM " + NODES_BEFORE + ")",
                row -> paths.add(path(row[1])));
        if (!targets.isEmpty()) {
            // A target gone from cpg_nodes was a node of a changed file (whose group is recomputed) or of the last group before.
            for (String nodes : new String[] {CpgSpec.NODES_OUTPUT, NODES_BEFORE}) {
                rows(session, "SELECT node_id, path FROM " + nodes, row -> {
                    if (targets.remove((String) row[0])) {
                        paths.add(path(row[1]));
                    }
                });
            }
        }
        return paths;
    }

    private static String path(Object value) {
        return value == null ? CpgSpec.NO_FILE : (String) value;
    }

    /** Runs {@code sql} in {@code session}, handing each row to {@code row}. */
    private static void rows(Session session, String sql, Consumer<Object[]> row) {
        try (Enumerator<?> rows = session.executor().rows(session.planSql(sql).query().physical())) {
            while (rows.moveNext()) {
                row.accept((Object[]) rows.current());
            }
        }
    }
}
