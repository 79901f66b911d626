package io.codeanatomy.runtime.plan;

import org.apache.calcite.linq4j.Enumerable;

/** Spooled rows a scan can read by the values of some columns ({@link IndexedScan}). */
public interface SelectableRows extends SpooledRows {
    /** The rows whose columns hold one of the selection's keys, in the table's order. */
    Enumerable<Object[]> scan(RowIndex.Selection selection);
}
