package io.codeanatomy.runtime.exec;

/**
 * How large one Arrow batch may grow: a batch ends at {@code maxRows} rows or once its values reach
 * {@code maxBytes}, whichever comes first, so wide string columns cannot blow the memory budget.
 */
public record BatchLimits(int maxRows, long maxBytes) {
    public static final BatchLimits DEFAULT = new BatchLimits(64 * 1024, 64L << 20);

    public BatchLimits {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }
}
