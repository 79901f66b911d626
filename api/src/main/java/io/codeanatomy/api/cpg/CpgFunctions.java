package io.codeanatomy.api.cpg;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.api.expr.StructMember;
import java.util.List;
import java.util.Map;

/**
 * The functions the CPG expression library calls, with their signatures: the single source of
 * their names and types. The {@code udf-spans} plugin contributes exactly these values, and the
 * runtime's registry test fails when a discovered plugin no longer registers one of them with
 * this signature. All are deterministic, so calls on constants are folded at plan time.
 *
 * <p>Spans are half-open {@code [bstart, bend)} byte ranges; a null argument gives a null result.
 */
public final class CpgFunctions {
    /** {@code outer_start <= inner_start AND inner_end <= outer_end}; a span contains itself. */
    public static final FunctionSignature<Boolean> BYTE_SPAN_CONTAINS = FunctionSignature.scalar("byte_span_contains",
            DataType.BOOLEAN, DataType.INT64, DataType.INT64, DataType.INT64, DataType.INT64);
    /** The two spans share a byte; an empty span overlaps nothing. */
    public static final FunctionSignature<Boolean> BYTE_SPAN_OVERLAPS = FunctionSignature.scalar("byte_span_overlaps",
            DataType.BOOLEAN, DataType.INT64, DataType.INT64, DataType.INT64, DataType.INT64);
    /** The number of dot-separated parts of a qualified name ({@code 0} for the empty string). */
    public static final FunctionSignature<Integer> QUALIFIED_NAME_DEPTH = FunctionSignature.scalar("qualified_name_depth",
            DataType.INT32, DataType.STRING);
    /** Everything before the last dot; null for a name without one. */
    public static final FunctionSignature<String> QUALIFIED_NAME_PARENT = FunctionSignature.scalar("qualified_name_parent",
            DataType.STRING, DataType.STRING);
    /** The part after the last dot (the whole name when there is none). */
    public static final FunctionSignature<String> QUALIFIED_NAME_LEAF = FunctionSignature.scalar("qualified_name_leaf",
            DataType.STRING, DataType.STRING);
    /** {@code parent + "." + leaf}; just {@code leaf} when the parent is null or empty. */
    public static final FunctionSignature<String> QUALIFIED_NAME_JOIN = FunctionSignature.scalar("qualified_name_join",
            DataType.STRING, DataType.STRING, DataType.STRING);
    /** {@code a + b}: builds texts such as diagnostic messages ({@code "no binding for nonlocal '" + name + "' found"}). */
    public static final FunctionSignature<String> TEXT_CONCAT = FunctionSignature.scalar("text_concat",
            DataType.STRING, DataType.STRING, DataType.STRING);
    /**
     * {@code stable_hash_id(path, bstart, bend, kind)}: {@code kind + ":" +} lowercase hex of the
     * first 16 bytes of SHA-256 over UTF-8 {@code path U+241F bstart U+241F bend U+241F kind}, the
     * offsets in decimal. The arguments are in the order they are hashed.
     */
    public static final FunctionSignature<String> STABLE_HASH_ID = FunctionSignature.scalar("stable_hash_id",
            DataType.STRING, DataType.STRING, DataType.INT64, DataType.INT64, DataType.STRING);
    /**
     * {@code stable_edge_id(edge_kind, src_node_id, dst_node_id, path, bstart, bend)}: {@code edge_kind
     * + ":" +} lowercase hex of the first 16 bytes of SHA-256 over UTF-8 {@code edge_kind U+241F src
     * U+241F dst U+241F path U+241F bstart U+241F bend}, the offsets in decimal; a null path or
     * offset is hashed as empty text (an edge without a span), a null kind or endpoint gives null.
     */
    public static final FunctionSignature<String> STABLE_EDGE_ID = FunctionSignature.scalar("stable_edge_id",
            DataType.STRING, DataType.STRING, DataType.STRING, DataType.STRING, DataType.STRING, DataType.INT64, DataType.INT64);
    /**
     * {@code line_number(line_starts, offset)}: the 1-based line holding the byte {@code offset},
     * where {@code line_starts} is a file's line index (the first byte of every line, ascending, as
     * in {@code py_lines_v2}); a binary search, null for an empty index or an offset before it.
     */
    public static final FunctionSignature<Integer> LINE_NUMBER = FunctionSignature.scalar("line_number",
            DataType.INT32, DataType.list(DataType.INT64), DataType.INT64);
    /**
     * {@code line_column(line_starts, offset)}: the 0-based UTF-8 byte offset of {@code offset}
     * within its line, CPython's {@code col_offset}; null where {@link #LINE_NUMBER} is.
     */
    public static final FunctionSignature<Integer> LINE_COLUMN = FunctionSignature.scalar("line_column",
            DataType.INT32, DataType.list(DataType.INT64), DataType.INT64);

    /**
     * {@code c3_position(root, subs, positions, bases, candidate)}: the 0-based place of
     * {@code candidate} in the C3 linearization (CPython's MRO, {@code object} left out) of the
     * class {@code root}, given the inheritance edges among its ancestors as parallel lists
     * ({@code subs[i]}'s base number {@code positions[i]} is {@code bases[i]}; entries with a null
     * are skipped); null when the hierarchy has no consistent order or a cycle, or when the
     * candidate is not in it.
     */
    public static final FunctionSignature<Integer> C3_POSITION = FunctionSignature.scalar("c3_position",
            DataType.INT32, DataType.STRING, DataType.list(DataType.STRING), DataType.list(DataType.INT32), DataType.list(DataType.STRING),
            DataType.STRING);

    /**
     * Aggregate {@code span_rank(bstart, bend)}, called over a window ordered by {@code bstart,
     * bend DESC}: the nesting level of a span among the spans before it, 1 for the outermost.
     */
    public static final FunctionSignature<Integer> SPAN_RANK = FunctionSignature.aggregate("span_rank",
            DataType.INT32, DataType.INT64, DataType.INT64);

    /**
     * Aggregate {@code span_merge(bstart, bend)}: the smallest span covering every span of the
     * group, {@code STRUCT<bstart INT64, bend INT64>}; null for a group without spans.
     */
    public static final FunctionSignature<Map<String, Object>> SPAN_MERGE = FunctionSignature.aggregate("span_merge",
            DataType.struct(StructMember.of(Spans.BSTART, DataType.INT64), StructMember.of(Spans.BEND, DataType.INT64)),
            DataType.INT64, DataType.INT64);

    /** Every function above, in declaration order. */
    public static final List<FunctionSignature<?>> ALL = List.of(BYTE_SPAN_CONTAINS, BYTE_SPAN_OVERLAPS,
            QUALIFIED_NAME_DEPTH, QUALIFIED_NAME_PARENT, QUALIFIED_NAME_LEAF, QUALIFIED_NAME_JOIN, TEXT_CONCAT, STABLE_HASH_ID, STABLE_EDGE_ID,
            LINE_NUMBER, LINE_COLUMN, C3_POSITION, SPAN_MERGE, SPAN_RANK);

    private CpgFunctions() {
    }
}
