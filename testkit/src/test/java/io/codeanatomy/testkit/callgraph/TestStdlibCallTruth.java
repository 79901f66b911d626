package io.codeanatomy.testkit.callgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestStdlibCallTruth {
    @Test
    void theStandardLibrarysTestModulesGiveManyPairsBetweenItsFunctions() {
        Python3.require();
        List<StdlibRun> runs = StdlibCallTruth.recordAll();

        Set<CallEdge> all = new TreeSet<>();
        StringBuilder table = new StringBuilder("stdlib call-graph truth:\n");
        for (StdlibRun run : runs) {
            all.addAll(run.pairs());
            table.append(String.format(Locale.ROOT, "  %-20s %6d pairs %5d tests %7.2f s%n",
                    run.testModule(), run.pairs().size(), run.tests(), run.seconds()));
        }
        table.append(String.format(Locale.ROOT, "  %-20s %6d pairs%n", "union", all.size()));
        System.out.print(table);

        assertThat(runs).extracting(StdlibRun::testModule).containsExactlyElementsOf(StdlibCallTruth.TEST_MODULES);
        for (StdlibRun run : runs) {
            assertThat(run.failed()).as(run.testModule()).isEmpty();
            assertThat(run.tests()).as(run.testModule()).isPositive();
            assertThat(run.pairs().size()).as(run.testModule()).isGreaterThan(100);
        }
        assertThat(all).hasSizeGreaterThan(5000);
        Map<String, CallEdge> known = Map.of(
                "test.test_json", new CallEdge("json.loads", "json.decoder.JSONDecoder.decode"),
                "test.test_argparse", new CallEdge("argparse.ArgumentParser.parse_args",
                        "argparse.ArgumentParser.parse_known_args"),
                "test.test_email", new CallEdge("email.message_from_string", "email.parser.Parser.parsestr"),
                "test.test_csv", new CallEdge("csv.DictReader.__next__", "csv.DictReader.fieldnames"),
                "test.test_textwrap", new CallEdge("textwrap.fill", "textwrap.TextWrapper.fill"));
        Map<String, CallEdge> missing = new TreeMap<>();
        runs.stream().filter(run -> !run.pairs().contains(known.get(run.testModule())))
                .forEach(run -> missing.put(run.testModule(), known.get(run.testModule())));
        assertThat(missing).as("pairs every run of these modules makes").isEmpty();
        assertThat(all.stream().map(CallEdge::callee).filter(callee -> callee.startsWith("test.")).toList())
                .as("callees in test modules").isEmpty();
    }
}
