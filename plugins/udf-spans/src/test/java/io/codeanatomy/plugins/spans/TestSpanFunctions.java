package io.codeanatomy.plugins.spans;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.api.expr.FunctionSignature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSpanFunctions {
    @Test
    void stableIdMatchesVectorsOfTheReferenceScript() {
        // python3 tools/stable_id.py node PATH BSTART BEND KIND (a pure-Python murmur3_x64_128)
        // The extractor's StableIds test (plugins/extract-python) pins the same three vectors, so
        // the ids it writes and the ids this function computes agree byte for byte.
        assertThat(StableHashId.of("pkg/mod.py", 0L, 120L, "py_file")).isEqualTo("py_file:b143bad538bf0ecd76f7616496ff1703");
        assertThat(StableHashId.of("pkg/mod.py", 17L, 42L, "py_def")).isEqualTo("py_def:dca6a315f3cc6338f512c8ffd4e1c9c1");
        assertThat(StableHashId.of("\u00fcn\u00ef/\u00df.py", 1234567890123L, 1234567890124L, "py_name"))
                .isEqualTo("py_name:619567b41cfd4bc347afffec400b7640");
        assertThat(StableHashId.of("a.py", 0L, 0L, "PY_FILE")).isEqualTo("PY_FILE:af36a7b025656fae10ded9ee15edb6fc");
        assertThat(StableHashId.of("pkg/mod.py", 10L, 42L, "PY_FUNCTION")).isEqualTo("PY_FUNCTION:c2124c688aae938c8e48b4751ca5b85e");
    }

    @Test
    void edgeIdMatchesVectorsOfTheReferenceScript() {
        // python3 tools/stable_id.py edge KIND SRC DST [PATH BSTART BEND]
        assertThat(StableEdgeId.of("HAS_PARAM", "PY_FUNCTION:1", "PY_PARAM:2", "pkg/mod.py", 17L, 18L))
                .isEqualTo("HAS_PARAM:82ba1bf4a74b4b30af36e4c6460675c8");
        assertThat(StableEdgeId.of("BINDS", "PY_SCOPE:1", "PY_BINDING:2", null, null, null))
                .as("no span: path and offsets hashed as empty text").isEqualTo("BINDS:18029abd387d8868b34aa7ed14700d35");
        assertThat(StableEdgeId.of("BINDS", null, "PY_BINDING:2", null, null, null)).isNull();
    }

    @Test
    void lineAndColumnAreCPythonsLinenoAndUtf8ColOffset() {
        // "a = 1\n\u00e9 = 2\n\nx\n": lines start at bytes 0, 6, 13, 14
        List<Long> starts = List.of(0L, 6L, 13L, 14L);
        assertThat(LineIndex.lineNumber(starts, 0L)).isEqualTo(1);
        assertThat(LineIndex.lineColumn(starts, 4L)).isEqualTo(4);
        assertThat(LineIndex.lineNumber(starts, 5L)).as("a terminator belongs to its line").isEqualTo(1);
        assertThat(LineIndex.lineNumber(starts, 6L)).isEqualTo(2);
        assertThat(LineIndex.lineColumn(starts, 9L)).as("columns count UTF-8 bytes: '\u00e9' is two").isEqualTo(3);
        assertThat(LineIndex.lineNumber(starts, 13L)).as("an empty line").isEqualTo(3);
        assertThat(LineIndex.lineNumber(starts, 16L)).as("past the last start: the last line").isEqualTo(4);
        assertThat(LineIndex.lineColumn(starts, 16L)).isEqualTo(2);
        assertThat(LineIndex.lineNumber(List.of(), 0L)).isNull();
        assertThat(LineIndex.lineNumber(starts, -1L)).isNull();
        assertThat(LineIndex.lineColumn(null, 0L)).isNull();
    }

    @Test
    void nullArgumentGivesNull() {
        assertThat(StableHashId.of(null, 0L, 1L, "PY_FILE")).isNull();
        assertThat(SpanFunctions.byteSpanContains(0L, null, 1L, 2L)).isNull();
        assertThat(SpanFunctions.byteSpanOverlaps(0L, 1L, null, 2L)).isNull();
        assertThat(QualifiedNameFunctions.depth(null)).isNull();
        assertThat(QualifiedNameFunctions.join("a", null)).isNull();
    }

    @Test
    void spanPredicatesUseHalfOpenSpans() {
        assertThat(SpanFunctions.byteSpanContains(0L, 10L, 0L, 10L)).isTrue();
        assertThat(SpanFunctions.byteSpanContains(0L, 10L, 5L, 11L)).isFalse();
        assertThat(SpanFunctions.byteSpanOverlaps(0L, 10L, 10L, 20L)).as("touching spans share no byte").isFalse();
        assertThat(SpanFunctions.byteSpanOverlaps(0L, 10L, 9L, 20L)).isTrue();
        assertThat(SpanFunctions.byteSpanOverlaps(5L, 5L, 0L, 10L)).as("a position inside a span overlaps it").isTrue();
        assertThat(SpanFunctions.byteSpanOverlaps(10L, 10L, 0L, 10L)).as("a position at a span's end does not").isFalse();
        assertThat(SpanFunctions.byteSpanOverlaps(0L, 0L, 0L, 10L)).as("a position at a span's start does not").isFalse();
    }

    @Test
    void qualifiedNamesSplitAtEveryDot() {
        assertThat(QualifiedNameFunctions.depth("pkg.mod.f.<locals>.g")).isEqualTo(5);
        assertThat(QualifiedNameFunctions.depth("mod")).isEqualTo(1);
        assertThat(QualifiedNameFunctions.depth("")).isZero();
        assertThat(QualifiedNameFunctions.parent("pkg.mod.f.<locals>.g")).isEqualTo("pkg.mod.f.<locals>");
        assertThat(QualifiedNameFunctions.parent("mod")).isNull();
        assertThat(QualifiedNameFunctions.leaf("pkg.mod.C")).isEqualTo("C");
        assertThat(QualifiedNameFunctions.leaf("mod")).isEqualTo("mod");
        assertThat(QualifiedNameFunctions.join("pkg.mod", "C")).isEqualTo("pkg.mod.C");
        assertThat(QualifiedNameFunctions.join(null, "mod")).isEqualTo("mod");
        assertThat(QualifiedNameFunctions.join("", "mod")).isEqualTo("mod");
        String qname = "pkg.mod.C.f";
        assertThat(QualifiedNameFunctions.join(QualifiedNameFunctions.parent(qname), QualifiedNameFunctions.leaf(qname))).isEqualTo(qname);
    }

    @Test
    void spanRankCountsTheOpenSpansThatContainTheNextOne() {
        SpanRank rank = new SpanRank();
        SpanRank.Open open = rank.init();
        long[][] spans = {{0, 100}, {10, 50}, {20, 30}, {40, 45}, {60, 70}, {100, 100}};
        int[] levels = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            levels[i] = rank.result(rank.add(open, spans[i][0], spans[i][1]));
        }
        assertThat(levels).containsExactly(1, 2, 3, 3, 2, 2);
        assertThat(rank.result(rank.add(open, null, 5L))).as("a null span changes nothing").isEqualTo(2);
    }

    @Test
    void spanMergeIsTheCoveringSpanAndMergesPartialHulls() {
        SpanMerge merge = new SpanMerge();
        SpanMerge.Hull left = merge.add(merge.add(merge.init(), 10L, 50L), 0L, 20L);
        SpanMerge.Hull right = merge.add(merge.add(merge.init(), null, 99L), 60L, 70L);
        assertThat(merge.result(left)).containsExactly(0L, 50L);
        assertThat(merge.result(merge.merge(left, right))).containsExactly(0L, 70L);
        assertThat(merge.result(merge.init())).as("no spans, no hull").isNull();
        assertThat(merge.result(merge.merge(merge.init(), merge.init()))).isNull();
    }

    @Test
    void thePluginContributesTheWholeCatalogue() {
        List<FunctionSignature<?>> contributed = new ArrayList<>();
        new SpansPlugin().scalarFunctions().forEach(f -> contributed.add(f.signature()));
        new SpansPlugin().aggregateFunctions().forEach(f -> contributed.add(f.signature()));
        assertThat(contributed).containsExactlyInAnyOrderElementsOf(CpgFunctions.ALL);
    }
}
