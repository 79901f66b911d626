package io.codeanatomy.plugins.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.run.ParallelExtraction;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.lexer.SourceDecoder;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Extracts files and compares, per file, with CPython 3.11 (the testkit's oracle): the counts of
 * definitions, calls, import aliases, decorators, parameters and comprehensions against its
 * {@code ast}; every scope's names against its {@code symtable}; every definition's qualified
 * name against its compiler's code objects. Files CPython cannot parse are reported, not compared.
 */
class TestCPythonDifferential {
    @Test
    void fixturesAgreeWithCPython() throws Exception {
        Path dir = Path.of(TestCPythonDifferential.class.getResource("/extract-fixtures").toURI());
        Report report = compare(dir, pythonFiles(dir));
        assertThat(report.compared()).as("fixtures compared").isGreaterThanOrEqualTo(10);
        assertThat(report.differences()).isEmpty();
    }

    @Test
    void standardLibraryAgreesWithCPython() throws Exception {
        Path stdlib = Path.of(python("import sysconfig; print(sysconfig.get_path('stdlib'))"));
        List<Path> files = pythonFiles(stdlib).stream()
                .filter(p -> !stdlib.relativize(p).toString().startsWith("site-packages"))
                .toList();
        Report report = compare(stdlib, files);
        System.out.printf("stdlib %s: %d files compared, %d that CPython cannot parse reported: %s%n",
                stdlib, report.compared(), report.refused().size(), report.refused());
        assertThat(report.compared()).as("stdlib files compared").isGreaterThan(1000);
        assertThat(report.differences()).isEmpty();
    }

    private record Report(int compared, List<String> refused, List<String> differences) {
    }

    private static Report compare(Path root, List<Path> files) {
        Map<Path, CPythonFacts.Expected> expected = CPythonFacts.of(files);
        List<SourceFile> sources = files.stream()
                .map(p -> new SourceFile(root.relativize(p).toString().replace('\\', '/'), p, -1, false))
                .toList();
        List<String> refused = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        int[] compared = new int[1];
        new ParallelExtraction(Runtime.getRuntime().availableProcessors(), PythonVersion.LATEST, 64L << 20)
                .run(sources, (FileFacts facts) -> {
                    CPythonFacts.Expected cpython = expected.get(root.resolve(facts.path()).toAbsolutePath());
                    if (cpython.error() != null) {
                        refused.add(facts.path() + " (" + cpython.error() + ")");
                        return;
                    }
                    compared[0]++;
                    differences.addAll(FactsComparison.differences(facts.path(), facts, cpython));
                    differences.addAll(FactsComparison.spanDifferences(facts.path(), facts, decoded(root.resolve(facts.path()))));
                });
        if (differences.size() > 40) {
            int more = differences.size() - 40;
            differences.subList(40, differences.size()).clear();
            differences.add("... and " + more + " more differences");
        }
        return new Report(compared[0], refused, differences);
    }

    private static byte[] decoded(Path file) {
        try {
            return SourceDecoder.decode(Files.readAllBytes(file)).text().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> pythonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static String python(String code) {
        return Python3.require().output(code).trim();
    }
}
