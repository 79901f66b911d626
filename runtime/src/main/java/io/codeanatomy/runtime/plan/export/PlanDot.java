package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/**
 * A plan as a Graphviz {@code digraph}: one box per operator labelled with its type and
 * attributes, an edge from each input to its consumer. Nodes are numbered in pre-order from the
 * root ({@code n0}), never by Calcite's per-JVM rel ids, so equal plans give equal files; an
 * operator shared by two consumers is drawn once.
 */
public final class PlanDot {
    private PlanDot() {
    }

    public static String of(RelNode root) {
        requireNonNull(root, "root is null");
        StringBuilder dot = new StringBuilder("digraph plan {\n  rankdir=BT;\n  node [shape=box, fontname=\"monospace\"];\n");
        Map<RelNode, String> ids = new IdentityHashMap<>();
        visit(root, ids, dot);
        return dot.append("}\n").toString();
    }

    private static String visit(RelNode node, Map<RelNode, String> ids, StringBuilder dot) {
        String known = ids.get(node);
        if (known != null) {
            return known;
        }
        String id = "n" + ids.size();
        ids.put(node, id);
        dot.append("  ").append(id).append(" [label=\"").append(escape(label(node))).append("\"];\n");
        List<RelNode> inputs = node.getInputs();
        for (int i = 0; i < inputs.size(); i++) {
            String input = visit(inputs.get(i), ids, dot);
            dot.append("  ").append(input).append(" -> ").append(id).append(" [label=\"").append(i).append("\"];\n");
        }
        return id;
    }

    /** The operator's line of {@code RelOptUtil.toString}, without its inputs: type and attributes. */
    private static String label(RelNode node) {
        StringBuilder label = new StringBuilder(node.getRelTypeName());
        RelWriter attributes = new RelWriterImpl(new java.io.PrintWriter(java.io.Writer.nullWriter()), SqlExplainLevel.EXPPLAN_ATTRIBUTES, false) {
            @Override
            protected void explain_(RelNode rel, List<Pair<String, Object>> values) {
                for (Pair<String, Object> value : values) {
                    if (!(value.right instanceof RelNode)) {
                        label.append("\n").append(value.left).append("=").append(value.right);
                    }
                }
            }
        };
        node.explain(attributes);
        return label.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
