package io.codeanatomy.spi.extract;

import java.util.List;

/**
 * The extraction tables of the build an extraction replaces, as that build committed them: what an
 * extractor compares the selected files with ({@link Extractor#changes}).
 */
public interface PreviousTables {
    /** No previous build: every table is empty. */
    PreviousTables NONE = (table, columns) -> List.of();

    /**
     * The rows of the previous build's table {@code table}, each the values of {@code columns} in
     * that order (strings, boxed numbers and booleans, nulls); none when that build wrote no such
     * table. Throws {@link IllegalArgumentException} naming a column the table does not have.
     */
    List<Object[]> rows(String table, List<String> columns);
}
