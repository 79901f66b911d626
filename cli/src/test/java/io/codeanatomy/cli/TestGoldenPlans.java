package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.runtime.result.PlanBundleFiles;
import io.codeanatomy.runtime.result.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in spec's plans for a fixture, stored as text beside the tests in the manner of
 * Calcite's {@code DiffRepository}: a change to P0, P1 or P2 fails here with a unified diff, is
 * reviewed, and is committed by regenerating the files:
 *
 * <pre>
 * mvn -B -o -q -pl cli -am verify -Dtest=TestGoldenPlans -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 */
class TestGoldenPlans {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("src/test/resources/golden-plans");
    private static final Path FIXTURE = ROOT.resolve("fixture");
    private static final Path EXPECTED = ROOT.resolve("expected");
    private static final List<String> PLANS = List.of(PlanBundleFiles.P0, PlanBundleFiles.P1, PlanBundleFiles.P2);
    private static final String REGENERATE = "mvn -B -o -q -pl cli -am verify -Dtest=TestGoldenPlans "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";

    @TempDir
    Path temp;

    @Test
    void builtinSpecPlansMatchTheStoredOnes() throws IOException {
        Path out = temp.resolve("out");
        CliRun plan = CliRun.of("plan", FIXTURE.toString(), "--out", out.toString(), "--workers", "1", "--profile", "small");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        SortedMap<String, String> actual = plans(bundleOf(out));
        assertThat(actual).isNotEmpty();

        if (Boolean.getBoolean("golden.update")) {
            write(actual);
            return;
        }
        SortedMap<String, String> expected = plans(EXPECTED);
        List<String> problems = new ArrayList<>();
        for (String name : union(expected, actual)) {
            String want = expected.getOrDefault(name, "");
            String got = actual.getOrDefault(name, "");
            if (!want.equals(got)) {
                problems.add(UnifiedDiff.of("expected/" + name, want, "actual/" + name, got));
            }
        }
        if (!problems.isEmpty()) {
            fail("The built-in spec's plans changed. Review the diff; if the change is intended, regenerate with\n  " + REGENERATE
                    + "\nand commit " + EXPECTED + ".\n" + String.join("\n", problems));
        }
    }

    @Test
    void fragmentsPlannedAndWrittenOnFourThreadsGiveTheSameBundleAsOnOne() throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<JsonNode> plans = new ArrayList<>();
        for (String workers : List.of("1", "4")) {
            Path out = temp.resolve("workers-" + workers);
            CliRun plan = CliRun.of("plan", FIXTURE.toString(), "--out", out.toString(), "--workers", workers, "--profile", "small");
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            Path bundle = bundleOf(out);
            SortedMap<String, byte[]> these = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(bundle)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    these.put(bundle.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
            // bundle.json also holds the time and the session's settings, workers among them.
            plans.add(JSON.readTree(these.remove(PlanBundleFiles.BUNDLE)).path("plans"));
            if (files.isEmpty()) {
                files.putAll(these);
                continue;
            }
            assertThat(these.keySet()).isEqualTo(files.keySet());
            these.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(files.get(name)));
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(plans.get(0).size()).isGreaterThan(10);
        assertThat(plans.get(1)).isEqualTo(plans.get(0));
    }

    private static Path bundleOf(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            return runs.findFirst().orElseThrow().resolve(PlanBundleFiles.DIRECTORY);
        }
    }

    /** {@code <unit>/<p0|p1|p2>.txt} to text, for every planned unit below {@code root}. */
    private static SortedMap<String, String> plans(Path root) throws IOException {
        SortedMap<String, String> plans = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return plans;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> PLANS.contains(f.getFileName().toString())).toList()) {
                plans.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return plans;
    }

    /** Replaces the stored plans, removing those of units that no longer exist. */
    private static void write(SortedMap<String, String> plans) throws IOException {
        if (Files.isDirectory(EXPECTED)) {
            try (Stream<Path> old = Files.walk(EXPECTED)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (var plan : plans.entrySet()) {
            Path file = EXPECTED.resolve(plan.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, plan.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> union(SortedMap<String, String> a, SortedMap<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return List.copyOf(all.keySet());
    }
}
