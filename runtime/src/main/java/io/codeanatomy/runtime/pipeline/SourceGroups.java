package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * How an extraction table's rows are stored: in groups of source files, each group a contiguous
 * range of the sorted paths, stored in data files of its own, so that a change to one source file
 * rewrites only its group's files (docs/incremental.md). A group is named by the first path it
 * takes: group {@code i} holds the paths from {@code starts[i]} up to, not including,
 * {@code starts[i + 1]}; the first group starts at the empty path, so every path has a group.
 */
public record SourceGroups(List<String> starts) {
    /** Source bytes a group of a full build takes before the next group starts. */
    public static final long TARGET_BYTES = 4L << 20;

    public SourceGroups {
        starts = List.copyOf(requireNonNull(starts, "starts is null"));
        if (starts.isEmpty() || !starts.get(0).isEmpty()) {
            throw new IllegalArgumentException("the first group of source files starts at the empty path, not at " + starts);
        }
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i - 1).compareTo(starts.get(i)) >= 0) {
                throw new IllegalArgumentException("groups of source files must start at increasing paths, not at " + starts);
            }
        }
    }

    /**
     * Groups of consecutive files of about {@code targetBytes} of source each: a group ends after the
     * file that brings it to the target. Files of unknown size (-1) count as empty.
     */
    static SourceGroups of(SortedMap<String, Long> sizes, long targetBytes) {
        List<String> starts = new ArrayList<>();
        starts.add("");
        long bytes = 0;
        for (Map.Entry<String, Long> file : sizes.entrySet()) {
            if (bytes >= targetBytes) {
                starts.add(file.getKey());
                bytes = 0;
            }
            bytes += Math.max(0, file.getValue());
        }
        return new SourceGroups(starts);
    }

    /** The group that holds {@code path}. */
    public int groupOf(String path) {
        int found = Collections.binarySearch(starts, path);
        return found >= 0 ? found : -found - 2;
    }

    public int size() {
        return starts.size();
    }
}
