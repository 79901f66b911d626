package io.codeanatomy.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fixture under {@code fixtures/} (one grammar rule or lexical form each) parses to the tree
 * CPython 3.11 builds, byte for byte with positions; every fixture under {@code fixtures/invalid/}
 * is refused by us as it is by CPython, at the same stage.
 */
class TestParserAgainstCPythonFixtures {
    private static final int DETAILS = 10;

    @Test
    void validFixturesDumpExactlyAsCPython() {
        compare("fixtures", 40, false);
    }

    @Test
    void invalidFixturesAreRefusedByUsAsByCPython() {
        compare("fixtures/invalid", 100, true);
    }

    /** Checks that CPython judges the fixtures as their directory says, then compares us with it. */
    private static void compare(String directory, int atLeast, boolean invalid) {
        List<Path> files = fixtures(directory);
        assertThat(files).hasSizeGreaterThan(atLeast);
        CPythonOracle oracle = CPythonOracle.require();
        List<Verdict> cpython = oracle.judge(files);
        for (int i = 0; i < files.size(); i++) {
            assertThat(cpython.get(i).refused()).as("CPython's verdict on %s: %s", files.get(i), cpython.get(i).describe())
                    .isEqualTo(invalid);
        }
        DiffReport report = DifferentialComparison.ofOurParser(oracle).compare(files);
        System.out.println(directory + ": " + report.summary());
        assertThat(report.mismatches().size()).as(report.describe(DETAILS)).isZero();
    }

    /** The {@code .py} files directly in a fixture directory of the test classpath, sorted. */
    static List<Path> fixtures(String directory) {
        try (Stream<Path> list = Files.list(Path.of(TestParserAgainstCPythonFixtures.class.getResource("/" + directory).toURI()))) {
            return list.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
