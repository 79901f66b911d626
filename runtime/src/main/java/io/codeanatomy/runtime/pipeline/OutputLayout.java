package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a build stored the outputs it keeps in groups of source files (docs/incremental.md): the
 * groups are the extraction's ({@link ExtractionLayout#groups}), and one more, last, holds the rows
 * that belong to no file. The next build compares {@code key} to decide whether it may keep the
 * unchanged files' rows.
 *
 * @param key SHA-256 of what the rows of a file depend on besides the file's extraction rows: the
 *     session envelope without the tables' versions (engine, plugins, configuration, spec, rules,
 *     functions, profile, table schemas)
 * @param files per output, per group (the extraction's groups in order, then the group of rows of
 *     no file), the data files holding the group's rows, as the table names them
 */
public record OutputLayout(String key, SortedMap<String, List<List<String>>> files) {
    public OutputLayout {
        requireNonNull(key, "key is null");
        SortedMap<String, List<List<String>>> copy = new TreeMap<>();
        requireNonNull(files, "files is null").forEach((table, perGroup) -> copy.put(table, perGroup.stream().map(List::copyOf).toList()));
        files = Collections.unmodifiableSortedMap(copy);
    }
}
