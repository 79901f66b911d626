package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codeanatomy.api.result.EnvironmentProfile;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.result.RunRecords;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.tune.RecordedRun;
import io.codeanatomy.runtime.tune.TunedSetting;
import io.codeanatomy.runtime.tune.TunedSettings;
import io.codeanatomy.runtime.tune.Tuner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adaptive tuner on real builds of a tiny tree: observe-only by default, {@code --tune}
 * applies and records, a regression reverts, and tuned settings never change a table. The
 * measurements the tuner reads are set in the earlier run's record where a tiny build cannot
 * produce them (memory pressure, a slow run).
 */
class TestTuning {
    private static final long MIB = 1L << 20;
    private static final long SMALL_BUDGET = EnvironmentProfile.SMALL.memoryBudgetBytes();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void withoutTuneABuildPrintsAndRecordsTheProposalAndChangesNothing() throws IOException {
        Path source = temp.resolve("src");
        Path out = temp.resolve("out");
        CliRun first = CliRun.buildTree(source, files(), out);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("tuning: nothing to propose: no earlier successful build of a small input in this output");
        String run1 = newestRun(out);
        setPeakArrow(out, run1, 480 * MIB);

        CliRun second = CliRun.of("build", source.toString(), "--out", out.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        String run2 = newestRun(out);
        assertThat(second.out()).contains("tuning: memory budget 512 MiB -> " + raisedBudget() / MIB + " MiB: peak Arrow memory 480 MiB"
                + " was 93% of the 512 MiB budget in run " + run1 + " [proposed, not applied (build with --tune to apply)]");
        JsonNode envelope = read(out, run2, RunRecords.ENVELOPE);
        assertThat(envelope.path("hashed").path("config").path("memory.budget_bytes").asText()).isEqualTo(Long.toString(SMALL_BUDGET));
        assertThat(envelope.path("envelopeHash").asText()).isEqualTo(read(out, run1, RunRecords.ENVELOPE).path("envelopeHash").asText());
        assertThat(envelope.path("tuning").path("mode").asText()).isEqualTo("observe");
        assertThat(envelope.path("tuning").path("applied").asBoolean()).isFalse();
        JsonNode tuning = read(out, run2, RunRecords.RUN_RESULT).path("tuning");
        assertThat(tuning.path("settings").path("memoryBudgetBytes").asLong()).isEqualTo(SMALL_BUDGET);
        // Other settings may be proposed too (the workers, when this test JVM's heap was nearly full).
        JsonNode budget = null;
        for (JsonNode change : tuning.path("changes")) {
            if (change.path("setting").asText().equals(TunedSetting.MEMORY_BUDGET.key())) {
                budget = change;
            }
        }
        assertThat(budget).as(tuning.toString()).isNotNull();
        assertThat(budget.path("to").asLong()).isEqualTo(raisedBudget());
        assertThat(tuning.path("basedOn").get(0).asText()).isEqualTo(run1);
    }

    @Test
    void tuneAppliesAndRecordsTheProposalAndTheNextRunRevertsARegression() throws IOException {
        Path source = temp.resolve("src");
        Path out = temp.resolve("out");
        assertThat(CliRun.buildTree(source, files(), out).exitCode()).isZero();
        String run1 = newestRun(out);
        setPeakArrow(out, run1, 480 * MIB);

        CliRun tuned = CliRun.of("build", source.toString(), "--out", out.toString(), "--tune");

        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        assertThat(tuned.out()).contains("tuning: memory budget 512 MiB -> " + raisedBudget() / MIB + " MiB").contains("[applied]");
        String run2 = newestRun(out);
        JsonNode envelope = read(out, run2, RunRecords.ENVELOPE);
        assertThat(envelope.path("hashed").path("config").path("memory.budget_bytes").asLong()).isEqualTo(raisedBudget());
        assertThat(envelope.path("hashed").path("profile").path("memoryBudgetBytes").asLong()).isEqualTo(raisedBudget());
        assertThat(envelope.path("tuning").path("applied").asBoolean()).isTrue();
        assertThat(envelope.path("tuning").path("baselineRunId").asText()).isEqualTo(run1);
        assertThat(read(out, run2, RunRecords.RUN_RESULT).path("tuning").path("mode").asText()).isEqualTo("tune");

        // The tuned run took more than 15% longer than run 1: the next --tune run goes back.
        long run1Millis = read(out, run1, RunRecords.RUN_RESULT).path("timings").path("totalMillis").asLong();
        setTotalMillis(out, run2, run1Millis * 2 + 100);
        CliRun reverting = CliRun.of("build", source.toString(), "--out", out.toString(), "--tune");

        assertThat(reverting.exitCode()).as(reverting.err()).isZero();
        assertThat(reverting.out()).contains("tuning: reverting to the settings of run " + run1 + ", the last good run");
        String run3 = newestRun(out);
        JsonNode reverted = read(out, run3, RunRecords.ENVELOPE);
        assertThat(reverted.path("hashed").path("config").path("memory.budget_bytes").asLong()).isEqualTo(SMALL_BUDGET);
        assertThat(reverted.path("tuning").path("reverts").asBoolean()).isTrue();
        assertThat(reverted.path("tuning").path("baselineRunId").asText()).isEqualTo(run1);
    }

    @Test
    void buildsWithDifferentTunedSettingsWriteIdenticalTables() throws IOException {
        Path source = temp.resolve("src");
        for (Map.Entry<String, String> file : files().entrySet()) {
            Files.createDirectories(source.resolve(file.getKey()).getParent());
            Files.writeString(source.resolve(file.getKey()), file.getValue());
        }
        SessionConfig small = SessionConfig.defaults().withProfile(EnvironmentProfile.SMALL);
        Path outA = temp.resolve("a");
        Path outB = temp.resolve("b");
        BuildOutcome a = new BuildPipeline(new TunedSettings(1, Tuner.MIN_BATCH_ROWS, 256 * MIB).applyTo(small))
                .run(source, outA, BuildListener.NONE);
        BuildOutcome b = new BuildPipeline(new TunedSettings(4, Tuner.MAX_BATCH_ROWS, 1024 * MIB).applyTo(small))
                .run(source, outB, BuildListener.NONE);

        assertThat(a.result().envelopeHash()).isNotEqualTo(b.result().envelopeHash());
        // Some table spans several batches of the smaller size, so the batching had something to change.
        assertThat(a.result().outputs()).anySatisfy(output -> assertThat(output.rowCount()).isGreaterThan(2L * Tuner.MIN_BATCH_ROWS));
        assertThat(a.result().outputs()).extracting(OutputResult::name)
                .containsExactlyElementsOf(b.result().outputs().stream().map(OutputResult::name).toList());
        for (OutputResult output : a.result().outputs()) {
            String sql = "SELECT * FROM " + output.name();
            CliRun rowsA = CliRun.of("query", outA.toString(), sql, "--format", "csv");
            CliRun rowsB = CliRun.of("query", outB.toString(), sql, "--format", "csv");
            assertThat(rowsA.exitCode()).as(rowsA.err()).isZero();
            assertThat(rowsA.out()).as(output.name()).isEqualTo(rowsB.out());
        }
    }

    /** A few files, one with enough definitions for its tables to hold thousands of rows. */
    private static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            many.append("def f").append(i).append("(x, y=").append(i).append("):\n    z = x + y * ").append(i)
                    .append("\n    return g(z) if z else f").append(Math.max(0, i - 1)).append("(z, y)\n\n");
        }
        many.append("def g(v):\n    return [w for w in range(v)]\n");
        files.put("pkg/__init__.py", "from .many import g\n");
        files.put("pkg/many.py", many.toString());
        files.put("pkg/use.py", "from pkg.many import f1, g\n\nclass C:\n    def m(self):\n        return f1(g(2), 3)\n");
        return files;
    }

    private static long raisedBudget() {
        return Math.min(2 * SMALL_BUDGET, Tuner.forThisMachine().memoryCapBytes());
    }

    private static String newestRun(Path out) {
        return RecordedRun.history(out.resolve("runs")).get(0).runId();
    }

    private static JsonNode read(Path out, String runId, String file) throws IOException {
        return JSON.readTree(out.resolve("runs").resolve(runId).resolve(file).toFile());
    }

    private static void setPeakArrow(Path out, String runId, long bytes) throws IOException {
        edit(out, runId, timings -> timings.put("peakArrowBytes", bytes));
    }

    private static void setTotalMillis(Path out, String runId, long millis) throws IOException {
        edit(out, runId, timings -> timings.put("totalMillis", millis));
    }

    private static void edit(Path out, String runId, Consumer<ObjectNode> change) throws IOException {
        Path file = out.resolve("runs").resolve(runId).resolve(RunRecords.RUN_RESULT);
        JsonNode result = JSON.readTree(file.toFile());
        change.accept((ObjectNode) result.path("timings"));
        JSON.writeValue(file.toFile(), result);
    }
}
