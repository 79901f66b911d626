package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A planned SQL query and its column names as the query states them. The planner may drop the
 * final renaming projection, so the physical plan's field names can differ (a joined {@code path}
 * may come out as {@code path0}); people see these names.
 */
public record PlannedSql(PlannedQuery query, List<String> columnNames) {
    public PlannedSql {
        requireNonNull(query, "query is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        if (columnNames.size() != query.physical().getRowType().getFieldCount()) {
            throw new IllegalArgumentException("the query names " + columnNames.size() + " columns but its plan produces "
                    + query.physical().getRowType().getFieldCount());
        }
    }
}
