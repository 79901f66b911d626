package io.codeanatomy.api.plan;

import io.codeanatomy.api.canonical.Canonical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * One fragment of a run's plan DAG: a spool (a shared view computed once) or an output, with its
 * plans and the spools it scans.
 *
 * @param name the view name of a spool, the output name of an output
 * @param kind what the fragment produces
 * @param reads ids ({@link #id()}) of the spools the fragment scans, sorted, each once
 * @param plans the fragment's P0, P1 and P2 with their hashes and rule trace
 */
public record PlanNode(String name, PlanNodeKind kind, List<String> reads, PlanBundle plans) implements Canonical {
    public PlanNode {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(plans, "plans is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A plan node needs a non-blank name.");
        }
        // Sorted, so that the node's identity does not depend on the order its plan met the spools.
        reads = List.copyOf(new TreeSet<>(requireNonNull(reads, "reads is null")));
    }

    /** The spool id of a view, as {@link #reads()} names it. */
    public static String spoolId(String view) {
        return idOf(PlanNodeKind.SPOOL, view);
    }

    /**
     * The node's id in the DAG, {@code kind:name} (e.g. {@code spool:scopes},
     * {@code output:cpg_nodes}): a view and an output may share a name, their nodes may not.
     */
    public String id() {
        return idOf(kind, name);
    }

    private static String idOf(PlanNodeKind kind, String name) {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }

    @Override
    public Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", id());
        tree.put("kind", kind);
        tree.put("name", name);
        tree.put("reads", reads);
        tree.put("plans", plans.canonicalTree());
        return tree;
    }
}
