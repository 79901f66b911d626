package io.codeanatomy.runtime.plan;

import java.util.List;

/** Spooled rows a join can look keys up in ({@link SpoolLookup}) instead of reading them all. */
public interface KeyedRows extends SelectableRows {
    /** The rows, for one reader that may look keys up in them: counted as one scan. */
    List<Object[]> rowsForLookup();

    /** The index of the rows by the values of {@code columns}, made at the first call and kept with the rows. */
    KeyIndex keyIndex(int[] columns);
}
