package io.codeanatomy.api.rel;

/** The functions a {@link WindowCall} can compute over a window of rows. */
public enum WindowFunction {
    /** 1, 2, 3, ... in window order; ties get different numbers. INT64, no argument. */
    ROW_NUMBER,
    /** 1 + the number of rows ordered before this one; ties share a rank, gaps follow. INT64, no argument. */
    RANK,
    /** Like {@link #RANK} without gaps. INT64, no argument. */
    DENSE_RANK,
    /** Number of rows (no argument) or of non-null argument values in the frame. INT64. */
    COUNT,
    /** Sum of a numeric argument over the frame, in the argument's type. */
    SUM,
    /** Smallest argument value in the frame. */
    MIN,
    /** Largest argument value in the frame. */
    MAX;

    /** Whether the function numbers rows by their position in the order (and so ignores the frame). */
    public boolean ranking() {
        return this == ROW_NUMBER || this == RANK || this == DENSE_RANK;
    }
}
