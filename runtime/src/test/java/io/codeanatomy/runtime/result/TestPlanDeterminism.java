package io.codeanatomy.runtime.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.testing.PlanFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprint invariant: same spec, same input versions, same config give byte-identical plan
 * texts and the same envelope hash, (a) in another JVM, (b) with another worker count, (c) in a
 * renamed output directory, (d) with the plugins handed over in another order.
 */
class TestPlanDeterminism {
    @TempDir
    Path temp;

    private Path source;
    private BuildOutcome reference;

    @BeforeEach
    void planReference() throws IOException {
        source = temp.resolve("src");
        Files.createDirectories(source.resolve("pkg"));
        Files.writeString(source.resolve("pkg/a.py"), "import os\n\ndef f(x):\n    return x\n\nclass C:\n    async def g(self):\n        pass\n",
                StandardCharsets.UTF_8);
        Files.writeString(source.resolve("b.py"), "def h():\n    pass\n", StandardCharsets.UTF_8);
        reference = PlanFingerprint.plan(source, temp.resolve("out"), 1, false);
    }

    @Test
    void anotherJvmGivesTheSamePlans() throws Exception {
        Path out = temp.resolve("other-jvm");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                PlanFingerprint.class.getName(), source.toString(), out.toString(), "1")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Path bundle = Path.of(output.lines().reduce((first, last) -> last).orElseThrow().trim());

        assertSamePlans(bundle);
    }

    @Test
    void anotherWorkerCountGivesTheSamePlans() throws IOException {
        assertSamePlans(planDirectory(PlanFingerprint.plan(source, temp.resolve("workers"), 4, false)));
    }

    @Test
    void aRenamedOutputDirectoryGivesTheSamePlans() throws IOException {
        Path renamed = temp.resolve("somewhere/else/entirely");
        assertSamePlans(planDirectory(PlanFingerprint.plan(source, renamed, 1, false)));
    }

    @Test
    void anotherPluginOrderGivesTheSamePlans() throws IOException {
        assertSamePlans(planDirectory(PlanFingerprint.plan(source, temp.resolve("reversed"), 1, true)));
    }

    @Test
    void hashedPlanTextsHoldNoPerJvmIds() throws IOException {
        for (String text : planTexts(planDirectory(reference)).values()) {
            // Calc's own expression slots (expr#3) are positions, not ids.
            assertThat(text).doesNotContainPattern("(?<!expr|proj)#\\d").doesNotContain("RelSubset").doesNotContainPattern("\\$cor\\d")
                    .doesNotContainPattern("@[0-9a-f]{6,}");
        }
    }

    private void assertSamePlans(Path other) throws IOException {
        Path mine = planDirectory(reference);
        assertThat(planTexts(other)).isEqualTo(planTexts(mine)).isNotEmpty();
        Path envelopeA = mine.getParent().resolve(RunRecords.ENVELOPE);
        Path envelopeB = other.getParent().resolve(RunRecords.ENVELOPE);
        assertThat(RunDiff.compare(mine.getParent(), other.getParent()).verdict()).isEqualTo(RunDiff.Verdict.IDENTICAL);
        assertThat(Files.readString(envelopeB).replaceAll("\"workers\":\\d+", ""))
                .isEqualTo(Files.readString(envelopeA).replaceAll("\"workers\":\\d+", ""));
    }

    private static Path planDirectory(BuildOutcome outcome) {
        return outcome.runDirectory().resolve(PlanBundleFiles.DIRECTORY);
    }

    /** Every hashed plan text of the bundle (P0, P1, P2 of each unit), by relative path. */
    private static SortedMap<String, String> planTexts(Path bundle) throws IOException {
        SortedMap<String, String> texts = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(bundle)) {
            walk.filter(file -> List.of(PlanBundleFiles.P0, PlanBundleFiles.P1, PlanBundleFiles.P2).contains(file.getFileName().toString()))
                    .forEach(files::add);
        }
        for (Path file : files) {
            texts.put(bundle.relativize(file).toString(), Files.readString(file));
        }
        return texts;
    }
}
