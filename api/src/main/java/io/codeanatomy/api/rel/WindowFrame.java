package io.codeanatomy.api.rel;

/**
 * The rows an aggregate {@link WindowCall} sees. Only the two frames the pipeline uses exist, both
 * counted in rows (not value ranges), so ties in the order do not widen a frame.
 */
public enum WindowFrame {
    /** From the first row of the partition to the current row: running totals and counts. */
    RUNNING,
    /** The whole partition: the group's total on every row. */
    PARTITION
}
