package io.codeanatomy.runtime.tune;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.runtime.result.RunRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the tuner reads of one recorded run ({@code runs/<run-id>/}): whether it was a successful
 * build, the input's size class, the settings it ran with and what it measured.
 *
 * @param runId the run's id
 * @param startedAt when it started (orders the runs)
 * @param succeededBuild a build (it ran the {@code execute} phase, unlike {@code codeanatomy plan}) that succeeded
 * @param sizeClass the environment class of its input's size ({@code small}, ...); recorded by the
 *     tuner, else the profile's name when it was not pinned, else empty
 * @param settings the workers, batch rows and memory budget it ran with (from its envelope)
 * @param totalMillis its wall time, the sum of its phases
 * @param phaseMillis milliseconds per phase
 * @param peakArrowBytes the peak of its session's Arrow allocator, 0 when not recorded
 * @param peakHeapBytes the peak of the heap pools, 0 when not recorded
 * @param maxHeapBytes the heap's limit in that run, 0 when not recorded
 * @param largestOutputRows rows of its largest output
 * @param files Python files it extracted
 * @param applied whether it ran with changes the tuner applied ({@code --tune})
 * @param baselineRunId the run whose settings those changes started from, when applied
 */
public record RecordedRun(String runId, Instant startedAt, boolean succeededBuild, Optional<String> sizeClass, TunedSettings settings,
        long totalMillis, SortedMap<String, Long> phaseMillis, long peakArrowBytes, long peakHeapBytes, long maxHeapBytes,
        long largestOutputRows, long files, boolean applied, Optional<String> baselineRunId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RecordedRun {
        requireNonNull(runId, "runId is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(sizeClass, "sizeClass is null");
        requireNonNull(settings, "settings is null");
        phaseMillis = new TreeMap<>(requireNonNull(phaseMillis, "phaseMillis is null"));
        requireNonNull(baselineRunId, "baselineRunId is null");
    }

    /** The milliseconds of {@code phase}, 0 when it did not run. */
    public long millis(String phase) {
        return phaseMillis.getOrDefault(phase, 0L);
    }

    /**
     * The runs recorded in {@code runs} (an output's {@code runs/}, {@code OutputDirectory.RUNS}),
     * newest first; a run whose records are missing or unreadable is left out (its build failed
     * before writing them, or the records are damaged: the tuner never fails a build).
     */
    public static List<RecordedRun> history(Path runs) {
        requireNonNull(runs, "runs is null");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<RecordedRun> history = new ArrayList<>();
        try (Stream<Path> directories = Files.list(runs)) {
            // A pending run's directory starts with a dot.
            directories.filter(d -> !d.getFileName().toString().startsWith(".")).forEach(d -> read(d).ifPresent(history::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs in " + runs, e);
        }
        Comparator<RecordedRun> oldestFirst = Comparator.comparing(RecordedRun::startedAt);
        history.sort(oldestFirst.thenComparing(RecordedRun::runId).reversed());
        return List.copyOf(history);
    }

    /** The run recorded in {@code runDirectory}; empty when its records are missing or unreadable. */
    public static Optional<RecordedRun> read(Path runDirectory) {
        try {
            JsonNode result = JSON.readTree(runDirectory.resolve(RunRecords.RUN_RESULT).toFile());
            JsonNode envelope = JSON.readTree(runDirectory.resolve(RunRecords.ENVELOPE).toFile());
            return Optional.of(of(result, envelope));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static RecordedRun of(JsonNode result, JsonNode envelope) {
        JsonNode timings = result.path("timings");
        SortedMap<String, Long> phases = new TreeMap<>();
        for (JsonNode phase : timings.path("phases")) {
            phases.put(phase.path("phase").asText(), phase.path("millis").asLong());
        }
        long largest = 0;
        for (JsonNode output : result.path("outputs")) {
            largest = Math.max(largest, output.path("rowCount").asLong());
        }
        JsonNode config = envelope.path("hashed").path("config");
        TunedSettings settings = new TunedSettings(envelope.path("workers").asInt(), Integer.parseInt(config.path("exec.batch_max_rows").asText()),
                Long.parseLong(config.path("memory.budget_bytes").asText()));
        JsonNode tuning = result.path("tuning");
        Optional<String> sizeClass = text(tuning.path("sizeClass"));
        if (sizeClass.isEmpty() && !envelope.path("profilePinned").asBoolean(true)) {
            sizeClass = text(envelope.path("hashed").path("profile").path("name"));
        }
        boolean succeeded = "SUCCEEDED".equals(result.path("status").asText()) && phases.containsKey("execute");
        boolean applied = tuning.path("applied").asBoolean(false);
        return new RecordedRun(result.path("runId").asText(), startedAt(timings), succeeded, sizeClass, settings,
                timings.path("totalMillis").asLong(), phases, timings.path("peakArrowBytes").asLong(0),
                timings.path("peakHeapBytes").asLong(0), timings.path("maxHeapBytes").asLong(0), largest,
                result.path("extraction").path("files").asLong(0), applied, applied ? text(tuning.path("baselineRunId")) : Optional.empty());
    }

    private static Instant startedAt(JsonNode timings) {
        try {
            return Instant.parse(timings.path("startedAt").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a run record without its start time", e);
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** Runs by id. */
    static Map<String, RecordedRun> byId(List<RecordedRun> runs) {
        Map<String, RecordedRun> byId = new TreeMap<>();
        runs.forEach(run -> byId.put(run.runId(), run));
        return byId;
    }
}
