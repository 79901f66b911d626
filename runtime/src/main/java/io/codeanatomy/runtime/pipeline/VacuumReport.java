package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a vacuum did.
 *
 * @param expiredBuilds the builds whose data files it deleted, oldest first; readers can no longer select them
 * @param keptBuilds the builds still readable, oldest first
 * @param filesDeleted data files deleted (of expired builds and of writes that never committed)
 * @param bytesDeleted their size in bytes
 */
public record VacuumReport(List<Long> expiredBuilds, List<Long> keptBuilds, long filesDeleted, long bytesDeleted) {
    public VacuumReport {
        expiredBuilds = List.copyOf(requireNonNull(expiredBuilds, "expiredBuilds is null"));
        keptBuilds = List.copyOf(requireNonNull(keptBuilds, "keptBuilds is null"));
    }
}
