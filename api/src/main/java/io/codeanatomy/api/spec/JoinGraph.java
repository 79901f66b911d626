package io.codeanatomy.api.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The join edges known between the relations and views of a spec: the replacement for
 * hard-coded join keys. The spec checks that every relation named here exists.
 *
 * @param edges the edges, in declaration order, without exact duplicates
 */
public record JoinGraph(List<JoinEdge> edges) {
    private static final JoinGraph EMPTY = new JoinGraph(List.of());

    public JoinGraph {
        edges = List.copyOf(requireNonNull(edges, "edges is null"));
        Set<JoinEdge> seen = new HashSet<>();
        for (JoinEdge edge : edges) {
            if (!seen.add(edge)) {
                throw new IllegalArgumentException("The join edge " + edge.left() + " -> " + edge.right() + " (" + edge.source() + ") is declared twice.");
            }
        }
    }

    public static JoinGraph empty() {
        return EMPTY;
    }

    public static JoinGraph of(JoinEdge... edges) {
        return new JoinGraph(List.of(edges));
    }

    /** Edges between {@code a} and {@code b}, in either direction, in declaration order. */
    public List<JoinEdge> between(String a, String b) {
        List<JoinEdge> found = new ArrayList<>();
        for (JoinEdge edge : edges) {
            if (edge.connects(a, b)) {
                found.add(edge);
            }
        }
        return List.copyOf(found);
    }

    /** The single edge between {@code a} and {@code b}; throws if there is none or more than one. */
    public JoinEdge edge(String a, String b) {
        List<JoinEdge> found = between(a, b);
        if (found.size() != 1) {
            throw new IllegalArgumentException("Expected one join edge between '" + a + "' and '" + b + "', found " + found.size() + ".");
        }
        return found.get(0);
    }

    /** Every relation named by an edge, sorted. */
    public SortedSet<String> relations() {
        SortedSet<String> names = new TreeSet<>();
        edges.forEach(edge -> names.addAll(edge.relations()));
        return names;
    }
}
