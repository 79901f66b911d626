package io.codeanatomy.runtime.tune;

import java.util.Locale;

/**
 * A setting the tuner may change, each one a knob the next run reads: {@link #WORKERS} sizes the
 * extraction thread pool and how many plan fragments run side by side ({@code DagRunner}),
 * {@link #BATCH_ROWS} the Arrow batches the executor hands to materializers, and
 * {@link #MEMORY_BUDGET} the limit of the session's Arrow {@code RootAllocator}.
 */
public enum TunedSetting {
    WORKERS("workers"),
    BATCH_ROWS("batch rows"),
    MEMORY_BUDGET("memory budget");

    private final String label;

    TunedSetting(String label) {
        this.label = label;
    }

    /** How a person reads it: {@code batch rows}. */
    public String label() {
        return label;
    }

    /** The value as a person reads it: bytes in MiB, counts as they are. */
    public String format(long value) {
        if (this != MEMORY_BUDGET) {
            return Long.toString(value);
        }
        return String.format(Locale.ROOT, "%d MiB", value >> 20);
    }

    /** Its key in the run records: {@code batchRows}. */
    public String key() {
        return switch (this) {
            case WORKERS -> "workers";
            case BATCH_ROWS -> "batchRows";
            case MEMORY_BUDGET -> "memoryBudgetBytes";
        };
    }
}
