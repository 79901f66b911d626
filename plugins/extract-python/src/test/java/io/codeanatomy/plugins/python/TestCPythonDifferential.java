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

    /**
     * Each semantic fixture is code {@code ast.parse} accepts and {@code compile()} refuses; our first
     * row of {@code py_semantic_errors_v1} must be CPython's error, at CPython's position, unless the
     * error is the scope analysis's to report ({@link FactsComparison#OWNED_BY_SCOPE_ANALYSIS}).
     */
    @Test
    void semanticErrorsAreTheOnesCPythonsCompilerRaises() throws Exception {
        Path dir = Path.of(TestCPythonDifferential.class.getResource("/semantic-fixtures").toURI());
        List<Path> files = pythonFiles(dir);
        Report report = compare(dir, files);
        System.out.printf("semantic fixtures: %s%n", report.semantic());
        assertThat(report.semantic().raised()).as("fixtures CPython refuses").isEqualTo(files.size());
        assertThat(report.semantic().matched() + report.semantic().ownedElsewhere()).isEqualTo(files.size());
        assertThat(report.semantic().ownedElsewhere()).isEqualTo(1);
        assertThat(report.differences()).isEmpty();
    }

    @Test
    void standardLibraryAgreesWithCPython() throws Exception {
        Path stdlib = Path.of(python("import sysconfig; print(sysconfig.get_path('stdlib'))"));
        List<Path> files = pythonFiles(stdlib).stream()
                .filter(p -> !stdlib.relativize(p).toString().startsWith("site-packages"))
                .toList();
        Report report = compare(stdlib, files);
        System.out.printf("stdlib %s: %d files compared, %d that CPython cannot parse reported: %s%nsemantic errors: %s%n",
                stdlib, report.compared(), report.refused().size(), report.refused(), report.semantic());
        assertThat(report.compared()).as("stdlib files compared").isGreaterThan(1000);
        assertThat(report.differences()).isEmpty();
    }

    private record Report(int compared, List<String> refused, List<String> differences,
                          FactsComparison.SemanticCounts semantic) {
    }

    private static Report compare(Path root, List<Path> files) {
        Map<Path, CPythonFacts.Expected> expected = CPythonFacts.of(files);
        List<SourceFile> sources = files.stream()
                .map(p -> new SourceFile(root.relativize(p).toString().replace('\\', '/'), p, -1, false))
                .toList();
        List<String> refused = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        int[] compared = new int[1];
        FactsComparison.SemanticCounts semantic = new FactsComparison.SemanticCounts();
        new ParallelExtraction(Runtime.getRuntime().availableProcessors(), PythonVersion.LATEST, 64L << 20)
                .run(sources, (FileFacts facts) -> {
                    CPythonFacts.Expected cpython = expected.get(root.resolve(facts.path()).toAbsolutePath());
                    if (cpython.error() == null || cpython.error().startsWith("symtable")) {
                        differences.addAll(semantic.compare(facts.path(), facts, cpython.semantic()));
                    }
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
        return new Report(compared[0], refused, differences, semantic);
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
