package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.exec.BatchLimits;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run may tune. Everything here except {@code workers} goes into the session envelope;
 * worker count changes how fast, never what, a run computes, and differs between machines.
 *
 * @param disabledRules ids of optimizer rules to leave out (A/B runs); unknown ids are an error
 * @param batchLimits size of the Arrow batches handed to materializers
 * @param memoryBudgetBytes limit of the session's Arrow allocator
 * @param workers extraction threads, at least 1
 */
public record SessionConfig(Set<String> disabledRules, BatchLimits batchLimits, long memoryBudgetBytes, int workers,
        SortedMap<String, String> extractorOptions) {
    public static final long DEFAULT_MEMORY_BUDGET = 2L << 30;

    public SessionConfig {
        disabledRules = Set.copyOf(requireNonNull(disabledRules, "disabledRules is null"));
        extractorOptions = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(extractorOptions, "extractorOptions is null")));
        requireNonNull(batchLimits, "batchLimits is null");
        if (memoryBudgetBytes < 1 << 20) {
            throw new IllegalArgumentException("memory budget must be at least 1 MiB, got " + memoryBudgetBytes + " bytes");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    /** Defaults: all rules, default batches, 2 GiB, one worker per core. */
    public static SessionConfig defaults() {
        return new SessionConfig(Set.of(), BatchLimits.DEFAULT, DEFAULT_MEMORY_BUDGET, Runtime.getRuntime().availableProcessors(),
                new TreeMap<>());
    }

    public SessionConfig withDisabledRules(Set<String> ids) {
        return new SessionConfig(ids, batchLimits, memoryBudgetBytes, workers, extractorOptions);
    }

    public SessionConfig withWorkers(int count) {
        return new SessionConfig(disabledRules, batchLimits, memoryBudgetBytes, count, extractorOptions);
    }

    public SessionConfig withBatchLimits(BatchLimits limits) {
        return new SessionConfig(disabledRules, limits, memoryBudgetBytes, workers, extractorOptions);
    }

    /** Settings handed to the extractor (e.g. {@code python=3.11}); they change results, so the envelope has them. */
    public SessionConfig withExtractorOptions(Map<String, String> options) {
        return new SessionConfig(disabledRules, batchLimits, memoryBudgetBytes, workers, new TreeMap<>(options));
    }

    /** The envelope's config snapshot: sorted keys, text values. */
    public SortedMap<String, String> snapshot() {
        SortedMap<String, String> snapshot = new TreeMap<>();
        snapshot.put("exec.batch_max_bytes", Long.toString(batchLimits.maxBytes()));
        snapshot.put("exec.batch_max_rows", Integer.toString(batchLimits.maxRows()));
        snapshot.put("memory.budget_bytes", Long.toString(memoryBudgetBytes));
        snapshot.put("planner.disabled_rules", String.join(",", new TreeSet<>(disabledRules)));
        extractorOptions.forEach((name, value) -> snapshot.put("extract." + name, value));
        return snapshot;
    }
}
