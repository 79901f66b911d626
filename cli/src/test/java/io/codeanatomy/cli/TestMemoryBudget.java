package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.pipeline.BuildManifest;
import io.codeanatomy.runtime.pipeline.BuildManifests;
import io.codeanatomy.runtime.result.OutputComparison;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.apache.hadoop.fs.statistics.impl.IOStatisticsContextIntegration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --memory}: a small budget spills the gathered nodes, edges and properties to disk and
 * still writes the tables a large one writes; a budget too small for the input fails in one
 * sentence and leaves the previous build what readers see, and so does a JVM heap too small for the
 * build; a malformed size is a usage error.
 */
class TestMemoryBudget {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aSmallBudgetSpillsAndWritesTheTablesOfALargeOne() throws IOException {
        Path source = fixture();
        Path small = temp.resolve("small");
        Path large = temp.resolve("large");

        JsonNode spilled = build(source, small, "--memory", "16m");
        JsonNode held = build(source, large, "--memory", "1g");

        // The graph's three tables spill; the stored views' few rows stay within their share; the
        // adjacency tables are streamed to their groups, never gathered.
        assertThat(spilled.get("spills")).as("every grouped output has its line")
                .hasSize(CpgSpec.groupedOutputs(CpgSpec.parts()).size() + CpgSpec.ADJACENCY_OUTPUTS.size());
        List<JsonNode> graphSpills = new ArrayList<>();
        spilled.get("spills").forEach(output -> {
            if (CpgSpec.GROUPED_OUTPUTS.contains(output.get("output").asText())) {
                graphSpills.add(output);
            }
            if (CpgSpec.ADJACENCY_OUTPUTS.contains(output.get("output").asText())) {
                assertThat(output.get("bytes").asLong()).as(output.toString()).isZero();
            }
        });
        assertThat(graphSpills).as("the graph's nodes, edges and properties spilled under a 16 MiB budget").hasSize(3)
                .allSatisfy(output -> assertThat(output.get("bytes").asLong()).as(output.toString()).isPositive());
        assertThat(held.get("spills")).allSatisfy(output -> assertThat(output.get("bytes").asLong()).as(output.toString()).isZero());
        assertThat(small.resolve(".staging")).as("spill files are removed after the build").doesNotExist();
        List<OutputResult> outputs = outputs(small);
        assertThat(outputs).extracting(OutputResult::name).contains("cpg_nodes", "cpg_edges", "cpg_props");
        try (Session session = Session.open(SessionConfig.defaults())) {
            SortedMap<String, Long> differing = OutputComparison.compare(session, small, large, outputs);
            assertThat(differing).as("rows in one build and not the other").allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        }
    }

    @Test
    void aBudgetTooSmallFailsInOneSentenceAndKeepsThePreviousBuild() throws IOException {
        Path source = fixture();
        Path out = temp.resolve("out");
        Published previous = buildThenEditEveryModule(source, out, "--memory", "16m");

        CliRun starved = CliRun.of("build", source.toString(), "--out", out.toString(), "--no-calls", "--memory", "1m");

        assertThat(starved.exitCode()).isEqualTo(1);
        assertThat(starved.err()).contains("failed: the memory budget of 1 MiB is too small for this input (")
                .contains("); give it more with --memory").doesNotContain("\tat ");
        previous.assertStillWhatReadersSee(out);
        assertThat(out.resolve(".staging")).doesNotExist();
    }

    /**
     * A JVM whose heap cannot hold the build: one sentence naming the heap and the way out, no
     * stack trace, no build published, and an end (a writer thread that failed to record its own
     * failure once left the build waiting for ever).
     */
    @Test
    void aFullHeapFailsInOneSentenceAndKeepsThePreviousBuild() throws Exception {
        Path source = fixture();
        Path out = temp.resolve("out");
        Published previous = buildThenEditEveryModule(source, out);

        BuildProcess starved = BuildProcess.withHeap("32m", "build", source.toString(), "--out", out.toString(), "--workers", "1");

        assertThat(starved.await()).as(starved.stderr()).isEqualTo(1);
        assertThat(starved.stderr()).contains("codeanatomy: ").contains("the JVM's heap of 32 MiB is too small for this input (")
                .contains("give the JVM more heap").doesNotContain("\tat ").doesNotContain("Exception in thread");
        previous.assertStillWhatReadersSee(out);
    }

    /**
     * A worker thread that runs out of heap between its tasks (where no future records it) dies
     * quietly: the command reports the heap in its one sentence; any other throwable a thread
     * leaves uncaught is printed as the JVM prints it.
     */
    @Test
    void aThreadsFullHeapIsLeftToTheCommandAndOtherFailuresArePrinted() throws Exception {
        assertThat(uncaughtBy("worker-1", new OutOfMemoryError("Java heap space"))).isEmpty();
        assertThat(uncaughtBy("worker-2", new IllegalStateException("a bug")))
                .startsWith("Exception in thread \"worker-2\" java.lang.IllegalStateException: a bug")
                .contains("\tat ");
    }

    /** What a thread named {@code name} that throws {@code failure} printed on stderr, with the command line's handler. */
    private static String uncaughtBy(String name, Throwable failure) throws InterruptedException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Thread thread = new Thread(() -> {
                if (failure instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }, name);
            thread.setUncaughtExceptionHandler(CodeAnatomy::uncaught);
            thread.start();
            thread.join();
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * Closing a file must not touch the JVM's common ForkJoinPool, which a full heap can leave
     * spinning (docs/decisions.md): the command line's {@code core-site.xml} turns Hadoop's per-thread
     * I/O statistics off.
     */
    @Test
    void closingAFileLeavesTheCommonPoolAlone() {
        assertThat(IOStatisticsContextIntegration.isIOStatisticsThreadLevelEnabled()).isFalse();
    }

    /** A build's manifests and what a query of its nodes answered. */
    private record Published(List<BuildManifest> manifests, String nodes) {
        private static final String COUNT = "SELECT COUNT(*) AS n, COUNT(DISTINCT path) AS files FROM cpg_nodes";

        static Published of(Path out) {
            CliRun query = CliRun.of("query", out.toString(), COUNT);
            assertThat(query.exitCode()).as(query.err()).isZero();
            return new Published(BuildManifests.list(out), query.out());
        }

        /** No build was published since, and readers see this one, without the functions added since. */
        void assertStillWhatReadersSee(Path out) {
            assertThat(BuildManifests.list(out)).as("no build is published").isEqualTo(manifests);
            CliRun query = CliRun.of("query", out.toString(), COUNT);
            assertThat(query.exitCode()).as(query.err()).isZero();
            assertThat(query.out()).as("readers see the previous build, without the new functions").isEqualTo(nodes);
        }
    }

    /** Builds {@code source} into {@code out} ({@code --no-calls}), then appends a function to every module, so a rebuild parses them all. */
    private Published buildThenEditEveryModule(Path source, Path out, String... options) throws IOException {
        build(source, out, options);
        Published published = Published.of(out);
        for (int module = 0; module < 12; module++) {
            Files.writeString(source.resolve("pkg/m" + module + ".py"), "def extra():\n    return 1\n", StandardOpenOption.APPEND);
        }
        return published;
    }

    @Test
    void aMalformedSizeIsAUsageError() throws IOException {
        Path source = fixture();
        for (String size : List.of("lots", "12q", "0", "512k", "2048g")) {
            CliRun run = CliRun.of("build", source.toString(), "--out", temp.resolve("out").toString(), "--memory", size);
            assertThat(run.exitCode()).as(size).isEqualTo(2);
            assertThat(run.err()).as(size).contains("--memory " + size + " ");
        }
        assertThat(temp.resolve("out")).as("nothing is written").doesNotExist();
    }

    /** {@code --no-calls} build; its run record. */
    private static JsonNode build(Path source, Path out, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("build", source.toString(), "--out", out.toString(), "--no-calls"));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path record = Path.of(run.out().lines().filter(line -> line.startsWith("  run record: ")).findFirst().orElseThrow()
                .substring("  run record: ".length()));
        return JSON.readTree(record.toFile());
    }

    private static List<OutputResult> outputs(Path out) {
        List<OutputResult> outputs = new ArrayList<>();
        BuildManifests.latest(out).orElseThrow().tables().forEach(table -> outputs.add(
                new OutputResult(table.name(), table.path(), table.rows(), table.version())));
        return outputs;
    }

    /** Twelve modules of forty functions each: enough rows to pass a sixteenth of 16 MiB. */
    private Path fixture() throws IOException {
        Path source = temp.resolve("src");
        Files.createDirectories(source.resolve("pkg"));
        Files.writeString(source.resolve("pkg/__init__.py"), "");
        for (int module = 0; module < 12; module++) {
            StringBuilder text = new StringBuilder();
            for (int function = 0; function < 40; function++) {
                text.append("def f").append(function).append("(a, b=1, *c, **d):\n    x = a + b * ").append(function)
                        .append("\n    return [y for y in c if y > x]\n\n");
            }
            Files.writeString(source.resolve("pkg/m" + module + ".py"), text.toString());
        }
        return source;
    }
}
