package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A call CPython made while running a fixture: its category (the fixture's), the pair, every site it
 * was made from (sorted), and the patterns tagged on those sites' lines with {@code # pattern: name}.
 */
public record TruthEdge(String category, CallEdge edge, List<CallSite> sites, List<String> patterns) {
    public TruthEdge {
        requireNonNull(category, "category is null");
        requireNonNull(edge, "edge is null");
        sites = List.copyOf(sites);
        patterns = List.copyOf(patterns);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a recorded call has a site: " + edge);
        }
    }
}
