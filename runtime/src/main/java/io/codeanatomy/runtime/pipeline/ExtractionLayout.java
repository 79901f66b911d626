package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a build stored its extraction tables, as its manifest records it: what the extraction
 * depended on besides the files' content, the groups of source files, and each table's data files
 * per group. The next build compares {@code key} to decide whether it may keep unchanged groups.
 *
 * @param key SHA-256 of what every file's rows depend on besides its content: the source root, the
 *     globs, the extractor options, the plugin set and the extraction tables' schemas
 * @param groups the groups of source files
 * @param files per table, per group (in group order), the data files holding the group's rows, as the table names them
 */
public record ExtractionLayout(String key, SourceGroups groups, SortedMap<String, List<List<String>>> files) {
    public ExtractionLayout {
        requireNonNull(key, "key is null");
        requireNonNull(groups, "groups is null");
        SortedMap<String, List<List<String>>> copy = new TreeMap<>();
        requireNonNull(files, "files is null").forEach((table, perGroup) -> {
            if (perGroup.size() != groups.size()) {
                throw new IllegalArgumentException("table '" + table + "' has files for " + perGroup.size() + " groups of source files, not "
                        + groups.size());
            }
            copy.put(table, perGroup.stream().map(List::copyOf).toList());
        });
        files = Collections.unmodifiableSortedMap(copy);
    }
}
