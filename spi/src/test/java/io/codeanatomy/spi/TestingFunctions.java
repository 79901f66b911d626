package io.codeanatomy.spi;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.FunctionSignature;

/** Function implementations for {@link TestingPlugin}, in the shapes Calcite registers. */
public final class TestingFunctions {
    public static final FunctionSignature<Long> SPAN_LENGTH = FunctionSignature.scalar("span_length", DataType.INT64, DataType.INT64, DataType.INT64);
    public static final FunctionSignature<Long> LONGEST_SPAN = FunctionSignature.aggregate("longest_span", DataType.INT64, DataType.INT64, DataType.INT64);

    private TestingFunctions() {}

    public static Long spanLength(Long bstart, Long bend) {
        return bstart == null || bend == null ? null : bend - bstart;
    }

    public static int overloaded(int x) {
        return x;
    }

    public static long overloaded(long x) {
        return x;
    }

    public static void nothing(long x) {
        // A method without a result, which no function may be.
    }

    /** Calcite's aggregate convention with static methods: the accumulator is a long. */
    public static final class LongestSpan {
        private LongestSpan() {}

        public static long init() {
            return 0L;
        }

        public static long add(long longest, long bstart, long bend) {
            return Math.max(longest, bend - bstart);
        }

        public static long merge(long a, long b) {
            return Math.max(a, b);
        }

        public static long result(long longest) {
            return longest;
        }
    }
}
