package io.codeanatomy.api.cpg;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.CaseBuilder;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.AggregateCall;
import java.util.List;
import java.util.Map;

/**
 * The CPG expression library (the design's {@code CpgExprLib}): constructors every view uses for
 * ids, locations, evidence and kind dispatch. Structs and cases are plain algebra the optimizer
 * sees through; ids are calls of {@link CpgFunctions#STABLE_HASH_ID}. Span predicates are in
 * {@link Spans}, qualified names in {@link QNames}.
 */
public final class CpgExprs {
    /** Member names of {@link #location}. */
    public static final List<String> LOCATION_MEMBERS = List.of("path", "bstart", "bend", "start", "end");
    /** Member names of {@link #evidence}. */
    public static final List<String> EVIDENCE_MEMBERS = List.of("source", "confidence", "value");

    private CpgExprs() {
    }

    /**
     * The stable id of the entity of {@code kind} spanning {@code [bstart, bend)} in {@code path},
     * the same value the extractors compute for their rows.
     */
    public static Field<String> stableId(Field<String> path, Field<Long> bstart, Field<Long> bend, Field<String> kind) {
        return CpgFunctions.STABLE_HASH_ID.call(path, bstart, bend, kind);
    }

    /** {@link #stableId} over the {@code path}, {@code bstart} and {@code bend} columns of {@code relation}. */
    public static Field<String> stableId(String relation, Field<String> kind) {
        return stableId(Exprs.col(relation, "path", DataType.STRING), Spans.start(relation), Spans.end(relation), kind);
    }

    /**
     * The aggregate {@link CpgFunctions#SPAN_MERGE} of the spans {@code [bstart, bend)} of a group,
     * named {@code name}: the covering span as {@code STRUCT<bstart, bend>}.
     */
    public static AggregateCall spanMerge(Field<Long> bstart, Field<Long> bend, String name) {
        List<Field<?>> arguments = CpgFunctions.SPAN_MERGE.checkArguments(List.of(bstart, bend));
        return AggregateCall.registered(CpgFunctions.SPAN_MERGE.name(), CpgFunctions.SPAN_MERGE.returnType(), name,
                arguments.toArray(Field<?>[]::new));
    }

    /**
     * A source location: {@code STRUCT<path, bstart, bend, start STRUCT<line, col>, end STRUCT<line, col>>},
     * bytes and the line/column pairs people read, kept together so that every output spells a
     * location the same way.
     */
    public static <N extends Number> Field<Map<String, Object>> location(Field<String> path, Field<Long> bstart, Field<Long> bend,
            Field<N> startLine, Field<N> startCol, Field<N> endLine, Field<N> endCol) {
        return Exprs.struct(path.as("path"), bstart.as("bstart"), bend.as("bend"),
                Exprs.struct("line", startLine, "col", startCol).as("start"),
                Exprs.struct("line", endLine, "col", endCol).as("end"));
    }

    /**
     * One piece of evidence for a derived fact: {@code STRUCT<source, confidence, value>}, where
     * {@code source} names what produced it ({@code syntax}, {@code symtable}, ...) and
     * {@code confidence} is in {@code [0, 1]}.
     */
    public static Field<Map<String, Object>> evidence(Field<String> source, Field<Double> confidence, Field<?> value) {
        return Exprs.struct(source.as("source"), confidence.as("confidence"), value.as("value"));
    }

    /**
     * Dispatch on a kind column: {@code CASE WHEN kind = k1 THEN v1 ... ELSE otherwise END}, the
     * mappings tested in the order given (a list, so the order is the caller's, never a hash
     * map's).
     *
     * @throws IllegalArgumentException if {@code mappings} is empty or names a kind twice
     */
    public static <T> Field<T> semanticTypeCase(Field<String> kind, List<Map.Entry<String, Field<T>>> mappings, Field<T> otherwise) {
        requireNonNull(kind, "kind is null");
        requireNonNull(mappings, "mappings is null");
        requireNonNull(otherwise, "otherwise is null");
        if (mappings.isEmpty()) {
            throw new IllegalArgumentException("A semantic type case on " + kind + " needs at least one mapping.");
        }
        if (mappings.stream().map(Map.Entry::getKey).distinct().count() != mappings.size()) {
            throw new IllegalArgumentException("A semantic type case on " + kind + " maps a kind twice: "
                    + mappings.stream().map(Map.Entry::getKey).toList() + ".");
        }
        CaseBuilder<T> cases = null;
        for (Map.Entry<String, Field<T>> mapping : mappings) {
            cases = cases == null
                    ? Exprs.when(kind.eq(mapping.getKey()), mapping.getValue())
                    : cases.when(kind.eq(mapping.getKey()), mapping.getValue());
        }
        return cases.otherwise(otherwise);
    }
}
