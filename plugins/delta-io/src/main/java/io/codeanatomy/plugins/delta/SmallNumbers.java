package io.codeanatomy.plugins.delta;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One boxed object per small number read from Delta, shared by every row and every scan of a run.
 * A build keeps millions of rows whose numbers are byte offsets, lines and columns within one file
 * (each file starts again at 0), so the same few hundred thousand values recur across files and
 * tables; {@code Long.valueOf} and {@code Integer.valueOf} share only -128 to 127, and every other
 * value was an object of its own for the collector to trace and copy. Values from 0 up to
 * {@link #SHARED} are boxed once (a race boxes one twice, harmlessly: the boxes are immutable and
 * equal); any other is boxed as before. Doubles share their two common values, 0 and 1 (an edge's
 * confidence).
 */
final class SmallNumbers {
    /** Values from 0 up to this (exclusive) are shared: a file of up to 1 MiB. */
    static final int SHARED = 1 << 20;
    private static final AtomicReferenceArray<Long> LONGS = new AtomicReferenceArray<>(SHARED);
    private static final AtomicReferenceArray<Integer> INTS = new AtomicReferenceArray<>(SHARED);
    private static final Double ZERO = 0.0;
    private static final Double ONE = 1.0;

    private SmallNumbers() {}

    static Long boxed(long value) {
        if (value < 0 || value >= SHARED) {
            return value;
        }
        int at = (int) value;
        Long box = LONGS.getPlain(at);
        if (box == null) {
            box = value;
            LONGS.setPlain(at, box);
        }
        return box;
    }

    static Integer boxed(int value) {
        if (value < 0 || value >= SHARED) {
            return value;
        }
        Integer box = INTS.getPlain(value);
        if (box == null) {
            box = value;
            INTS.setPlain(value, box);
        }
        return box;
    }

    static Double boxed(double value) {
        if (value == 1.0) {
            return ONE;
        }
        if (value == 0.0 && Double.doubleToRawLongBits(value) == 0L) {
            return ZERO;
        }
        return value;
    }
}
