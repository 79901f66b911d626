package io.codeanatomy.api.spec;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSemanticSpec {
    private static final SchemaContract SPANNED = SchemaContract.of(1,
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.required("id", DataType.STRING),
            ColumnContract.required("bstart", DataType.INT64),
            ColumnContract.required("bend", DataType.INT64));
    private static final SchemaContract IDS = SchemaContract.of(1, ColumnContract.required("id", DataType.STRING));

    private static RelSpec ids(String relation) {
        return RelSpec.scan(relation).project(col(relation, "id", DataType.STRING).as("id"));
    }

    private static SemanticSpecBuilder base() {
        return SemanticSpec.builder("cpg", "1")
                .input("defs", SPANNED)
                .input("scopes", SPANNED);
    }

    @Test
    void aValidSpecBuildsAndOrdersViewsAfterTheirDependencies() {
        SemanticSpec spec = base()
                .view("all_ids", ViewKind.UNION, RelSpec.unionAll(RelSpec.scan("def_ids"), RelSpec.scan("scope_ids")))
                .view("def_ids", ViewKind.PROJECT, ids("defs"))
                .view("scope_ids", ViewKind.PROJECT, ids("scopes"))
                .joinEdge(JoinEdge.spanContainment("scopes", "defs", "path"))
                .output("cpg_nodes", "all_ids", "cpg/nodes", WriteMode.OVERWRITE, IDS)
                .build();
        assertThat(spec.topologicalOrder()).extracting(ViewDefinition::name).containsExactly("def_ids", "scope_ids", "all_ids");
        assertThat(spec.view("all_ids").orElseThrow().dependencies()).containsExactly("def_ids", "scope_ids");
        assertThat(spec.joinGraph().edge("defs", "scopes").source()).isEqualTo(JoinInferenceSource.BYTE_SPAN_CONTAINMENT);
    }

    @Test
    void rejectsADuplicateView() {
        assertThatThrownBy(() -> base().view("v", ViewKind.PROJECT, ids("defs")).view("v", ViewKind.PROJECT, ids("scopes")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The name 'v' is defined more than once in spec 'cpg' (input relations and views share one namespace).");
    }

    @Test
    void rejectsAViewNamedLikeAnInput() {
        assertThatThrownBy(() -> base().view("defs", ViewKind.PROJECT, ids("scopes")).build()).hasMessageContaining("'defs' is defined more than once");
    }

    @Test
    void rejectsAnUnknownDependency() {
        assertThatThrownBy(() -> base().view("v", ViewKind.PROJECT, ids("calls")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("View 'v' depends on 'calls', which is neither an input relation nor a view of spec 'cpg'.");
    }

    @Test
    void rejectsACycleAndNamesItsViewsInOrder() {
        assertThatThrownBy(() -> base()
                .view("a", ViewKind.PROJECT, ids("b"))
                .view("b", ViewKind.JOIN, ids("c").join(ids("defs"), JoinType.INNER, col("c", "id", DataType.STRING).eq(col("defs", "id", DataType.STRING))))
                .view("c", ViewKind.PROJECT, ids("a"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Views of spec 'cpg' form a dependency cycle: a -> b -> c -> a.");
    }

    @Test
    void rejectsAViewThatReadsItself() {
        assertThatThrownBy(() -> base().view("a", ViewKind.PROJECT, ids("a")).build()).hasMessageContaining("cycle: a -> a.");
    }

    @Test
    void rejectsOutputsAndEdgesOverUndefinedNames() {
        assertThatThrownBy(() -> base().output("o", "missing", "o", WriteMode.CREATE, IDS).build())
                .hasMessage("Output 'o' reads 'missing', which is neither a view nor an input relation of spec 'cpg'.");
        assertThatThrownBy(() -> base().joinEdge(JoinEdge.spanOverlap("defs", "calls", "path")).build())
                .hasMessageContaining("names 'calls'");
        assertThatThrownBy(() -> base().output("o1", "defs", "same", WriteMode.CREATE, IDS).output("o2", "scopes", "same", WriteMode.CREATE, IDS).build())
                .hasMessageContaining("writes to 'same'");
    }

    @Test
    void hashIgnoresDeclarationOrderButNotContent() {
        List<ViewDefinition> views = new ArrayList<>(List.of(
                ViewDefinition.of("def_ids", ViewKind.PROJECT, ids("defs")),
                ViewDefinition.of("scope_ids", ViewKind.PROJECT, ids("scopes"))));
        SemanticSpec forward = new SemanticSpec("cpg", "1", List.of(new InputRelation("defs", SPANNED), new InputRelation("scopes", SPANNED)),
                views, JoinGraph.empty(), List.of());
        Collections.reverse(views);
        SemanticSpec backward = new SemanticSpec("cpg", "1", List.of(new InputRelation("scopes", SPANNED), new InputRelation("defs", SPANNED)),
                views, JoinGraph.empty(), List.of());
        assertThat(backward.hash()).isEqualTo(forward.hash()).hasSize(64);
        SemanticSpec changed = new SemanticSpec("cpg", "1", forward.inputs(),
                List.of(ViewDefinition.of("def_ids", ViewKind.PROJECT, ids("defs").filter(col("id", DataType.STRING).ne(""))), views.get(0)),
                JoinGraph.empty(), List.of());
        assertThat(changed.hash()).isNotEqualTo(forward.hash());
        assertThat(forward.canonicalJson()).contains("\"body\":\"Project(fields=[defs.id:STRING AS id])\\n  Scan(relation=defs, alias=defs)\\n\"");
    }

    @Test
    void viewDependenciesMustMatchTheBody() {
        assertThatThrownBy(() -> new ViewDefinition("v", ViewKind.PROJECT, List.of("scopes"), ids("defs")))
                .hasMessage("View 'v' declares dependencies [scopes] but its body scans [defs]; list exactly the scanned relations.");
    }

    @Test
    void joinEdgesOnlyMentionTheirTwoRelations() {
        assertThatThrownBy(() -> JoinEdge.declared("defs", "scopes", JoinType.INNER,
                col("defs", "id", DataType.STRING).eq(col("calls", "id", DataType.STRING))))
                .hasMessageContaining("refers to the relation 'calls'");
        assertThatThrownBy(() -> JoinEdge.declared("defs", "scopes", JoinType.INNER, col("id", DataType.STRING).isNull()))
                .hasMessageContaining("unqualified");
    }

    @Test
    void outputPathsStayBelowTheOutputRoot() {
        assertThatThrownBy(() -> new OutputTarget("o", "v", "/abs/o", WriteMode.CREATE, IDS)).hasMessageContaining("relative path");
        assertThatThrownBy(() -> new OutputTarget("o", "v", "a/../../o", WriteMode.CREATE, IDS)).hasMessageContaining("without '.' or '..'");
        assertThat(new OutputTarget("o", "v", "cpg/nodes", WriteMode.APPEND, IDS).path()).isEqualTo("cpg/nodes");
    }
}
