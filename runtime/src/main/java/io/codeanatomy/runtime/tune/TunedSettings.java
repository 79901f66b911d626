package io.codeanatomy.runtime.tune;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.EnvironmentProfile;
import io.codeanatomy.runtime.session.SessionConfig;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values of the {@link TunedSetting}s one run used or will use.
 *
 * @param workers extraction threads and plan fragments run at a time
 * @param batchRows rows per Arrow batch
 * @param memoryBudgetBytes limit of the session's Arrow allocator
 */
public record TunedSettings(int workers, int batchRows, long memoryBudgetBytes) {
    public TunedSettings {
        if (workers < 1 || batchRows < 1 || memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("tuned settings need positive workers, batch rows and memory budget, got "
                    + workers + ", " + batchRows + ", " + memoryBudgetBytes);
        }
    }

    /** The settings {@code config} runs with. */
    public static TunedSettings of(SessionConfig config) {
        requireNonNull(config, "config is null");
        return new TunedSettings(config.workers(), config.batchLimits().maxRows(), config.memoryBudgetBytes());
    }

    /**
     * {@code config} with these settings: the batch rows and memory budget go into its profile (so the
     * envelope's profile and config snapshot both record what ran), the workers into its worker count.
     */
    public SessionConfig applyTo(SessionConfig config) {
        requireNonNull(config, "config is null");
        EnvironmentProfile profile = config.profile();
        return config.withProfile(new EnvironmentProfile(profile.name(), profile.partitions(), batchRows, memoryBudgetBytes, profile.pinned()))
                .withWorkers(workers);
    }

    public long value(TunedSetting setting) {
        return switch (setting) {
            case WORKERS -> workers;
            case BATCH_ROWS -> batchRows;
            case MEMORY_BUDGET -> memoryBudgetBytes;
        };
    }

    /** These settings with {@code setting} at {@code value}. */
    public TunedSettings with(TunedSetting setting, long value) {
        return switch (setting) {
            case WORKERS -> new TunedSettings(Math.toIntExact(value), batchRows, memoryBudgetBytes);
            case BATCH_ROWS -> new TunedSettings(workers, Math.toIntExact(value), memoryBudgetBytes);
            case MEMORY_BUDGET -> new TunedSettings(workers, batchRows, value);
        };
    }

    /** As recorded: each setting by its {@link TunedSetting#key()}. */
    public SortedMap<String, Object> tree() {
        SortedMap<String, Object> tree = new TreeMap<>();
        for (TunedSetting setting : TunedSetting.values()) {
            tree.put(setting.key(), value(setting));
        }
        return tree;
    }
}
