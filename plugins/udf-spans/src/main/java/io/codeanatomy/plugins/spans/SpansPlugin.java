package io.codeanatomy.plugins.spans;

import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.function.AggregateFunctionContribution;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import java.util.List;

/**
 * The functions of the API's {@link CpgFunctions} catalogue: byte spans, qualified names, the
 * stable node and edge ids, line and column from the line index, the C3 linearization of classes, the covering span of a group and the running span rank. Each contribution takes its name and signature from the catalogue, so the plugin and
 * the expressions that call it cannot disagree; all are deterministic, so calls on constants fold
 * at plan time.
 */
public final class SpansPlugin implements Plugin {
    private static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("udf-spans", "0.1.0",
            "byte-span, qualified-name and stable-id functions");

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ScalarFunctionContribution> scalarFunctions() {
        return List.of(
                new ScalarFunctionContribution(CpgFunctions.BYTE_SPAN_CONTAINS, SpanFunctions.class, "byteSpanContains",
                        "the outer half-open span contains the inner one"),
                new ScalarFunctionContribution(CpgFunctions.BYTE_SPAN_OVERLAPS, SpanFunctions.class, "byteSpanOverlaps",
                        "the half-open spans overlap: a_start < b_end and b_start < a_end"),
                new ScalarFunctionContribution(CpgFunctions.QUALIFIED_NAME_DEPTH, QualifiedNameFunctions.class, "depth",
                        "the number of dot-separated parts of a qualified name"),
                new ScalarFunctionContribution(CpgFunctions.QUALIFIED_NAME_PARENT, QualifiedNameFunctions.class, "parent",
                        "everything before the last dot of a qualified name"),
                new ScalarFunctionContribution(CpgFunctions.QUALIFIED_NAME_LEAF, QualifiedNameFunctions.class, "leaf",
                        "the part after the last dot of a qualified name"),
                new ScalarFunctionContribution(CpgFunctions.QUALIFIED_NAME_JOIN, QualifiedNameFunctions.class, "join",
                        "parent.leaf, or leaf for a top-level name"),
                new ScalarFunctionContribution(CpgFunctions.TEXT_CONCAT, TextFunctions.class, "concat",
                        "the two texts one after the other"),
                new ScalarFunctionContribution(CpgFunctions.STABLE_HASH_ID, StableHashId.class, "of",
                        "kind:hex of the first 16 bytes of SHA-256 over path, bstart, bend, kind"),
                new ScalarFunctionContribution(CpgFunctions.STABLE_EDGE_ID, StableEdgeId.class, "of",
                        "edge_kind:hex of the first 16 bytes of SHA-256 over edge_kind, src, dst, path, bstart, bend"),
                new ScalarFunctionContribution(CpgFunctions.LINE_NUMBER, LineIndex.class, "lineNumber",
                        "the 1-based line of a byte offset, by binary search in the file's line starts"),
                new ScalarFunctionContribution(CpgFunctions.LINE_COLUMN, LineIndex.class, "lineColumn",
                        "the 0-based UTF-8 byte column of a byte offset within its line (CPython's col_offset)"),
                new ScalarFunctionContribution(CpgFunctions.C3_POSITION, C3Linearization.class, "position",
                        "the place of a class in another's C3 linearization (CPython's MRO) from the inheritance edges among its ancestors"));
    }

    @Override
    public List<AggregateFunctionContribution> aggregateFunctions() {
        return List.of(
                new AggregateFunctionContribution(CpgFunctions.SPAN_MERGE, SpanMerge.class,
                        "the smallest span covering every span of the group"),
                new AggregateFunctionContribution(CpgFunctions.SPAN_RANK, SpanRank.class,
                        "over a window ordered by bstart, bend DESC: the nesting level of a span, 1 for the outermost"));
    }
}
