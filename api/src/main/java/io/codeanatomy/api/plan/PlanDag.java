package io.codeanatomy.api.plan;

import io.codeanatomy.api.canonical.Canonical;
import io.codeanatomy.api.canonical.CanonicalJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The plan of a whole run as one DAG (the seed's plan bundle): its nodes are the spools, shared
 * views computed once, and the outputs, each with its own P0/P1/P2; its edges say which node scans
 * which spool. Nodes are kept in execution order, every spool before the nodes that read it.
 *
 * <p>{@link #hash()}, the DAG hash, is taken over the nodes and edges sorted by id, so it depends on
 * what the DAG is, not on the order the spec declared its views; nothing in it is numbered per JVM.
 * {@link #p1Hash()} is the same over the nodes' P1 hashes only, the regression fingerprint.
 *
 * @param nodes the fragments, in execution order
 */
public record PlanDag(List<PlanNode> nodes) implements Canonical {
    public PlanDag {
        nodes = List.copyOf(requireNonNull(nodes, "nodes is null"));
        Map<String, PlanNode> seen = new HashMap<>();
        for (PlanNode node : nodes) {
            for (String read : node.reads()) {
                PlanNode spool = seen.get(read);
                if (spool == null || spool.kind() != PlanNodeKind.SPOOL) {
                    throw new IllegalArgumentException("Plan node '" + node.id() + "' reads '" + read
                            + "', which is not a spool placed before it in the DAG.");
                }
            }
            if (seen.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("The plan node '" + node.id() + "' appears twice in the DAG.");
            }
        }
    }

    /** The node with id {@code id} ({@link PlanNode#id()}). */
    public PlanNode node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The plan DAG has no node '" + id + "'."));
    }

    /** The nodes of one kind, in execution order. */
    public List<PlanNode> nodes(PlanNodeKind kind) {
        return nodes.stream().filter(node -> node.kind() == kind).toList();
    }

    /** Every spool-to-reader edge, sorted by spool, then reader. */
    public List<PlanEdge> edges() {
        List<PlanEdge> edges = new ArrayList<>();
        for (PlanNode node : nodes) {
            node.reads().forEach(spool -> edges.add(new PlanEdge(spool, node.id())));
        }
        edges.sort(Comparator.comparing(PlanEdge::spool).thenComparing(PlanEdge::reader));
        return List.copyOf(edges);
    }

    /** SHA-256 over the node ids, the edges and each node's P1 hash: what changed in the optimized DAG. */
    public String p1Hash() {
        List<Object> p1 = new ArrayList<>();
        sorted().forEach(node -> p1.add(Map.of("id", node.id(), "p1Hash", node.plans().p1Hash())));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("nodes", p1);
        tree.put("edges", edgeTrees());
        return CanonicalJson.sha256(tree);
    }

    @Override
    public Map<String, Object> canonicalTree() {
        List<Object> nodeTrees = new ArrayList<>();
        sorted().forEach(node -> nodeTrees.add(node.canonicalTree()));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("nodes", nodeTrees);
        tree.put("edges", edgeTrees());
        return tree;
    }

    private List<PlanNode> sorted() {
        return nodes.stream().sorted(Comparator.comparing(PlanNode::id)).toList();
    }

    private List<Object> edgeTrees() {
        List<Object> trees = new ArrayList<>();
        edges().forEach(edge -> trees.add(edge.canonicalTree()));
        return trees;
    }
}
