package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one operator of one executed plan did: the rows it handed to its parent and the time spent
 * producing them, its inputs' time included. Written by the thread that runs the plan only; read
 * once the plan has run (a run's end orders the reads after the writes).
 */
public final class OperatorCounter {
    private final String plan;
    private final String path;
    private final String operator;
    private final List<String> inputPaths;
    private long rows;
    private long nanos;

    /**
     * @param plan the plan's name (a spool's view, an output)
     * @param path the operator's place in the plan tree: {@code 0} the root, {@code 0.1} its second input
     * @param operator Calcite's name of the operator ({@code EnumerableHashJoin})
     * @param inputPaths the paths of its metered inputs
     */
    OperatorCounter(String plan, String path, String operator, List<String> inputPaths) {
        this.plan = requireNonNull(plan, "plan is null");
        this.path = requireNonNull(path, "path is null");
        this.operator = requireNonNull(operator, "operator is null");
        this.inputPaths = List.copyOf(inputPaths);
    }

    /** Called by the generated code for each row the operator produces. */
    public void add(long rowNanos, boolean produced) {
        nanos += rowNanos;
        if (produced) {
            rows++;
        }
    }

    String plan() {
        return plan;
    }

    String path() {
        return path;
    }

    String operator() {
        return operator;
    }

    List<String> inputPaths() {
        return inputPaths;
    }

    long rows() {
        return rows;
    }

    long nanos() {
        return nanos;
    }
}
