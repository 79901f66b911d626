package io.codeanatomy.plugins.python.run;

import io.codeanatomy.spi.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a file list into groups of consecutive files, the unit a worker extracts into Arrow batches.
 * Groups are about 1/64 of the listed bytes, at least 64 KiB and at most 2 MiB: enough groups
 * for every worker to stay busy, large enough that a table's batches are not tiny; smaller when the
 * memory budget is (see {@link ParallelExtraction}). The cut depends on the list and the budget
 * alone, never on the number of workers, so the batches (and the files written from
 * them) are the same whatever the worker count.
 */
final class FileGroups {
    static final long MIN_GROUP_BYTES = 64L << 10;
    static final long MAX_GROUP_BYTES = 2L << 20;
    private static final int GROUPS_PER_LISTING = 64;

    private FileGroups() {
    }

    /** The groups, in list order; a file of unknown size counts as one byte. */
    static List<List<SourceFile>> of(List<SourceFile> files) {
        return of(files, MAX_GROUP_BYTES);
    }

    /**
     * The groups, in list order, none larger than {@code maxGroupBytes} (but never below
     * {@link #MIN_GROUP_BYTES}) unless one file is: a small memory budget asks for smaller groups.
     */
    static List<List<SourceFile>> of(List<SourceFile> files, long maxGroupBytes) {
        long total = 0;
        for (SourceFile f : files) {
            total += bytes(f);
        }
        long most = Math.max(MIN_GROUP_BYTES, Math.min(MAX_GROUP_BYTES, maxGroupBytes));
        long target = Math.max(MIN_GROUP_BYTES, Math.min(most, total / GROUPS_PER_LISTING));
        List<List<SourceFile>> groups = new ArrayList<>();
        List<SourceFile> group = new ArrayList<>();
        long bytes = 0;
        for (SourceFile f : files) {
            group.add(f);
            bytes += bytes(f);
            if (bytes >= target) {
                groups.add(List.copyOf(group));
                group.clear();
                bytes = 0;
            }
        }
        if (!group.isEmpty()) {
            groups.add(List.copyOf(group));
        }
        return groups;
    }

    static long bytes(SourceFile file) {
        return Math.max(1, file.size());
    }

    static long bytes(List<SourceFile> group) {
        long sum = 0;
        for (SourceFile f : group) {
            sum += bytes(f);
        }
        return sum;
    }
}
