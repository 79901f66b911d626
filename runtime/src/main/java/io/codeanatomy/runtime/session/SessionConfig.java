package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.EnvironmentProfile;
import io.codeanatomy.runtime.exec.BatchLimits;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run may tune. Everything here except {@code workers} goes into the hashed session envelope;
 * worker count changes how fast, never what, a run computes, and differs between machines.
 *
 * @param disabledRules ids of optimizer rules to leave out (A/B runs); unknown ids are an error
 * @param enabledRules ids of optimizer rules to run although {@code disabledRules} (say, from a
 *     config file) names them; unknown ids are an error
 * @param profile the environment profile; {@link #withProfile} also sets the batch rows and
 *     memory budget from it
 * @param batchLimits size of the Arrow batches handed to materializers
 * @param memoryBudgetBytes limit of the session's Arrow allocator
 * @param workers extraction threads, and plan fragments run at a time; at least 1
 * @param extractorOptions plugin settings and extractor options, each named {@code <owner>.<name>}
 *     (e.g. {@code python.version}); the plugin or extractor that owns one checks it when the session opens
 * @param disabledPlugins ids of installed plugins to leave out of the run
 * @param disabledContributions contribution ids ({@code pluginId:name}) to leave out of the run
 */
public record SessionConfig(Set<String> disabledRules, Set<String> enabledRules, EnvironmentProfile profile, BatchLimits batchLimits,
        long memoryBudgetBytes, int workers, SortedMap<String, String> extractorOptions, Set<String> disabledPlugins,
        Set<String> disabledContributions) {
    public static final long DEFAULT_MEMORY_BUDGET = 2L << 30;
    /** The sections of the snapshot the config's own settings use; no extractor may take one as its id. */
    private static final Set<String> OWN_SECTIONS = Set.of("exec", "memory", "planner", "plugins", "profile");

    public SessionConfig {
        disabledRules = Set.copyOf(requireNonNull(disabledRules, "disabledRules is null"));
        enabledRules = Set.copyOf(requireNonNull(enabledRules, "enabledRules is null"));
        requireNonNull(profile, "profile is null");
        disabledPlugins = Set.copyOf(requireNonNull(disabledPlugins, "disabledPlugins is null"));
        disabledContributions = Set.copyOf(requireNonNull(disabledContributions, "disabledContributions is null"));
        extractorOptions = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(extractorOptions, "extractorOptions is null")));
        extractorOptions.forEach((name, value) -> {
            requireNonNull(value, "value of option '" + name + "' is null");
            if (OWN_SECTIONS.contains(extractorOf(name))) {
                throw new IllegalArgumentException("option '" + name + "' is not an extractor option: '" + extractorOf(name)
                        + "' is a section of the session's own settings.");
            }
        });
        requireNonNull(batchLimits, "batchLimits is null");
        if (memoryBudgetBytes < 1 << 20) {
            throw new IllegalArgumentException("memory budget must be at least 1 MiB, got " + memoryBudgetBytes + " bytes");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    /** Defaults: all rules, default batches, 2 GiB (the medium profile's budget), one worker per core, every plugin and contribution. */
    public static SessionConfig defaults() {
        return new SessionConfig(Set.of(), Set.of(), EnvironmentProfile.MEDIUM, BatchLimits.DEFAULT, DEFAULT_MEMORY_BUDGET,
                Runtime.getRuntime().availableProcessors(), new TreeMap<>(), Set.of(), Set.of());
    }

    public SessionConfig withDisabledRules(Set<String> ids) {
        return new SessionConfig(ids, enabledRules, profile, batchLimits, memoryBudgetBytes, workers, extractorOptions, disabledPlugins, disabledContributions);
    }

    public SessionConfig withEnabledRules(Set<String> ids) {
        return new SessionConfig(disabledRules, ids, profile, batchLimits, memoryBudgetBytes, workers, extractorOptions, disabledPlugins, disabledContributions);
    }

    /** The rules left out of this run: disabled and not enabled again. */
    public Set<String> effectiveDisabledRules() {
        Set<String> effective = new TreeSet<>(disabledRules);
        effective.removeAll(enabledRules);
        return Collections.unmodifiableSet(effective);
    }

    /**
     * This profile, with its batch rows and memory budget; the batch byte limit stays unless a
     * sixteenth of the budget is less, so a batch on its way never takes a large share of it.
     */
    public SessionConfig withProfile(EnvironmentProfile chosen) {
        requireNonNull(chosen, "chosen is null");
        long maxBytes = Math.max(1, Math.min(batchLimits.maxBytes(), chosen.memoryBudgetBytes() / 16));
        return new SessionConfig(disabledRules, enabledRules, chosen, new BatchLimits(chosen.batchRows(), maxBytes), chosen.memoryBudgetBytes(), workers, extractorOptions, disabledPlugins, disabledContributions);
    }

    public SessionConfig withWorkers(int count) {
        return new SessionConfig(disabledRules, enabledRules, profile, batchLimits, memoryBudgetBytes, count, extractorOptions, disabledPlugins, disabledContributions);
    }

    public SessionConfig withBatchLimits(BatchLimits limits) {
        return new SessionConfig(disabledRules, enabledRules, profile, limits, memoryBudgetBytes, workers, extractorOptions, disabledPlugins, disabledContributions);
    }

    /**
     * Settings handed to the extractors, each named {@code <extractor id>.<name>} (e.g.
     * {@code python.version=3.11}); they change results, so the envelope has them.
     */
    public SessionConfig withExtractorOptions(Map<String, String> options) {
        return new SessionConfig(disabledRules, enabledRules, profile, batchLimits, memoryBudgetBytes, workers, new TreeMap<>(options), disabledPlugins, disabledContributions);
    }

    /** The run without the plugins {@code ids} (each must be installed, and needed by no plugin that stays). */
    public SessionConfig withDisabledPlugins(Set<String> ids) {
        return new SessionConfig(disabledRules, enabledRules, profile, batchLimits, memoryBudgetBytes, workers, extractorOptions, ids, disabledContributions);
    }

    /** The run without the contributions {@code ids}, each {@code pluginId:name}. */
    public SessionConfig withDisabledContributions(Set<String> ids) {
        return new SessionConfig(disabledRules, enabledRules, profile, batchLimits, memoryBudgetBytes, workers, extractorOptions, disabledPlugins, ids);
    }

    /**
     * The extractor id of option {@code name}, the part before its first dot; an error, showing the
     * form, when there is none.
     */
    static String extractorOf(String name) {
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw new IllegalArgumentException("option '" + name
                    + "' needs the form <extractor>.<name>=<value>, e.g. python.version=3.12.");
        }
        return name.substring(0, dot);
    }

    /** The envelope's config snapshot: sorted keys, text values; extractor options under their own names. */
    public SortedMap<String, String> snapshot() {
        SortedMap<String, String> snapshot = new TreeMap<>();
        snapshot.put("exec.batch_max_bytes", Long.toString(batchLimits.maxBytes()));
        snapshot.put("exec.batch_max_rows", Integer.toString(batchLimits.maxRows()));
        snapshot.put("memory.budget_bytes", Long.toString(memoryBudgetBytes));
        snapshot.put("planner.disabled_rules", String.join(",", new TreeSet<>(disabledRules)));
        snapshot.put("planner.enabled_rules", String.join(",", new TreeSet<>(enabledRules)));
        snapshot.put("plugins.disabled", String.join(",", new TreeSet<>(disabledPlugins)));
        snapshot.put("plugins.disabled_contributions", String.join(",", new TreeSet<>(disabledContributions)));
        snapshot.put("profile.name", profile.name());
        snapshot.put("profile.partitions", Integer.toString(profile.partitions()));
        extractorOptions.forEach((name, value) -> snapshot.put(name, value));
        return snapshot;
    }
}
