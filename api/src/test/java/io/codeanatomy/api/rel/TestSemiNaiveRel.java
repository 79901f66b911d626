package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The semi-naive fixpoint form: rendering, equality, scans, validation, differentiation of rules. */
class TestSemiNaiveRel {
    private static final Field<Long> SRC = col("e", "src", DataType.INT64);
    private static final Field<Long> DST = col("e", "dst", DataType.INT64);

    private static final RelSpec EDGES = RelSpec.scan("edges", "e").project(SRC.as("src"), DST.as("dst"));

    /** path(x, z) :- path(x, y), path(y, z), written naively over the whole relation. */
    private static final RelSpec SQUARE = RelSpec.scan("path", "a")
            .join(RelSpec.scan("path", "b"), JoinType.INNER, col("a", "dst", DataType.INT64).eq(col("b", "src", DataType.INT64)))
            .project(col("a", "src", DataType.INT64).as("src"), col("b", "dst", DataType.INT64).as("dst"));

    @Test
    void aNonLinearRuleBecomesOneCopyPerScanWithThatScanReadingTheDelta() {
        RelSpec step = SemiNaiveRel.differentiate(SQUARE, "path", "path$delta", "path");

        assertThat(step).isInstanceOf(UnionRel.class);
        assertThat(step.toString()).isEqualTo(String.join("\n",
                "Union(all=true)",
                "  Project(fields=[a.src AS src, b.dst AS dst])",
                "    Join(type=INNER, condition=(a.dst = b.src))",
                "      Scan(relation=path$delta, alias=a)",
                "      Scan(relation=path, alias=b)",
                "  Project(fields=[a.src AS src, b.dst AS dst])",
                "    Join(type=INNER, condition=(a.dst = b.src))",
                "      Scan(relation=path, alias=a)",
                "      Scan(relation=path$delta, alias=b)",
                ""));
    }

    @Test
    void withOldRowsTheScansBeforeTheDeltaReadTheRowsOfEarlierRoundsSoTwoNewRowsAreJoinedOnce() {
        RelSpec step = SemiNaiveRel.differentiate(SQUARE, "path", "path$delta", "path", "path$old");
        String totalTwice = SemiNaiveRel.differentiate(SQUARE, "path", "path$delta", "path").toString();

        // The second copy, whose delta is the second scan, reads the old rows in the first.
        String oldThenDelta = "      Scan(relation=path$old, alias=a)\n      Scan(relation=path$delta, alias=b)\n";
        assertThat(step.toString()).isEqualTo(totalTwice.replace("      Scan(relation=path, alias=a)\n      Scan(relation=path$delta, alias=b)\n",
                oldThenDelta)).contains(oldThenDelta, "      Scan(relation=path$delta, alias=a)\n      Scan(relation=path, alias=b)\n");
        assertThatThrownBy(() -> new SemiNaiveRel("path$delta", "path", RelSpec.scan("path$old", "o"), step, 5))
                .hasMessage("The seed of semi-naive relation 'path' scans 'path$old'; only the step may read the delta, the total and the old rows.");
    }

    @Test
    void aRuleWhereMoreRowsCanRemoveRowsKeepsReadingTheTotalBeforeTheDelta() {
        Condition on = col("a", "dst", DataType.INT64).eq(col("b", "src", DataType.INT64));
        RelSpec nullFilled = RelSpec.scan("path", "a").join(RelSpec.scan("path", "b"), JoinType.LEFT, on)
                .project(col("a", "src", DataType.INT64).as("src"), col("b", "dst", DataType.INT64).as("dst"));
        RelSpec excluded = RelSpec.scan("path", "a").join(RelSpec.scan("path", "b"), JoinType.ANTI, on)
                .project(col("a", "src", DataType.INT64).as("src"), col("a", "dst", DataType.INT64).as("dst"));
        RelSpec preserved = RelSpec.scan("path", "a").join(RelSpec.scan("edges", "b"), JoinType.LEFT, on)
                .join(RelSpec.scan("path", "c"), JoinType.INNER, col("c", "src", DataType.INT64).eq(col("a", "src", DataType.INT64)))
                .project(col("a", "src", DataType.INT64).as("src"), col("c", "dst", DataType.INT64).as("dst"));

        for (RelSpec rule : List.of(nullFilled, excluded)) {
            assertThat(SemiNaiveRel.differentiate(rule, "path", "path$delta", "path", "path$old"))
                    .isEqualTo(SemiNaiveRel.differentiate(rule, "path", "path$delta", "path"));
        }
        assertThat(SemiNaiveRel.differentiate(preserved, "path", "path$delta", "path", "path$old").toString())
                .contains("Scan(relation=path$old, alias=a)").doesNotContain("Scan(relation=path$old, alias=c)");
    }

    @Test
    void groupBoundsAreRenderedKeptThroughRewritesAndPartOfEquality() {
        SemiNaiveRel plain = SemiNaiveRel.ofRules("path", EDGES, List.of(SQUARE), 64);
        SemiNaiveRel bounded = plain.bounded(List.of(GroupBound.of(Map.of("src", "1", "dst", "2"), List.of("src", "dst"), 8)));

        assertThat(plain.bounds()).isEmpty();
        assertThat(bounded.toString()).startsWith("SemiNaive(delta=path$delta, total=path, maxIterations=64, bounds=[dst='2' and src='1' per src+dst <= 8])\n");
        assertThat(bounded).isNotEqualTo(plain).isEqualTo(plain.bounded(List.of(GroupBound.of(Map.of("src", "1", "dst", "2"), List.of("src", "dst"), 8))));
        assertThat(bounded.withInputs(bounded.inputs())).isEqualTo(bounded);
        assertThat(bounded.canonical()).isNotEqualTo(plain.canonical());

        SemiNaiveRel waiting = plain.bounded(List.of(GroupBound.of(Map.of("src", "1"), List.of("src"), 8).fromRows(1000)));
        assertThat(waiting.toString()).startsWith("SemiNaive(delta=path$delta, total=path, maxIterations=64, bounds=[src='1' per src <= 8 from 1000 rows])\n");
        assertThat(waiting).isNotEqualTo(plain.bounded(List.of(GroupBound.of(Map.of("src", "1"), List.of("src"), 8))));
        assertThat(waiting.bounds().get(0).fromRows(0)).isEqualTo(GroupBound.of(Map.of("src", "1"), List.of("src"), 8));
    }

    @Test
    void aGroupBoundNeedsAGroupAndALimitOfAtLeastOne() {
        assertThatThrownBy(() -> GroupBound.of(Map.of(), List.of("a"), 8))
                .hasMessage("A group bound needs at least one column that selects its rows.");
        assertThatThrownBy(() -> GroupBound.of(Map.of("tag", "P"), List.of(), 8))
                .hasMessage("A group bound on [tag] needs at least one group column.");
        assertThatThrownBy(() -> GroupBound.of(Map.of("tag", "P"), List.of("a"), 0))
                .hasMessage("A group bound on [tag] needs a limit of at least 1, got 0.");
        assertThatThrownBy(() -> GroupBound.of(Map.of("tag", "P"), List.of("a"), 8).fromRows(-1))
                .hasMessage("A group bound on [tag] needs a row count of at least 0 to start from, got -1.");
    }

    @Test
    void ofRulesDifferentiatesEachRuleAndNamesTheDeltaAfterTheRelation() {
        RelSpec linear = RelSpec.scan("path", "p")
                .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("p", "dst", DataType.INT64).eq(SRC))
                .project(col("p", "src", DataType.INT64).as("src"), DST.as("dst"));
        SemiNaiveRel fixpoint = SemiNaiveRel.ofRules("path", EDGES, List.of(SQUARE, linear), 64);

        assertThat(fixpoint.deltaName()).isEqualTo("path$delta");
        assertThat(fixpoint.totalName()).isEqualTo("path");
        assertThat(fixpoint.oldName()).isEqualTo("path$old");
        assertThat(fixpoint.step()).isEqualTo(RelSpec.unionAll(SemiNaiveRel.differentiate(SQUARE, "path", "path$delta", "path", "path$old"),
                SemiNaiveRel.differentiate(linear, "path", "path$delta", "path", "path$old")));
        assertThat(fixpoint.scannedRelations()).containsExactly("edges");
        assertThat(fixpoint).isEqualTo(SemiNaiveRel.ofRules("path", EDGES, List.of(SQUARE, linear), 64))
                .isNotEqualTo(SemiNaiveRel.ofRules("path", EDGES, List.of(SQUARE, linear), 65));
        assertThat(fixpoint.toString()).startsWith("SemiNaive(delta=path$delta, total=path, maxIterations=64)\n  Project(");
        assertThat(fixpoint.canonical()).isNotEqualTo(SemiNaiveRel.ofRules("path", EDGES, List.of(SQUARE), 64).canonical());
    }

    @Test
    void checksItsShapeInOneSentence() {
        RelSpec step = SemiNaiveRel.differentiate(SQUARE, "path", "path$delta", "path");
        assertThatThrownBy(() -> new SemiNaiveRel("path$delta", "path", EDGES, step, 0)).hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> new SemiNaiveRel("path", "path", EDGES, step, 5)).hasMessageContaining("one name for its delta and its total");
        assertThatThrownBy(() -> new SemiNaiveRel("path$delta", "path", EDGES, SQUARE, 5))
                .hasMessage("The step of semi-naive relation 'path' never scans its delta 'path$delta', so it would derive the same rows"
                        + " every round; read the delta in every rule of the step.");
        assertThatThrownBy(() -> new SemiNaiveRel("path$delta", "path", SQUARE, step, 5))
                .hasMessageContaining("The seed of semi-naive relation 'path' scans 'path'");
        assertThatThrownBy(() -> SemiNaiveRel.differentiate(EDGES, "path", "path$delta", "path"))
                .hasMessageContaining("never scans 'path', so it is not recursive");
        assertThatThrownBy(() -> SemiNaiveRel.ofRules("path", EDGES, List.of(), 5)).hasMessageContaining("has no recursive rule");
    }

    @Test
    void aViewWithASemiNaiveBodyIsAFixpoint() {
        SemiNaiveRel fixpoint = SemiNaiveRel.ofRules("path", EDGES, List.of(SQUARE), 8);

        assertThat(ViewDefinition.of("path", ViewKind.FIXPOINT, fixpoint).dependencies()).containsExactly("edges");
        assertThatThrownBy(() -> ViewDefinition.of("path", ViewKind.JOIN, fixpoint)).hasMessageContaining("label it FIXPOINT");
    }

    @Test
    void aVisitorWrittenBeforeTheFormRejectsIt() {
        RelSpecVisitor<String> old = new RelSpecVisitor<>() {
            public String visitScan(ScanRel scan) { return "scan"; }
            public String visitFilter(FilterRel filter) { return "filter"; }
            public String visitProject(ProjectRel project) { return "project"; }
            public String visitJoin(JoinRel join) { return "join"; }
            public String visitUnion(UnionRel union) { return "union"; }
            public String visitAggregate(AggregateRel aggregate) { return "aggregate"; }
            public String visitSort(SortRel sort) { return "sort"; }
            public String visitLimit(LimitRel limit) { return "limit"; }
            public String visitAlias(AliasRel alias) { return "alias"; }
            public String visitTopPerGroup(TopPerGroupRel topPerGroup) { return "top"; }
            public String visitUnionByName(UnionByNameRel union) { return "unionByName"; }
            public String visitSetOp(SetOpRel setOp) { return "setOp"; }
            public String visitExists(ExistsRel exists) { return "exists"; }
            public String visitScalarSubquery(ScalarSubqueryRel scalar) { return "scalar"; }
            public String visitUnnest(UnnestRel unnest) { return "unnest"; }
            public String visitWindow(WindowRel window) { return "window"; }
            public String visitRecursive(RecursiveRel recursive) { return "recursive"; }
        };

        assertThatThrownBy(() -> SemiNaiveRel.ofRules("path", EDGES, List.of(SQUARE), 8).accept(old))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("does not handle semi-naive relations ('path')");
    }
}
