package io.codeanatomy.plugins.delta;

import java.util.function.IntFunction;

/**
 * One boxed object per small number read from Delta, shared by every row and every scan in the JVM.
 * A build keeps millions of rows whose numbers are byte offsets, lines and columns within one file
 * (each file starts again at 0), so the same few hundred thousand values recur across files and
 * tables; {@code Long.valueOf} and {@code Integer.valueOf} share only -128 to 127, and every other
 * value was an object of its own for the collector to trace and copy. Values from 0 up to
 * {@link #SHARED} are boxed once (a race boxes one twice, harmlessly: the boxes are immutable and
 * equal); any other is boxed as before. The tables are plain arrays read and written without
 * synchronization: a box's value is a final field, so a box seen through a race is seen whole,
 * and an {@code AtomicReferenceArray}'s typed access cost a {@code Class.cast} per value under C1
 * (2.4% of a 14.6 MB build's execute phase). Doubles share their two common values, 0 and 1 (an edge's
 * confidence). The boxes stay for the JVM's life, as {@code valueOf}'s own do: two tables of 1 MiB
 * each, and at most 10 MiB of boxes (a host that embeds the runtime pays it once).
 */
final class SmallNumbers {
    /**
     * Values from 0 up to this (exclusive) are shared: the offsets of a file of up to 256 KiB (all
     * but 3 of the standard library's 1,790 files), and every line and column.
     */
    static final int SHARED = 1 << 18;
    private static final Long[] LONGS = new Long[SHARED];
    private static final Integer[] INTS = new Integer[SHARED];
    private static final IntFunction<Long> LONG_BOX = at -> (long) at;
    private static final IntFunction<Integer> INT_BOX = Integer::valueOf;
    private static final Double ZERO = 0.0;
    private static final Double ONE = 1.0;

    private SmallNumbers() {}

    static Long boxed(long value) {
        return value < 0 || value >= SHARED ? Long.valueOf(value) : shared(LONGS, (int) value, LONG_BOX);
    }

    static Integer boxed(int value) {
        return value < 0 || value >= SHARED ? Integer.valueOf(value) : shared(INTS, value, INT_BOX);
    }

    /** The box at {@code at}, made by {@code box} the first time. */
    private static <T> T shared(T[] boxes, int at, IntFunction<T> box) {
        T found = boxes[at];
        if (found == null) {
            found = box.apply(at);
            boxes[at] = found;
        }
        return found;
    }

    static Double boxed(double value) {
        if (value == 1.0) {
            return ONE;
        }
        if (Double.doubleToRawLongBits(value) == 0L) {
            return ZERO;
        }
        return value;
    }
}
