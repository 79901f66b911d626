package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One caller → callee pair of a function-level call graph, both named {@code module.qualname}
 * (docs/callgraph-truth.md): a module's own code is the caller named by the module, a class body
 * the caller named by the class.
 */
public record CallEdge(String caller, String callee) implements Comparable<CallEdge> {
    private static final Comparator<CallEdge> ORDER =
            Comparator.comparing(CallEdge::caller).thenComparing(CallEdge::callee);

    public CallEdge {
        requireNonNull(caller, "caller is null");
        requireNonNull(callee, "callee is null");
        if (caller.isEmpty() || callee.isEmpty()) {
            throw new IllegalArgumentException("a call edge names both sides: " + caller + " -> " + callee);
        }
    }

    @Override
    public int compareTo(CallEdge other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return caller + " -> " + callee;
    }
}
