package io.codeanatomy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python unit tests of {@code bench/scripts/build_bench.py} (its replication for the scaling run, its line
 * count, the Joern and scaling reports from given numbers) with the CPython 3.11 the other tests use. Nothing here
 * builds a tree or starts Joern.
 */
class TestBuildBenchScript {
    private static final String RUNNER = """
            import sys, unittest
            sys.dont_write_bytecode = True
            sys.path.insert(0, sys.argv[1])
            suite = unittest.defaultTestLoader.loadTestsFromName("test_build_bench")
            result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
            print(result.testsRun, len(result.failures) + len(result.errors))
            sys.exit(0 if result.wasSuccessful() else 1)
            """;

    @Test
    void theBuildBenchScriptsUnitTestsPass() {
        Path scripts = Path.of("scripts").toAbsolutePath();
        assertThat(scripts.resolve("test_build_bench.py")).exists();
        // A failing test exits non-zero, and run() throws with unittest's report of it.
        String[] ranAndFailed = Python3.require().output(RUNNER, scripts.toString()).trim().split(" ");
        assertThat(List.of(ranAndFailed)).hasSize(2);
        assertThat(Integer.parseInt(ranAndFailed[0])).isGreaterThanOrEqualTo(10);
        assertThat(ranAndFailed[1]).isEqualTo("0");
    }
}
