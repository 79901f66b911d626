package io.codeanatomy.api.plan;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A data dependency of a run's plan DAG: the fragment {@code reader} scans the spool
 * {@code spool}, so the spool runs first.
 *
 * @param spool id of the spool node read
 * @param reader id of the node that reads it
 */
public record PlanEdge(String spool, String reader) {
    public PlanEdge {
        requireNonNull(spool, "spool is null");
        requireNonNull(reader, "reader is null");
    }

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("spool", spool);
        tree.put("reader", reader);
        return tree;
    }
}
