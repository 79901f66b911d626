package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.cpg.Spans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRelSpec {
    private static final Field<String> PATH = col("d", "path", DataType.STRING);
    private static final Field<Long> SCOPE_LENGTH = Spans.length("s");

    private static RelSpec innermostScope() {
        return RelSpec.scan("py_defs", "d")
                .join(RelSpec.scan("py_scopes", "s"), JoinType.INNER, Spans.containedInSameFile("s", "d", "path"))
                .topPerGroup(List.of(col("d", "def_id", DataType.STRING)), 1, SortKey.asc(SCOPE_LENGTH), SortKey.asc(col("s", "scope_id", DataType.STRING)))
                .project(col("d", "def_id", DataType.STRING).as("def_id"), col("s", "scope_id", DataType.STRING).as("scope_id"));
    }

    @Test
    void rendersOneOperatorPerLineWithTypesInCanonicalForm() {
        assertThat(innermostScope().toString()).isEqualTo(String.join("\n",
                "Project(fields=[d.def_id AS def_id, s.scope_id AS scope_id])",
                "  TopPerGroup(partitionBy=[d.def_id], orderBy=[(s.bend - s.bstart) ASC NULLS LAST, s.scope_id ASC NULLS LAST], count=1)",
                "    Join(type=INNER, condition=((s.path = d.path) AND (s.bstart <= d.bstart) AND (d.bend <= s.bend)))",
                "      Scan(relation=py_defs, alias=d)",
                "      Scan(relation=py_scopes, alias=s)",
                ""));
        assertThat(innermostScope().canonical()).startsWith("Project(fields=[d.def_id:STRING AS def_id, s.scope_id:STRING AS scope_id])\n");
    }

    @Test
    void equalTreesAreEqual() {
        assertThat(innermostScope()).isEqualTo(innermostScope()).hasSameHashCodeAs(innermostScope());
        assertThat(innermostScope()).isNotEqualTo(innermostScope().limit(10));
    }

    @Test
    void collectsScannedRelationsSorted() {
        RelSpec union = RelSpec.unionAll(RelSpec.scan("zeta").project(col("x", DataType.INT64).as("x")),
                RelSpec.scan("alpha").project(col("x", DataType.INT64).as("x")), RelSpec.scan("zeta").project(col("x", DataType.INT64).as("x")));
        assertThat(union.scannedRelations()).containsExactly("alpha", "zeta");
    }

    @Test
    void withInputsReplacesInputsAndKeepsParameters() {
        RelSpec filter = RelSpec.scan("a").filter(PATH.eq("x.py"));
        RelSpec moved = filter.withInputs(List.of(RelSpec.scan("b")));
        assertThat(moved).isEqualTo(RelSpec.scan("b").filter(PATH.eq("x.py")));
        assertThatThrownBy(() -> filter.withInputs(List.of())).hasMessageContaining("1 inputs");
    }

    @Test
    void duplicateOutputColumnsAreRejected() {
        assertThatThrownBy(() -> RelSpec.scan("a").project(PATH.as("p"), PATH.as("p"))).hasMessageContaining("'p' more than once");
        assertThatThrownBy(() -> RelSpec.scan("a").aggregate(List.of(PATH.as("n")), List.of(AggregateCall.count("n"))))
                .hasMessageContaining("'n' more than once");
    }

    @Test
    void aggregateCallsDeriveAndCheckTheirTypes() {
        assertThat(AggregateCall.count("n").type()).isEqualTo(DataType.INT64);
        assertThat(AggregateCall.collect(PATH, "paths", SortKey.asc(PATH)).type()).isEqualTo(DataType.list(DataType.STRING));
        assertThat(AggregateCall.sum(SCOPE_LENGTH, "total").type()).isEqualTo(DataType.INT64);
        assertThatThrownBy(() -> AggregateCall.min(Exprs.struct("p", PATH), "m")).hasMessageContaining("ordered type");
        assertThatThrownBy(() -> AggregateCall.count("n").orderedBy(SortKey.asc(PATH))).hasMessageContaining("does not depend on input order");
        assertThat(AggregateCall.countDistinct(PATH, "files").toString()).isEqualTo("COUNT(DISTINCT d.path) AS files");
        assertThat(AggregateCall.registered("span_union", DataType.INT64, "u", SCOPE_LENGTH).canonical())
                .isEqualTo("span_union((s.bend:INT64 - s.bstart:INT64)) AS u:INT64");
    }

    @Test
    void limitsAndTopCountsMustBeSensible() {
        assertThatThrownBy(() -> RelSpec.scan("a").limit(-1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> RelSpec.scan("a").topPerGroup(List.of(), 0, SortKey.asc(PATH))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RelSpec.unionAll(RelSpec.scan("a"))).hasMessageContaining("at least two inputs");
    }
}
