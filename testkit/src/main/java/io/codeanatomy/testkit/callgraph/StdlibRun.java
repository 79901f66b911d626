package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One standard-library test module run under the profile hook: the caller → callee pairs it made
 * whose callee is in a non-test standard-library module (sorted), how many tests ran, the failed ones
 * (each its id and the last line of its traceback), and
 * how long the run took inside CPython (seconds, for the report; tests never assert on it).
 */
public record StdlibRun(String testModule, List<CallEdge> pairs, int tests, List<String> failed, double seconds) {
    public StdlibRun {
        requireNonNull(testModule, "testModule is null");
        pairs = List.copyOf(pairs);
        failed = List.copyOf(failed);
    }
}
