package io.codeanatomy.api.spec;

import io.codeanatomy.api.canonical.Canonical;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The whole semantic layer of a run: input relations, views over them, the join graph and the
 * output tables. Construction validates the spec and throws {@link IllegalArgumentException}
 * with one sentence naming the problem when a name is defined twice, a view depends on an
 * undefined name, views form a dependency cycle, a join edge or output names an undefined
 * relation, or two outputs share a name or path.
 *
 * <p>{@link #hash()} is the SHA-256 of {@link #canonicalJson()}: inputs, views and outputs sorted
 * by name, join edges in order, view bodies and conditions in their typed canonical text.
 *
 * @param name spec name
 * @param version spec version, free text (e.g. {@code "1.0.0"})
 * @param inputs the relations read
 * @param views the views, in any order
 * @param joinGraph known join edges
 * @param outputs tables written
 */
public record SemanticSpec(String name, String version, List<InputRelation> inputs, List<ViewDefinition> views,
        JoinGraph joinGraph, List<OutputTarget> outputs) implements Canonical {

    public SemanticSpec {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        views = List.copyOf(requireNonNull(views, "views is null"));
        requireNonNull(joinGraph, "joinGraph is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("A semantic spec needs a non-blank name and version.");
        }
        validate(name, inputs, views, joinGraph, outputs);
    }

    /** Starts building a spec. */
    public static SemanticSpecBuilder builder(String name, String version) {
        return new SemanticSpecBuilder(name, version);
    }

    private static void validate(String spec, List<InputRelation> inputs, List<ViewDefinition> views, JoinGraph joinGraph,
            List<OutputTarget> outputs) {
        Set<String> defined = new HashSet<>();
        for (InputRelation input : inputs) {
            requireNew(defined, input.name(), spec);
        }
        for (ViewDefinition view : views) {
            requireNew(defined, view.name(), spec);
        }
        for (ViewDefinition view : views) {
            for (String dependency : view.dependencies()) {
                if (!defined.contains(dependency)) {
                    throw new IllegalArgumentException("View '" + view.name() + "' depends on '" + dependency
                            + "', which is neither an input relation nor a view of spec '" + spec + "'.");
                }
            }
        }
        findCycle(views).ifPresent(cycle -> {
            throw new IllegalArgumentException("Views of spec '" + spec + "' form a dependency cycle: " + String.join(" -> ", cycle) + ".");
        });
        for (JoinEdge edge : joinGraph.edges()) {
            for (String relation : List.of(edge.left(), edge.right())) {
                if (!defined.contains(relation)) {
                    throw new IllegalArgumentException("The join edge " + edge.left() + " -> " + edge.right() + " names '" + relation
                            + "', which is neither an input relation nor a view of spec '" + spec + "'.");
                }
            }
        }
        Set<String> outputNames = new HashSet<>();
        Set<String> outputPaths = new HashSet<>();
        for (OutputTarget output : outputs) {
            if (!outputNames.add(output.name())) {
                throw new IllegalArgumentException("The output '" + output.name() + "' is defined more than once in spec '" + spec + "'.");
            }
            if (!outputPaths.add(output.path())) {
                throw new IllegalArgumentException("Output '" + output.name() + "' writes to '" + output.path()
                        + "', which another output of spec '" + spec + "' already writes to.");
            }
            if (!defined.contains(output.view())) {
                throw new IllegalArgumentException("Output '" + output.name() + "' reads '" + output.view()
                        + "', which is neither a view nor an input relation of spec '" + spec + "'.");
            }
        }
    }

    private static void requireNew(Set<String> defined, String name, String spec) {
        if (!defined.add(name)) {
            throw new IllegalArgumentException("The name '" + name + "' is defined more than once in spec '" + spec
                    + "' (input relations and views share one namespace).");
        }
    }

    /** The first cycle met by a depth-first walk in declaration order, as names ending where they start. */
    private static Optional<List<String>> findCycle(List<ViewDefinition> views) {
        Map<String, ViewDefinition> byName = new HashMap<>();
        views.forEach(view -> byName.put(view.name(), view));
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        for (ViewDefinition view : views) {
            if (!state.containsKey(view.name())) {
                Deque<String> path = new ArrayDeque<>();
                Optional<List<String>> cycle = visit(view.name(), byName, state, path);
                if (cycle.isPresent()) {
                    return cycle;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String name, Map<String, ViewDefinition> byName, Map<String, Integer> state, Deque<String> path) {
        state.put(name, 1);
        path.addLast(name);
        for (String dependency : byName.get(name).dependencies()) {
            if (!byName.containsKey(dependency)) {
                continue; // an input relation: no outgoing edges
            }
            Integer seen = state.get(dependency);
            if (seen == null) {
                Optional<List<String>> cycle = visit(dependency, byName, state, path);
                if (cycle.isPresent()) {
                    return cycle;
                }
            }
            else if (seen == 1) {
                List<String> cycle = new ArrayList<>();
                boolean inCycle = false;
                for (String step : path) {
                    inCycle |= step.equals(dependency);
                    if (inCycle) {
                        cycle.add(step);
                    }
                }
                cycle.add(dependency);
                return Optional.of(cycle);
            }
        }
        path.removeLast();
        state.put(name, 2);
        return Optional.empty();
    }

    /** The input relation called {@code name}, if any. */
    public Optional<InputRelation> input(String name) {
        return inputs.stream().filter(input -> input.name().equals(name)).findFirst();
    }

    /** The view called {@code name}, if any. */
    public Optional<ViewDefinition> view(String name) {
        return views.stream().filter(view -> view.name().equals(name)).findFirst();
    }

    /**
     * Views ordered so that each comes after everything it depends on; among views whose
     * dependencies are all placed, declaration order decides. Same spec, same order.
     */
    public List<ViewDefinition> topologicalOrder() {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < views.size(); i++) {
            position.put(views.get(i).name(), i);
        }
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (ViewDefinition view : views) {
            int count = 0;
            for (String dependency : view.dependencies()) {
                if (position.containsKey(dependency)) {
                    count++;
                    dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(view.name());
                }
            }
            pending.put(view.name(), count);
        }
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>(Comparator.comparing(position::get));
        pending.forEach((view, count) -> {
            if (count == 0) {
                ready.add(view);
            }
        });
        List<ViewDefinition> order = new ArrayList<>(views.size());
        while (!ready.isEmpty()) {
            String next = ready.poll();
            order.add(views.get(position.get(next)));
            for (String dependent : dependents.getOrDefault(next, List.of())) {
                if (pending.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return List.copyOf(order);
    }



    @Override
    public Map<String, Object> canonicalTree() {
        List<Object> inputTrees = new ArrayList<>();
        inputs.stream().sorted(Comparator.comparing(InputRelation::name)).forEach(input -> {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("name", input.name());
            tree.put("schema", input.schema().canonicalTree());
            inputTrees.add(tree);
        });
        List<Object> viewTrees = new ArrayList<>();
        views.stream().sorted(Comparator.comparing(ViewDefinition::name)).forEach(view -> {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("name", view.name());
            tree.put("kind", view.kind());
            tree.put("dependencies", view.dependencies().stream().sorted().toList());
            tree.put("body", view.body().canonical());
            viewTrees.add(tree);
        });
        List<Object> edgeTrees = new ArrayList<>();
        joinGraph.edges().forEach(edge -> edgeTrees.add(edge.canonicalTree()));
        List<Object> outputTrees = new ArrayList<>();
        outputs.stream().sorted(Comparator.comparing(OutputTarget::name)).forEach(output -> outputTrees.add(output.canonicalTree()));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("version", version);
        tree.put("inputs", inputTrees);
        tree.put("views", viewTrees);
        tree.put("joinGraph", edgeTrees);
        tree.put("outputs", outputTrees);
        return tree;
    }
}
