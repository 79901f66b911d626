package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.runtime.report.RunReport;
import io.codeanatomy.runtime.result.RunRecords;
import io.codeanatomy.testkit.browser.Chromium;
import io.codeanatomy.testkit.browser.PageVisit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every build writes {@code runs/<run-id>/report.html}; {@code codeanatomy report} finds it (or
 * draws it again from the records); the page names the run's outputs, phases, problems and every
 * plan of the DAG, and headless Chromium loads it without script errors and shows the plan.
 */
class TestRunReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FIXTURES = new TreeMap<>(Map.of(
            "pkg/__init__.py", "from .mod import f\n",
            "pkg/mod.py", """
                    import os

                    class A:
                        def m(self):
                            return os.path.join("a", "b")

                    class B(A):
                        def m(self):
                            return super().m()

                    def f(x):
                        return B().m() + str(x)

                    f(1)
                    """,
            "pkg/bad.py", "def broken(:\n    pass\n",
            "pkg/semantic.py", "def g(a, a):\n    return a\n"));

    @TempDir
    static Path work;
    static Path out;
    static Path runDirectory;
    static CliRun build;
    static JsonNode record;
    static String page;

    @BeforeAll
    static void buildOnce() throws IOException {
        out = work.resolve("out");
        build = CliRun.buildTree(work.resolve("src"), FIXTURES, out);
        assertThat(build.exitCode()).as(build.err()).isZero();
        Matcher reportLine = Pattern.compile("run report: (.+)").matcher(build.out());
        assertThat(reportLine.find()).as(build.out()).isTrue();
        Path report = Path.of(reportLine.group(1).strip());
        runDirectory = report.getParent();
        record = JSON.readTree(runDirectory.resolve(RunRecords.RUN_RESULT).toFile());
        page = Files.readString(report, StandardCharsets.UTF_8);
    }

    @Test
    void theRunRecordNamesTheProblemFilesAndCountsUnresolvedCalls() throws IOException {
        JsonNode problems = record.path("problems");
        assertThat(problems.path("files")).hasSize(2);
        JsonNode bad = problems.path("files").get(0);
        assertThat(bad.path("path").asText()).isEqualTo("pkg/bad.py");
        assertThat(bad.path("status").asText()).isEqualTo("SYNTAX_ERROR");
        // CPython's own first error for this file, at line 1 column 11.
        assertThat(bad.path("firstError").asText()).isEqualTo("1:11 '(' was never closed");
        JsonNode semantic = problems.path("files").get(1);
        assertThat(semantic.path("path").asText()).isEqualTo("pkg/semantic.py");
        assertThat(semantic.path("status").asText()).isEqualTo("OK");
        assertThat(semantic.path("firstError").asText()).contains("duplicate argument 'a'");
        // Every call of the CPG is counted, per file, and the totals add up.
        CliRun calls = CliRun.of("query", out.toString(), "SELECT path, COUNT(*) AS n FROM cpg_nodes WHERE node_kind = 'PY_CALL' GROUP BY path",
                "--format", "json");
        assertThat(calls.exitCode()).as(calls.err()).isZero();
        Map<String, Long> expected = new TreeMap<>();
        JSON.readTree(calls.out()).forEach(row -> expected.put(row.path("path").asText(), row.path("n").asLong()));
        Map<String, Long> recorded = new TreeMap<>();
        problems.path("calls").forEach(module -> recorded.put(module.path("path").asText(), module.path("calls").asLong()));
        assertThat(recorded).isEqualTo(expected).isNotEmpty();
        assertThat(problems.path("totalCalls").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(record.path("timings").path("peakHeapBytes").asLong()).isPositive();
        assertThat(record.path("timings").path("peakRssBytes").asLong()).isGreaterThanOrEqualTo(record.path("timings").path("peakHeapBytes").asLong() / 4);
    }

    @Test
    void aBuildWithoutCallResolutionCountsNoCallAsUnresolved() throws IOException {
        // The sources written by buildOnce, built again without call resolution.
        CliRun noCalls = CliRun.of("build", work.resolve("src").toString(), "--out", work.resolve("no-calls").toString(), "--no-calls");
        assertThat(noCalls.exitCode()).as(noCalls.err()).isZero();
        Matcher reportLine = Pattern.compile("run report: (.+)").matcher(noCalls.out());
        assertThat(reportLine.find()).as(noCalls.out()).isTrue();
        Path report = Path.of(reportLine.group(1).strip());
        JsonNode problems = JSON.readTree(report.getParent().resolve(RunRecords.RUN_RESULT).toFile()).path("problems");
        assertThat(problems.path("callsResolved").asBoolean(true)).isFalse();
        assertThat(problems.has("totalUnresolved")).isFalse();
        assertThat(problems.path("files")).hasSize(2);
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("This build did not resolve calls")
                .doesNotContain("have no <code>CALLS</code> edge");
        assertThat(page).as("the build with calls counts them").contains("have no <code>CALLS</code> edge");
    }

    @Test
    void thePageShowsTheRunItsOutputsPhasesProblemsAndEveryPlan() throws IOException {
        assertThat(page).startsWith("<!DOCTYPE html>").contains("data-run=\"" + record.path("runId").asText() + "\"");
        // Self-contained: nothing is fetched when the page is viewed.
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link ");
        record.path("outputs").forEach(output -> assertThat(page).contains(">" + output.path("name").asText() + "<"));
        record.path("timings").path("phases").forEach(phase -> assertThat(page).contains("<td>" + phase.path("phase").asText() + "</td>"));
        assertThat(page).contains("pkg/bad.py").contains("1:11 &#39;(&#39; was never closed").contains("pkg/semantic.py");
        // The plan picture: a box per plan of the DAG and per table they scan, one of them the hottest.
        JsonNode bundle = JSON.readTree(runDirectory.resolve(RunRecords.PLAN_BUNDLE).toFile());
        TreeSet<String> tables = new TreeSet<>();
        bundle.path("nodes").forEach(node -> {
            assertThat(page).contains("data-node=\"" + node.path("id").asText() + "\"");
            Matcher scan = Pattern.compile("table=\\[\\[([^\\],$]+)\\]\\]").matcher(node.path("p2").asText());
            while (scan.find()) {
                tables.add(scan.group(1));
            }
        });
        String graph = page.substring(page.indexOf("<svg class=\"plan-graph\""), page.indexOf("</svg>", page.indexOf("<svg class=\"plan-graph\"")));
        assertThat(graph.split("data-node=\"", -1)).hasSize(bundle.path("nodes").size() + tables.size() + 1);
        assertThat(graph.split("class=\"node hottest\"", -1)).hasSize(2);
        // Each plan's operator tree, with the figures the run recorded for its root.
        assertThat(page.split("<svg class=\"operator-tree\"", -1)).hasSize(bundle.path("nodes").size() + 1);
        assertThat(page).contains("Rule by rule:");
    }

    @Test
    void theReportCommandFindsTheReportOrDrawsItAgainTheSame() throws IOException {
        CliRun byOutput = CliRun.of("report", out.toString());
        assertThat(byOutput.exitCode()).as(byOutput.err()).isZero();
        assertThat(byOutput.out().strip()).isEqualTo(runDirectory.resolve(RunReport.REPORT).toString());
        Files.delete(runDirectory.resolve(RunReport.REPORT));
        CliRun byRun = CliRun.of("report", runDirectory.toString(), "--format", "json");
        assertThat(byRun.exitCode()).as(byRun.err()).isZero();
        assertThat(JSON.readTree(byRun.out()).path("report").asText()).isEqualTo(runDirectory.resolve(RunReport.REPORT).toString());
        // Drawn from the records alone, the page comes out byte for byte as the build drew it.
        assertThat(Files.readString(runDirectory.resolve(RunReport.REPORT), StandardCharsets.UTF_8)).isEqualTo(page);
    }

    @Test
    void aPathWithoutRunsIsAUsageErrorInOneSentence() {
        CliRun missing = CliRun.of("report", work.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("nowhere").contains("neither a run directory").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void headlessChromiumRunsThePageWithoutErrorsAndShowsThePlan() throws IOException {
        Chromium chromium = Chromium.require();
        Path report = runDirectory.resolve(RunReport.REPORT);
        if (!Files.exists(report)) {
            RunReport.write(runDirectory);
        }
        Path browserWork = Files.createDirectories(work.resolve("browser"));
        PageVisit dom = chromium.dumpDom(report, browserWork);
        assertThat(dom.dom()).contains("data-rendered=\"1\"").contains("data-errors=\"0\"");
        assertThat(dom.consoleMessages()).isEmpty();
        Path png = browserWork.resolve("report.png");
        PageVisit shot = chromium.screenshot(report, png, 1400, 2200, browserWork);
        assertThat(shot.consoleMessages()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        int hottest = Integer.parseInt(RunReport.HOTTEST_FILL.substring(1), 16);
        long hotPixels = 0;
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb == hottest) {
                    hotPixels++;
                }
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        // The slowest plan's box is the only thing drawn in that colour; at any zoom that fits the page it covers dozens of pixels.
        assertThat(hotPixels).isGreaterThan(50);
        assertThat(inked).isGreaterThan(image.getWidth() * (long) image.getHeight() / 50);
    }
}
