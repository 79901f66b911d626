package io.codeanatomy.runtime.ask;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a {@link GraphQuestion}: its columns and rows, in the question's order.
 *
 * @param question the question's name
 * @param arguments the arguments it was asked with, defaults filled in
 * @param columns column names
 * @param rows one array per row, values as the plan produced them (String, Integer, Long, …, null)
 */
public record GraphAnswer(String question, List<String> arguments, List<String> columns, List<Object[]> rows) {
    public GraphAnswer {
        requireNonNull(question, "question is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        List<Object[]> copied = new ArrayList<>();
        for (Object[] row : requireNonNull(rows, "rows is null")) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.length + " values for " + columns.size() + " columns");
            }
            copied.add(row.clone());
        }
        rows = List.copyOf(copied);
    }

    /** The values of one column, in row order. */
    public List<Object> column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the answer to '" + question + "' has no column '" + name + "'; columns: " + columns);
        }
        return rows.stream().map(row -> row[index]).toList();
    }
}
