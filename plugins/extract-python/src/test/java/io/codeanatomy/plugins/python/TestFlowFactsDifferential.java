package io.codeanatomy.plugins.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.plugins.python.facts.ExprRow;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.facts.ParseStatus;
import io.codeanatomy.plugins.python.run.ParallelExtraction;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The value-flow tables against CPython 3.11's {@code ast} (the testkit's oracle running
 * {@code cpython_flow_facts.py}), per file and per kind of fact: expressions by kind, node type,
 * context and constant kind; operands; assignments by kind, target type and operator; container
 * elements; returns, yields, awaits and lambda bodies; call arguments; iterations; branches; annotations;
 * class bases; decorators. Counts and checksums of positions and links must be equal; files
 * CPython cannot parse are not compared.
 */
class TestFlowFactsDifferential {
    @Test
    void fixturesAgreeWithCPython() throws Exception {
        Path dir = Path.of(TestFlowFactsDifferential.class.getResource("/extract-fixtures").toURI());
        Report report = compare(dir, pythonFiles(dir));
        System.out.printf("flow facts of the fixtures: %d files, %s%n", report.compared(), report.totals());
        assertThat(report.compared()).as("fixtures compared").isGreaterThanOrEqualTo(10);
        assertThat(report.differences()).isEmpty();
        assertThat(report.totals()).containsKeys("expr NAME", "assign ASSIGN", "element TUPLE", "return LAMBDA",
                "arg keyword", "iter WITH", "annotation PARAM", "base keyword", "decorator", "branch IF", "branch WHILE", "branch IF_EXP");
    }

    @Test
    void standardLibraryAgreesWithCPython() throws Exception {
        Path stdlib = Path.of(Python3.require().output("import sysconfig; print(sysconfig.get_path('stdlib'))").trim());
        List<Path> files = pythonFiles(stdlib).stream()
                .filter(p -> !stdlib.relativize(p).toString().startsWith("site-packages"))
                .toList();
        Report report = compare(stdlib, files);
        System.out.printf("flow facts of stdlib %s: %d files compared, %d refused by CPython; facts per kind: %s%n",
                stdlib, report.compared(), report.refused(), report.totals());
        assertThat(report.compared()).as("stdlib files compared").isGreaterThan(1000);
        assertThat(report.differences()).isEmpty();
    }

    /** Facts per kind (the first two words of a key), summed over the compared files. */
    private record Report(int compared, int refused, List<String> differences, Map<String, Long> totals) {
    }

    private static Report compare(Path root, List<Path> files) {
        Map<Path, FlowFactsComparison.Expected> expected = FlowFactsComparison.cpython(files);
        List<SourceFile> sources = files.stream()
                .map(p -> new SourceFile(root.relativize(p).toString().replace('\\', '/'), p, -1, false))
                .toList();
        List<String> differences = new ArrayList<>();
        Map<String, Long> totals = new TreeMap<>();
        int[] compared = new int[2];
        new ParallelExtraction(Runtime.getRuntime().availableProcessors(), PythonVersion.LATEST, 64L << 20)
                .run(sources, (FileFacts facts) -> {
                    FlowFactsComparison.Expected cpython = expected.get(root.resolve(facts.path()).toAbsolutePath());
                    if (cpython.error() != null) {
                        compared[1]++;
                        return;
                    }
                    compared[0]++;
                    if (facts.file().status() != ParseStatus.OK) {
                        differences.add(facts.path() + ": CPython parses it, we report " + facts.file().status());
                        return;
                    }
                    Set<String> ids = new HashSet<>();
                    for (ExprRow e : facts.rows(ExprRow.class)) {
                        if (!ids.add(e.id())) {
                            differences.add(facts.path() + ": two expression rows share the id " + e.id());
                        }
                    }
                    Map<String, FlowFactsComparison.Tally> ours;
                    try {
                        ours = FlowFactsComparison.ours(facts);
                    } catch (IllegalStateException e) {
                        differences.add(facts.path() + ": " + e.getMessage());
                        return;
                    }
                    differences.addAll(FlowFactsComparison.differences(facts.path(), cpython.facts(), ours));
                    ours.forEach((key, tally) -> totals.merge(kind(key), tally.count(), Long::sum));
                });
        if (differences.size() > 40) {
            int more = differences.size() - 40;
            differences.subList(40, differences.size()).clear();
            differences.add("... and " + more + " more differences");
        }
        return new Report(compared[0], compared[1], differences, totals);
    }

    private static String kind(String key) {
        int first = key.indexOf(' ');
        int second = first < 0 ? -1 : key.indexOf(' ', first + 1);
        return second < 0 ? key : key.substring(0, second);
    }

    private static List<Path> pythonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
