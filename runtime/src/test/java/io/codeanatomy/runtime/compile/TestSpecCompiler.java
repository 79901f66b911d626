package io.codeanatomy.runtime.compile;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.rel.TopPerGroupRel;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.SemanticSpecBuilder;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.function.FunctionRegistry;
import io.codeanatomy.runtime.testing.MemoryTable;
import io.codeanatomy.runtime.testing.PlanningFixture;
import io.codeanatomy.runtime.testing.Rows;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class TestSpecCompiler {
    private static final Field<Long> DEF_ID = col("d", "def_id", DataType.INT64);
    private static final Field<Integer> DEF_FILE = col("d", "file_id", DataType.INT32);
    private static final Field<String> DEF_NAME = col("d", "name", DataType.STRING);

    private static final SchemaContract DEFS = SchemaContract.of(1,
            ColumnContract.required("def_id", DataType.INT64),
            ColumnContract.required("file_id", DataType.INT32),
            ColumnContract.optional("name", DataType.STRING),
            ColumnContract.required("bstart", DataType.INT64),
            ColumnContract.required("bend", DataType.INT64));
    private static final SchemaContract FILES = SchemaContract.of(1,
            ColumnContract.required("file_id", DataType.INT32),
            ColumnContract.required("path", DataType.STRING));
    private static final SchemaContract DEF_PATHS = SchemaContract.of(1,
            ColumnContract.required("def_id", DataType.INT64),
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.optional("name", DataType.STRING));

    private final PlanningFixture fixture = new PlanningFixture()
            .add("defs", new MemoryTable(tf -> tf.builder()
                    .add("def_id", SqlTypeName.BIGINT)
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("name", SqlTypeName.VARCHAR).nullable(true)
                    .add("bstart", SqlTypeName.BIGINT)
                    .add("bend", SqlTypeName.BIGINT)
                    .build(), List.of(
                            new Object[] {1L, 0, "f", 0L, 50L},
                            new Object[] {2L, 0, "g", 10L, 20L},
                            new Object[] {3L, 1, null, 0L, 5L},
                            new Object[] {4L, 1, "h", 0L, 90L},
                            new Object[] {5L, 1, "k", 30L, 40L})))
            .add("files", new MemoryTable(tf -> tf.builder()
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("path", SqlTypeName.VARCHAR)
                    .build(), List.of(new Object[] {0, "a.py"}, new Object[] {1, "b.py"})));

    private final SpecCompiler compiler = new SpecCompiler(FunctionRegistry.empty());

    @Test
    void viewScannedTwiceIsOneNode() {
        SemanticSpec spec = base()
                .view("named_pairs", ViewKind.UNION, RelSpec.unionAll(
                        RelSpec.scan("named_defs", "d").project(DEF_ID.as("def_id")),
                        RelSpec.scan("named_defs", "d").project(Exprs.plus(DEF_ID, 100L).as("def_id"))))
                .output("pairs", "named_pairs", "cpg/pairs", WriteMode.OVERWRITE,
                        SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .build();

        CompiledSpec compiled = compiler.compile(spec, fixture.builder());

        RelNode shared = compiled.views().get("named_defs");
        assertThat(occurrences(compiled.output("pairs"), shared)).isEqualTo(2);
        assertThat(distinctNodesWithDigestOf(compiled.output("pairs"), shared)).isEqualTo(1);
        assertThat(Rows.of(fixture, compiled.output("pairs"))).extracting(row -> row.get(0))
                .containsExactlyInAnyOrder(1L, 2L, 4L, 5L, 101L, 102L, 104L, 105L);
    }

    @Test
    void joinOfViewAndInputCompilesAndRuns() {
        CompiledSpec compiled = compiler.compile(base().output("def_paths", "def_paths", "cpg/def_paths", WriteMode.OVERWRITE, DEF_PATHS).build(),
                fixture.builder());

        assertThat(Rows.of(fixture, compiled.output("def_paths"))).containsExactlyInAnyOrder(
                List.of(1L, "a.py", "f"), List.of(2L, "a.py", "g"), List.of(4L, "b.py", "h"), List.of(5L, "b.py", "k"));
    }

    @Test
    void aggregateAndTopPerGroupRun() {
        Field<Long> bstart = col("d", "bstart", DataType.INT64);
        Field<Long> bend = col("d", "bend", DataType.INT64);
        SemanticSpec spec = base()
                .view("widest", ViewKind.SORT, new TopPerGroupRel(RelSpec.scan("defs", "d"), List.of(DEF_FILE),
                        List.of(SortKey.desc(Exprs.minus(bend, bstart)), SortKey.asc(DEF_ID)), 1)
                        .project(DEF_FILE.as("file_id"), DEF_ID.as("def_id")))
                .view("counts", ViewKind.AGGREGATE, RelSpec.scan("defs", "d")
                        .aggregate(List.of(DEF_FILE.as("file_id")), List.of(AggregateCall.count("n"), AggregateCall.count(DEF_NAME, "named"))))
                .output("widest", "widest", "cpg/widest", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("file_id", DataType.INT32), ColumnContract.required("def_id", DataType.INT64)))
                .output("counts", "counts", "cpg/counts", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("file_id", DataType.INT32), ColumnContract.required("n", DataType.INT64),
                        ColumnContract.required("named", DataType.INT64)))
                .build();

        CompiledSpec compiled = compiler.compile(spec, fixture.builder());

        assertThat(Rows.of(fixture, compiled.output("widest"))).containsExactlyInAnyOrder(List.of(0, 1L), List.of(1, 4L));
        assertThat(Rows.of(fixture, compiled.output("counts"))).containsExactlyInAnyOrder(List.of(0, 2L, 2L), List.of(1, 3L, 2L));
    }

    @Test
    void columnUsedWithTheWrongTypeIsNamed() {
        SemanticSpec spec = base()
                .view("wrong", ViewKind.PROJECT, RelSpec.scan("defs", "d").project(col("d", "file_id", DataType.INT64).as("file_id")))
                .output("wrong", "wrong", "cpg/wrong", WriteMode.OVERWRITE,
                        SchemaContract.of(1, ColumnContract.required("file_id", DataType.INT64)))
                .build();

        assertThatThrownBy(() -> compiler.compile(spec, fixture.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("view 'wrong'")
                .hasMessageContaining("d.file_id is used as INT64 but its relation gives INT32");
    }

    @Test
    void ambiguousColumnIsAnError() {
        SemanticSpec spec = base()
                .view("ambiguous", ViewKind.JOIN, RelSpec.scan("defs", "d").join(RelSpec.scan("files", "f"), JoinType.INNER,
                                Exprs.eq(DEF_FILE, col("f", "file_id", DataType.INT32)))
                        .project(col("file_id", DataType.INT32).as("file_id")))
                .output("ambiguous", "ambiguous", "cpg/ambiguous", WriteMode.OVERWRITE,
                        SchemaContract.of(1, ColumnContract.required("file_id", DataType.INT32)))
                .build();

        assertThatThrownBy(() -> compiler.compile(spec, fixture.builder()))
                .hasMessageContaining("column reference file_id is ambiguous");
    }

    @Test
    void outputNotMatchingItsContractIsAnError() {
        SemanticSpec spec = base().output("def_paths", "def_paths", "cpg/def_paths", WriteMode.OVERWRITE,
                SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64), ColumnContract.required("path", DataType.STRING))).build();

        assertThatThrownBy(() -> compiler.compile(spec, fixture.builder()))
                .hasMessageContaining("output 'def_paths' has columns [def_id, path, name] but its contract declares [def_id, path]");
    }

    @Test
    void inputRelationDriftingFromItsContractIsAnError() {
        SemanticSpec spec = SemanticSpec.builder("test", "1")
                .input("files", SchemaContract.of(1, ColumnContract.required("file_id", DataType.INT64)))
                .output("files", "files", "cpg/files", WriteMode.OVERWRITE, FILES)
                .build();

        assertThatThrownBy(() -> compiler.compile(spec, fixture.builder()))
                .hasMessageContaining("input relation 'files' column 'file_id' is INT32 but its contract declares INT64");
    }

    private static SemanticSpecBuilder base() {
        return SemanticSpec.builder("test", "1")
                .input("defs", DEFS)
                .input("files", FILES)
                .view("named_defs", ViewKind.FILTER, RelSpec.scan("defs", "d").filter(DEF_NAME.isNotNull()))
                .view("def_paths", ViewKind.JOIN, RelSpec.scan("named_defs", "d")
                        .join(RelSpec.scan("files", "f"), JoinType.INNER, Exprs.eq(DEF_FILE, col("f", "file_id", DataType.INT32)))
                        .project(DEF_ID.as("def_id"), col("f", "path", DataType.STRING).as("path"), DEF_NAME.as("name")));
    }

    private static int occurrences(RelNode root, RelNode target) {
        int count = root == target ? 1 : 0;
        for (RelNode input : root.getInputs()) {
            count += occurrences(input, target);
        }
        return count;
    }

    private static int distinctNodesWithDigestOf(RelNode root, RelNode target) {
        Map<RelNode, Boolean> found = new IdentityHashMap<>();
        List<RelNode> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            RelNode node = pending.remove(pending.size() - 1);
            if (node.getDigest().equals(target.getDigest())) {
                found.put(node, true);
            }
            pending.addAll(node.getInputs());
        }
        return found.size();
    }
}
