package io.codeanatomy.spi.extract;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What an extraction did.
 *
 * @param files files visited
 * @param bytes bytes read
 * @param problems problems reported (files that could not be fully extracted)
 * @param rowsByTable rows written per table name, sorted by name
 */
public record ExtractionSummary(long files, long bytes, long problems, SortedMap<String, Long> rowsByTable) {
    public ExtractionSummary {
        requireNonNull(rowsByTable, "rowsByTable is null");
        if (files < 0 || bytes < 0 || problems < 0) {
            throw new IllegalArgumentException("Extraction counts cannot be negative: files " + files + ", bytes " + bytes + ", problems " + problems + ".");
        }
        TreeMap<String, Long> copy = new TreeMap<>();
        rowsByTable.forEach((table, rows) -> {
            requireNonNull(rows, "rows of table '" + table + "' is null");
            if (rows < 0) {
                throw new IllegalArgumentException("Table '" + table + "' has a negative row count " + rows + ".");
            }
            copy.put(table, rows);
        });
        rowsByTable = Collections.unmodifiableSortedMap(copy);
    }

    /** A summary from a row count map in any order. */
    public static ExtractionSummary of(long files, long bytes, long problems, Map<String, Long> rowsByTable) {
        return new ExtractionSummary(files, bytes, problems, new TreeMap<>(requireNonNull(rowsByTable, "rowsByTable is null")));
    }

    /** Total rows over all tables. */
    public long totalRows() {
        return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
