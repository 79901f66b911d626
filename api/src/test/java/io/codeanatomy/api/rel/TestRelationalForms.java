package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator records beyond project/filter/join: rendering, equality, scans, validation. */
class TestRelationalForms {
    private static final Field<Long> SRC = col("e", "src", DataType.INT64);
    private static final Field<Long> DST = col("e", "dst", DataType.INT64);
    private static final Field<Long> NODE = col("n", "node_id", DataType.INT64);

    private static RecursiveRel closure(int bound) {
        RelSpec seed = RelSpec.scan("edges", "e").project(SRC.as("src"), DST.as("dst"));
        RelSpec step = RelSpec.scan("reach", "r")
                .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "dst", DataType.INT64).eq(SRC))
                .project(col("r", "src", DataType.INT64).as("src"), DST.as("dst"));
        return RecursiveRel.fixpoint("reach", seed, step, bound);
    }

    /** One tree using every new operator, so rendering and equality cover them all. */
    private static RelSpec everything() {
        RelSpec nodes = RelSpec.scan("nodes", "n");
        return RelSpec.unionAllByName(
                        nodes.whereExists(RelSpec.scan("edges", "e").filter(SRC.eq(NODE)))
                                .withScalar("out_degree", RelSpec.scan("edges", "e").filter(SRC.eq(NODE))
                                        .aggregate(List.of(), List.of(AggregateCall.count("n"))))
                                .window(WindowCall.rowNumber("rn", List.of(), SortKey.asc(NODE)))
                                .project(NODE.as("node_id")),
                        RelSpec.intersect(closure(8).project(col("src", DataType.INT64).as("node_id")),
                                RelSpec.scan("nodes", "n").unnestWithOrdinality(col("n", "succs", DataType.list(DataType.INT64)), "succ", "pos")
                                        .project(col("succ", DataType.INT64).as("node_id"))));
    }

    @Test
    void rendersEveryFormOneOperatorPerLine() {
        assertThat(everything().toString()).isEqualTo(String.join("\n",
                "UnionByName(all=true)",
                "  Project(fields=[n.node_id AS node_id])",
                "    Window(calls=[ROW_NUMBER() OVER (partitionBy=[], orderBy=[n.node_id ASC NULLS LAST], frame=RUNNING) AS rn])",
                "      ScalarSubquery(name=out_degree)",
                "        Exists(negated=false)",
                "          Scan(relation=nodes, alias=n)",
                "          Filter(condition=(e.src = n.node_id))",
                "            Scan(relation=edges, alias=e)",
                "        Aggregate(groupKeys=[], calls=[COUNT(*) AS n])",
                "          Filter(condition=(e.src = n.node_id))",
                "            Scan(relation=edges, alias=e)",
                "  SetOp(op=INTERSECT, all=false)",
                "    Project(fields=[src AS node_id])",
                "      Recursive(name=reach, all=false, maxIterations=8)",
                "        Project(fields=[e.src AS src, e.dst AS dst])",
                "          Scan(relation=edges, alias=e)",
                "        Project(fields=[r.src AS src, e.dst AS dst])",
                "          Join(type=INNER, condition=(r.dst = e.src))",
                "            Scan(relation=reach, alias=r)",
                "            Scan(relation=edges, alias=e)",
                "    Project(fields=[succ AS node_id])",
                "      Unnest(list=n.succs, element=succ, ordinality=pos)",
                "        Scan(relation=nodes, alias=n)",
                ""));
        assertThat(everything().canonical()).contains("Unnest(list=n.succs:LIST<INT64>, element=succ, ordinality=pos)");
    }

    @Test
    void equalTreesAreEqualAndParametersMatter() {
        assertThat(everything()).isEqualTo(everything()).hasSameHashCodeAs(everything());
        assertThat(everything().canonical()).isEqualTo(everything().canonical());
        assertThat(closure(8)).isNotEqualTo(closure(9));
        assertThat(closure(8).canonical()).isNotEqualTo(closure(9).canonical());
        assertThat(RelSpec.intersect(RelSpec.scan("a"), RelSpec.scan("b"))).isNotEqualTo(RelSpec.except(RelSpec.scan("a"), RelSpec.scan("b")));
    }

    @Test
    void withInputsKeepsParameters() {
        for (RelSpec node : List.of(everything(), closure(3), closure(3).inputs().get(1))) {
            assertThat(node.withInputs(node.inputs())).isEqualTo(node);
        }
        ExistsRel exists = RelSpec.scan("a").whereNotExists(RelSpec.scan("b"));
        assertThat(exists.withInputs(List.of(RelSpec.scan("c"), RelSpec.scan("d")))).isEqualTo(RelSpec.scan("c").whereNotExists(RelSpec.scan("d")));
    }

    @Test
    void theRecursiveNameIsNotAScannedRelation() {
        assertThat(closure(5).scannedRelations()).containsExactly("edges");
        assertThat(everything().scannedRelations()).containsExactly("edges", "nodes");
    }

    @Test
    void recursionNeedsABoundASelfReferenceAndASeedWithout() {
        RelSpec edges = RelSpec.scan("edges", "e").project(SRC.as("src"));
        assertThatThrownBy(() -> RecursiveRel.fixpoint("reach", edges, RelSpec.scan("reach"), 0)).hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> RecursiveRel.fixpoint("reach", edges, edges, 5)).hasMessageContaining("never scans 'reach'");
        assertThatThrownBy(() -> RecursiveRel.fixpoint("reach", RelSpec.scan("reach"), RelSpec.scan("reach"), 5))
                .hasMessageContaining("The seed of recursive relation 'reach' scans 'reach'");
    }

    @Test
    void fixpointKindMatchesARecursiveBody() {
        assertThat(ViewDefinition.of("reach", ViewKind.FIXPOINT, closure(4)).dependencies()).containsExactly("edges");
        assertThatThrownBy(() -> ViewDefinition.of("reach", ViewKind.UNION, closure(4))).hasMessageContaining("label it FIXPOINT");
        assertThatThrownBy(() -> ViewDefinition.of("edges2", ViewKind.FIXPOINT, RelSpec.scan("edges")))
                .hasMessageContaining("no recursive relation");
    }

    @Test
    void theIterationBoundIsPartOfTheSpecHash() {
        assertThat(spec(closure(4)).hash()).isEqualTo(spec(closure(4)).hash()).isNotEqualTo(spec(closure(5)).hash());
    }

    @Test
    void windowCallsCheckTheirShape() {
        assertThat(WindowCall.running("total", WindowFunction.SUM, SRC, List.of(), SortKey.asc(SRC)).type()).isEqualTo(DataType.INT64);
        assertThat(WindowCall.rank("r", List.of(DST), SortKey.asc(SRC)).canonical())
                .isEqualTo("RANK() OVER (partitionBy=[e.dst:INT64], orderBy=[e.src:INT64 ASC NULLS LAST], frame=RUNNING) AS r");
        assertThatThrownBy(() -> WindowCall.rank("r", List.of())).hasMessageContaining("needs an order");
        assertThatThrownBy(() -> WindowCall.running("t", WindowFunction.SUM, col("e", "name", DataType.STRING), List.of(), SortKey.asc(SRC)))
                .hasMessageContaining("SUM needs a numeric argument");
        assertThatThrownBy(() -> WindowCall.running("t", WindowFunction.SUM, SRC, List.of())).hasMessageContaining("needs an order");
        assertThatThrownBy(() -> RelSpec.scan("e").window(WindowCall.rowNumber("x", List.of(), SortKey.asc(SRC)),
                WindowCall.rank("x", List.of(), SortKey.asc(SRC)))).hasMessageContaining("'x' more than once");
    }

    @Test
    void unnestNeedsAList() {
        assertThatThrownBy(() -> RelSpec.scan("e").unnest(SRC, "x")).hasMessageContaining("needs a LIST expression");
        assertThatThrownBy(() -> RelSpec.scan("n").unnestWithOrdinality(col("n", "succs", DataType.list(DataType.INT64)), "x", "x"))
                .hasMessageContaining("both its element and its ordinality column 'x'");
    }

    @Test
    void templatesExpandDeterministically() {
        List<String> built = new ArrayList<>();
        RelTemplate template = RelTemplate.of("nodes", List.of("table", "kind"), args -> {
            built.add(args.get("table"));
            return RelSpec.scan(args.get("table"), "t").project(col("t", "id", DataType.INT64).as("node_id"),
                    Exprs.val(args.get("kind")).as("node_kind"));
        });
        List<List<String>> rows = List.of(List.of("py_defs", "PY_DEF"), List.of("py_calls", "PY_CALL"));

        List<TemplateInstance> first = template.instantiateAll(rows);
        List<TemplateInstance> second = template.instantiateAll(rows);

        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(TemplateInstance::name).containsExactly("nodes__py_defs__PY_DEF", "nodes__py_calls__PY_CALL");
        assertThat(first.get(1).body().toString()).startsWith("Project(fields=[t.id AS node_id, 'PY_CALL' AS node_kind])");
        assertThat(built).containsExactly("py_defs", "py_calls", "py_defs", "py_calls");
        assertThat(template.unionAllByName(rows)).isInstanceOf(UnionByNameRel.class);
        assertThatThrownBy(() -> template.instantiateAll(List.of(rows.get(0), rows.get(0)))).hasMessageContaining("expanded twice");
        assertThatThrownBy(() -> template.instantiate(List.of("py_defs"))).hasMessageContaining("needs 2 values");
        assertThatThrownBy(() -> RelTemplate.of("t", List.of("a"), args -> RelSpec.scan(args.get("b"))).instantiate(List.of("x")))
                .hasMessageContaining("no parameter 'b'");
    }

    private static SemanticSpec spec(RecursiveRel body) {
        return SemanticSpec.builder("s", "1")
                .input("edges", SchemaContract.of(1, ColumnContract.required("src", DataType.INT64), ColumnContract.required("dst", DataType.INT64)))
                .view("reach", ViewKind.FIXPOINT, body)
                .output("reach", "reach", "cpg/reach", WriteMode.OVERWRITE,
                        SchemaContract.of(1, ColumnContract.required("src", DataType.INT64), ColumnContract.required("dst", DataType.INT64)))
                .build();
    }
}
