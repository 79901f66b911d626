package io.codeanatomy.plugins.spans;

/**
 * The byte-span scalar functions, as static methods Calcite calls from generated code. Spans are
 * half-open {@code [bstart, bend)}; boxed parameters let SQL nulls through, and a null argument
 * gives a null result. The definitions are those of the API's {@code Spans} helpers, which build
 * the same predicates from comparisons.
 */
public final class SpanFunctions {
    private SpanFunctions() {
    }

    /** {@code byte_span_contains}: {@code [outerStart, outerEnd)} contains {@code [innerStart, innerEnd)}; a span contains itself. */
    public static Boolean byteSpanContains(Long outerStart, Long outerEnd, Long innerStart, Long innerEnd) {
        if (outerStart == null || outerEnd == null || innerStart == null || innerEnd == null) {
            return null;
        }
        return outerStart <= innerStart && innerEnd <= outerEnd;
    }

    /**
     * {@code byte_span_overlaps}: {@code aStart < bEnd AND bStart < aEnd}. Two non-empty spans
     * overlap when they share a byte; an empty span (a position) overlaps a span with bytes on both
     * sides of it, not one that merely starts or ends there.
     */
    public static Boolean byteSpanOverlaps(Long aStart, Long aEnd, Long bStart, Long bEnd) {
        if (aStart == null || aEnd == null || bStart == null || bEnd == null) {
            return null;
        }
        return aStart < bEnd && bStart < aEnd;
    }
}
