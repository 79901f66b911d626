package io.codeanatomy.api.cpg;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;

/**
 * Byte-span predicates built from the algebra, so the optimizer sees plain comparisons it can
 * push into joins and scans (no opaque function call).
 *
 * <p>Spans are half-open byte ranges {@code [bstart, bend)} of UTF-8 offsets in one file, with
 * {@code 0 <= bstart <= bend}. Columns are conventionally called {@code bstart} and {@code bend}
 * (see {@link #BSTART}, {@link #BEND}); the relation-based overloads use those names.
 */
public final class Spans {
    /** Conventional name of the span start column. */
    public static final String BSTART = "bstart";
    /** Conventional name of the span end column (exclusive). */
    public static final String BEND = "bend";

    private Spans() {}

    /** The start column of {@code relation}. */
    public static Field<Long> start(String relation) {
        return Exprs.col(relation, BSTART, DataType.INT64);
    }

    /** The end column of {@code relation}. */
    public static Field<Long> end(String relation) {
        return Exprs.col(relation, BEND, DataType.INT64);
    }

    /** {@code outer} contains {@code inner}: {@code outerStart <= innerStart AND innerEnd <= outerEnd}. Spans contain themselves. */
    public static Condition contains(Field<Long> outerStart, Field<Long> outerEnd, Field<Long> innerStart, Field<Long> innerEnd) {
        return Exprs.and(Exprs.le(outerStart, innerStart), Exprs.le(innerEnd, outerEnd));
    }

    /** The spans of relation {@code outer} contain those of relation {@code inner}. */
    public static Condition contains(String outer, String inner) {
        return contains(start(outer), end(outer), start(inner), end(inner));
    }

    /**
     * {@code outer} contains {@code inner} and is not the same span: the relation behind "the
     * enclosing scope of a node", where a scope never encloses itself.
     */
    public static Condition strictlyContains(Field<Long> outerStart, Field<Long> outerEnd, Field<Long> innerStart, Field<Long> innerEnd) {
        return Exprs.and(contains(outerStart, outerEnd, innerStart, innerEnd),
                Exprs.or(Exprs.lt(outerStart, innerStart), Exprs.lt(innerEnd, outerEnd)));
    }

    /**
     * The half-open spans overlap: {@code aStart < bEnd AND bStart < aEnd}. Two non-empty spans
     * overlap when they share a byte; an empty span (a position) overlaps a span that has bytes on
     * both sides of it, not one that merely ends or starts there.
     */
    public static Condition overlaps(Field<Long> aStart, Field<Long> aEnd, Field<Long> bStart, Field<Long> bEnd) {
        return Exprs.and(Exprs.lt(aStart, bEnd), Exprs.lt(bStart, aEnd));
    }

    /** The spans of relations {@code a} and {@code b} overlap. */
    public static Condition overlaps(String a, String b) {
        return overlaps(start(a), end(a), start(b), end(b));
    }

    /** The number of bytes in the span, {@code end - start}. */
    public static Field<Long> length(Field<Long> start, Field<Long> end) {
        return Exprs.minus(end, start);
    }

    /** The span length of {@code relation}. */
    public static Field<Long> length(String relation) {
        return length(start(relation), end(relation));
    }

    /**
     * The join condition "same file and {@code outer} contains {@code inner}", with the file
     * identified by the string column {@code fileColumn} in both relations. The file equality
     * comes first so that engines can hash-partition on it before the range check.
     */
    public static Condition containedInSameFile(String outer, String inner, String fileColumn) {
        requireNonNull(fileColumn, "fileColumn is null");
        return Exprs.and(Exprs.eq(Exprs.col(outer, fileColumn, DataType.STRING), Exprs.col(inner, fileColumn, DataType.STRING)),
                contains(outer, inner));
    }

    /** The join condition "same file and the spans overlap". */
    public static Condition overlapInSameFile(String a, String b, String fileColumn) {
        requireNonNull(fileColumn, "fileColumn is null");
        return Exprs.and(Exprs.eq(Exprs.col(a, fileColumn, DataType.STRING), Exprs.col(b, fileColumn, DataType.STRING)),
                overlaps(a, b));
    }
}
