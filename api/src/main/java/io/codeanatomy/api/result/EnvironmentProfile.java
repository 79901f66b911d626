package io.codeanatomy.api.result;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How much of the machine a run plans for, after the seed's environment classes: partitions, rows
 * per Arrow batch and the Arrow memory budget. A run picks one from the size of its input
 * ({@link #forInput}) unless the user pins one; either way the envelope records it.
 *
 * @param name {@code small}, {@code medium} or {@code large}
 * @param partitions in-query parallelism the plan may assume
 * @param batchRows rows per Arrow batch handed to materializers
 * @param memoryBudgetBytes limit of the session's Arrow allocator
 * @param pinned whether the user chose it ({@code --profile}) rather than the input size; recorded
 *     but not hashed, since a pinned profile equal to the picked one computes the same
 */
public record EnvironmentProfile(String name, int partitions, int batchRows, long memoryBudgetBytes, boolean pinned) {
    public static final EnvironmentProfile SMALL = new EnvironmentProfile("small", 4, 4096, 512L << 20, false);
    public static final EnvironmentProfile MEDIUM = new EnvironmentProfile("medium", 8, 8192, 2L << 30, false);
    public static final EnvironmentProfile LARGE = new EnvironmentProfile("large", 16, 16384, 8L << 30, false);

    /** Inputs below these are small; at or above the second they are large (files, then bytes). */
    private static final long MEDIUM_FILES = 50;
    private static final long LARGE_FILES = 500;
    private static final long MEDIUM_BYTES = 400_000;
    private static final long LARGE_BYTES = 4_000_000;

    public EnvironmentProfile {
        requireNonNull(name, "name is null");
        if (partitions < 1 || batchRows < 1 || memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("The environment profile '" + name + "' needs positive partitions, batch rows and memory budget.");
        }
    }

    /**
     * The seed's classes: small below 50 files and about 10K lines (400 KB), large from 500 files
     * or about 100K lines (4 MB), medium between; the larger of the two measures decides.
     */
    public static EnvironmentProfile forInput(long files, long bytes) {
        if (files >= LARGE_FILES || bytes >= LARGE_BYTES) {
            return LARGE;
        }
        if (files >= MEDIUM_FILES || bytes >= MEDIUM_BYTES) {
            return MEDIUM;
        }
        return SMALL;
    }

    /** The profile called {@code name}, pinned by the user. */
    public static EnvironmentProfile pinned(String name) {
        requireNonNull(name, "name is null");
        EnvironmentProfile profile = switch (name.toLowerCase(Locale.ROOT)) {
            case "small" -> SMALL;
            case "medium" -> MEDIUM;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("The profile '" + name + "' is unknown; use small, medium or large.");
        };
        return new EnvironmentProfile(profile.name, profile.partitions, profile.batchRows, profile.memoryBudgetBytes, true);
    }

    /** The hashed part: everything but {@code pinned}. */
    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("partitions", partitions);
        tree.put("batchRows", batchRows);
        tree.put("memoryBudgetBytes", memoryBudgetBytes);
        return tree;
    }
}
