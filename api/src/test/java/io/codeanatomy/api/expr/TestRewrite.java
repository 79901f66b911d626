package io.codeanatomy.api.expr;

import io.codeanatomy.api.cpg.Spans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.codeanatomy.api.expr.Exprs.col;
import static io.codeanatomy.api.expr.Exprs.val;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRewrite {
    private static final Condition CONTAINS = Spans.contains("s", "d");

    @Test
    void requalifiesEveryColumn() {
        Condition rewritten = Exprs.rewrite(CONTAINS, node -> requalify(node, "d", "x"));
        assertThat(rewritten).isEqualTo(Spans.contains("s", "x"));
        assertThat(Exprs.qualifiers(rewritten)).containsExactly("s", "x");
    }

    @Test
    void identityRewriteSharesTheTree() {
        assertThat(Exprs.rewrite(CONTAINS, node -> node)).isSameAs(CONTAINS);
    }

    @Test
    void visitsChildrenBeforeParentsAndSeesRewrittenChildren() {
        List<String> seen = new ArrayList<>();
        Field<Long> expr = Exprs.plus(col("a", "x", DataType.INT64), val(1L));
        Field<Long> result = Exprs.rewrite(expr, node -> {
            seen.add(node.toString());
            if (node.equals(col("a", "x", DataType.INT64))) {
                return col("b", "x", DataType.INT64);
            }
            return node;
        });
        assertThat(seen).containsExactly("a.x", "1", "(b.x + 1)");
        assertThat(result).isEqualTo(Exprs.plus(col("b", "x", DataType.INT64), val(1L)));
    }

    @Test
    void foldsConstantsBottomUp() {
        Field<Long> expr = Exprs.times(Exprs.plus(val(2L), val(3L)), col("t", "n", DataType.INT64));
        Field<Long> folded = Exprs.rewrite(expr, TestRewrite::foldLongArithmetic);
        assertThat(folded).isEqualTo(Exprs.times(val(5L), col("t", "n", DataType.INT64)));
    }

    @Test
    void rejectsARewriteThatChangesAType() {
        assertThatThrownBy(() -> Exprs.rewrite(CONTAINS, node -> node.type().equals(DataType.INT64) ? val(1) : node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changed the type")
                .hasMessageContaining("INT64")
                .hasMessageContaining("INT32");
    }

    @Test
    void booleanLeavesReplacingConditionsAreWrapped() {
        Condition twoTests = Exprs.and(col("a", "x", DataType.INT64).eq(1L), col("a", "y", DataType.INT64).eq(2L));
        Condition result = Exprs.rewrite(twoTests, node -> node.kind() == ExprKind.COMPARISON ? val(true) : node);
        assertThat(result.kind()).isEqualTo(ExprKind.JUNCTION);
        assertThat(result.children()).allSatisfy(child -> assertThat(child.kind()).isEqualTo(ExprKind.PREDICATE));
        assertThat(new Evaluator(java.util.Map.of()).eval(result)).isEqualTo(true);
    }

    @Test
    void withChildrenChecksCountAndTypes() {
        Condition comparison = col("a", "x", DataType.INT64).eq(1L);
        assertThatThrownBy(() -> comparison.withChildren(List.of(val(1L)))).hasMessageContaining("2 children");
        assertThatThrownBy(() -> comparison.withChildren(List.of(val(1L), val("1")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(comparison.withChildren(List.of(val(2L), val(2L)))).isEqualTo(Exprs.eq(val(2L), val(2L)));
    }

    @Test
    void walkVisitsParentsFirst() {
        List<ExprKind> kinds = new ArrayList<>();
        Exprs.walk(col("a", "x", DataType.INT64).isNull().not(), node -> kinds.add(node.kind()));
        assertThat(kinds).containsExactly(ExprKind.NOT, ExprKind.NULL_TEST, ExprKind.COLUMN);
    }

    private static Field<?> requalify(Field<?> node, String from, String to) {
        if (node.kind() != ExprKind.COLUMN || !Exprs.qualifiers(node).contains(from)) {
            return node;
        }
        return node.accept(new ColumnRequalifier(to));
    }

    private static Field<?> foldLongArithmetic(Field<?> node) {
        if (node.kind() != ExprKind.ARITHMETIC || !node.type().equals(DataType.INT64)
                || !node.children().stream().allMatch(child -> child.kind() == ExprKind.LITERAL)) {
            return node;
        }
        Object value = new Evaluator(java.util.Map.of()).eval(node);
        return val((Long) value);
    }

    /** Rebuilds a column node under another qualifier; only columns reach it. */
    private static final class ColumnRequalifier extends ThrowingVisitor {
        private final String relation;

        ColumnRequalifier(String relation) {
            this.relation = relation;
        }

        @Override
        public Field<?> visitColumn(java.util.Optional<String> ignored, String name, DataType<?> type) {
            return col(relation, name, type);
        }
    }
}
