package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What CPython did running one fixture: its call edges and the names its source defines. */
public record FixtureTruth(String category, Path root, List<TruthEdge> edges, List<Definition> definitions) {
    public FixtureTruth {
        requireNonNull(category, "category is null");
        requireNonNull(root, "root is null");
        edges = List.copyOf(edges);
        definitions = List.copyOf(definitions);
    }

    /** The distinct pairs, sorted. */
    public Set<CallEdge> pairs() {
        return edges.stream().map(TruthEdge::edge).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Names a callee may have to be scored: the functions (methods, lambdas included) the fixture defines. */
    public Set<String> functions() {
        return definitions.stream().filter(Definition::isFunction).map(Definition::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Names a caller may have to be scored: every function, class and module the fixture defines. */
    public Set<String> callers() {
        return definitions.stream().map(Definition::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
