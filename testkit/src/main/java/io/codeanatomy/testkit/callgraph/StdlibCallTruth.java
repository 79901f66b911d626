package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.testkit.cpython.Python3;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic call-graph truth on real code: standard-library test modules run in process by unittest
 * under the same profile hook as the fixtures, keeping pairs whose callee is in a non-test
 * standard-library module and whose caller is anywhere in the standard library, tests included;
 * names are {@code module.qualname} relative to the standard library's root, so a static graph
 * built over that root names the same functions. Nothing is cached: the standard library is the
 * machine's.
 */
public final class StdlibCallTruth {
    /** The modules the issue names, about 20 s together under the hook. */
    public static final List<String> TEST_MODULES = List.of(
            "test.test_json", "test.test_argparse", "test.test_email", "test.test_csv", "test.test_textwrap");

    private StdlibCallTruth() {}

    /** Runs one test module (a name unittest can load, such as {@code test.test_json}). */
    public static StdlibRun record(String testModule) {
        requireNonNull(testModule, "testModule is null");
        String tsv = Python3.require().output(Python3.resource(StdlibCallTruth.class, CallGraphTruth.RECORDER),
                "stdlib", testModule);
        List<CallEdge> pairs = new ArrayList<>();
        int tests = -1;
        int failures = -1;
        List<String> failed = new ArrayList<>();
        double seconds = -1;
        for (String line : tsv.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new IllegalStateException("the recorder wrote " + f.length + " fields, not 3: " + line);
            }
            switch (f[0]) {
                case "pair" -> pairs.add(new CallEdge(f[1], f[2]));
                case "failed" -> failed.add(f[1] + ": " + f[2]);
                case "stat" -> {
                    switch (f[1]) {
                        case "tests" -> tests = Integer.parseInt(f[2]);
                        case "failures" -> failures = Integer.parseInt(f[2]);
                        case "seconds" -> seconds = Double.parseDouble(f[2]);
                        default -> throw new IllegalStateException("the recorder wrote an unknown statistic: " + line);
                    }
                }
                default -> throw new IllegalStateException("the recorder wrote an unknown row: " + line);
            }
        }
        if (tests < 0 || failures != failed.size() || seconds < 0) {
            throw new IllegalStateException("the recorder did not say how the run of " + testModule + " went");
        }
        return new StdlibRun(testModule, pairs, tests, failed, seconds);
    }

    /** Every module of {@link #TEST_MODULES}, in that order. */
    public static List<StdlibRun> recordAll() {
        return TEST_MODULES.stream().map(StdlibCallTruth::record).toList();
    }
}
