package io.codeanatomy.runtime.compile;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.StructMember;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.RelTemplate;
import io.codeanatomy.api.rel.SetOpKind;
import io.codeanatomy.api.rel.SetOpRel;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.rel.TemplateInstance;
import io.codeanatomy.api.rel.WindowCall;
import io.codeanatomy.api.rel.WindowFunction;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.SemanticSpecBuilder;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.exec.FixpointRun;
import io.codeanatomy.runtime.exec.FixpointRuns;
import io.codeanatomy.runtime.exec.BatchLimits;
import io.codeanatomy.runtime.exec.PlanExecutor;
import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.function.FunctionRegistry;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.QueryPlanner;
import io.codeanatomy.runtime.testing.MemoryTable;
import io.codeanatomy.runtime.testing.PlanningFixture;
import io.codeanatomy.runtime.testing.Rows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * Each relational form of the algebra compiled to a Calcite plan, planned by the session's
 * programs and executed by generated code over in-memory tables whose answers are known.
 */
class TestRelationalForms {
    private static final Field<Long> DEF_ID = col("d", "def_id", DataType.INT64);
    private static final Field<Integer> DEF_FILE = col("d", "file_id", DataType.INT32);
    private static final Field<String> DEF_KIND = col("d", "kind", DataType.STRING);
    private static final Field<String> DEF_NAME = col("d", "name", DataType.STRING);
    private static final Field<Long> DEF_START = col("d", "bstart", DataType.INT64);
    private static final Field<Long> DEF_END = col("d", "bend", DataType.INT64);
    private static final Field<Long> CALL_ID = col("c", "call_id", DataType.INT64);
    private static final Field<Integer> CALL_FILE = col("c", "file_id", DataType.INT32);
    private static final Field<String> CALLEE = col("c", "callee", DataType.STRING);
    private static final Field<Long> CALL_START = col("c", "bstart", DataType.INT64);
    private static final Field<Long> CALL_END = col("c", "bend", DataType.INT64);

    private final PlanningFixture fixture = new PlanningFixture()
            .add("defs", new MemoryTable(tf -> tf.builder()
                    .add("def_id", SqlTypeName.BIGINT)
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("kind", SqlTypeName.VARCHAR)
                    .add("name", SqlTypeName.VARCHAR).nullable(true)
                    .add("bstart", SqlTypeName.BIGINT)
                    .add("bend", SqlTypeName.BIGINT)
                    .build(), List.of(
                            new Object[] {1L, 0, "function", "f", 0L, 50L},
                            new Object[] {2L, 0, "function", "g", 10L, 20L},
                            new Object[] {3L, 1, "class", "C", 0L, 90L},
                            new Object[] {4L, 1, "function", "m", 30L, 40L},
                            new Object[] {5L, 1, "function", "n", 35L, 38L})))
            .add("calls", new MemoryTable(tf -> tf.builder()
                    .add("call_id", SqlTypeName.BIGINT)
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("callee", SqlTypeName.VARCHAR)
                    .add("bstart", SqlTypeName.BIGINT)
                    .add("bend", SqlTypeName.BIGINT)
                    .build(), List.of(
                            new Object[] {100L, 0, "g", 12L, 15L},
                            new Object[] {101L, 1, "m", 36L, 37L},
                            new Object[] {102L, 1, "zz", 95L, 96L},
                            new Object[] {103L, 0, "f", 30L, 31L})))
            // A call graph with a cycle 1 -> 2 -> 3 -> 1 and a separate edge 4 -> 5.
            .add("edges", new MemoryTable(tf -> tf.builder()
                    .add("src", SqlTypeName.BIGINT)
                    .add("dst", SqlTypeName.BIGINT)
                    .build(), List.of(new Object[] {1L, 2L}, new Object[] {2L, 3L}, new Object[] {3L, 1L}, new Object[] {4L, 5L})))
            // A scope tree: 1 is the module, 2 and 4 its children, 3 a child of 2.
            .add("scopes", new MemoryTable(tf -> tf.builder()
                    .add("scope_id", SqlTypeName.BIGINT)
                    .add("parent_id", SqlTypeName.BIGINT).nullable(true)
                    .build(), List.of(new Object[] {1L, null}, new Object[] {2L, 1L}, new Object[] {3L, 2L}, new Object[] {4L, 1L})))
            .add("adjacency", new MemoryTable(tf -> tf.builder()
                    .add("node", SqlTypeName.BIGINT)
                    .add("succs", tf.createArrayType(tf.createSqlType(SqlTypeName.BIGINT), -1)).nullable(true)
                    .build(), Arrays.asList(
                            new Object[] {1L, List.of(10L, 20L)},
                            new Object[] {2L, List.of()},
                            new Object[] {3L, null},
                            new Object[] {4L, List.of(40L)})));

    private final SpecCompiler compiler = new SpecCompiler(FunctionRegistry.empty());

    @Test
    void unionByNameFillsMissingColumnsWithTypedNulls() {
        RelSpec body = RelSpec.unionAllByName(
                RelSpec.scan("defs", "d").filter(DEF_FILE.eq(0)).project(DEF_ID.as("node_id"), DEF_NAME.as("name"), DEF_START.as("bstart")),
                RelSpec.scan("calls", "c").filter(CALL_FILE.eq(1)).project(CALL_ID.as("node_id"), CALL_START.as("bstart"), CALLEE.as("callee")));

        List<List<Object>> rows = run(ViewKind.UNION, body,
                ColumnContract.required("node_id", DataType.INT64), ColumnContract.optional("name", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64), ColumnContract.optional("callee", DataType.STRING));

        assertThat(rows).containsExactlyInAnyOrder(
                Arrays.asList(1L, "f", 0L, null), Arrays.asList(2L, "g", 10L, null),
                Arrays.asList(101L, null, 36L, "m"), Arrays.asList(102L, null, 95L, "zz"));
    }

    @Test
    void unionByNameRejectsAColumnWithTwoTypes() {
        RelSpec body = RelSpec.unionAllByName(
                RelSpec.scan("defs", "d").project(DEF_ID.as("node_id")),
                RelSpec.scan("defs", "d").project(DEF_FILE.as("node_id")));

        assertThatThrownBy(() -> run(ViewKind.UNION, body, ColumnContract.required("node_id", DataType.INT64)))
                .hasMessageContaining("union by name: column 'node_id' is INT64 in one input and INT32 in another");
    }

    @Test
    void intersectAndExceptAsSetsAndAsBags() {
        RelSpec defNames = RelSpec.scan("defs", "d").project(DEF_NAME.as("name"));
        RelSpec callees = RelSpec.scan("calls", "c").project(CALLEE.as("name"));
        RelSpec defFiles = RelSpec.scan("defs", "d").project(DEF_FILE.as("file_id"));
        RelSpec callFiles = RelSpec.scan("calls", "c").project(CALL_FILE.as("file_id"));
        ColumnContract name = ColumnContract.optional("name", DataType.STRING);
        ColumnContract file = ColumnContract.required("file_id", DataType.INT32);

        assertThat(run(ViewKind.SET_OPERATION, RelSpec.intersect(defNames, callees), name))
                .containsExactlyInAnyOrder(List.of("g"), List.of("m"), List.of("f"));
        assertThat(run(ViewKind.SET_OPERATION, RelSpec.except(defNames, callees), name))
                .containsExactlyInAnyOrder(List.of("C"), List.of("n"));
        // defs' files are [0, 0, 1, 1, 1], calls' files [0, 1, 1, 0].
        assertThat(run(ViewKind.SET_OPERATION, new SetOpRel(SetOpKind.INTERSECT, true, List.of(defFiles, callFiles)), file))
                .containsExactlyInAnyOrder(List.of(0), List.of(0), List.of(1), List.of(1));
        assertThat(run(ViewKind.SET_OPERATION, new SetOpRel(SetOpKind.EXCEPT, true, List.of(defFiles, callFiles)), file))
                .containsExactlyInAnyOrder(List.of(1));
        assertThat(run(ViewKind.SET_OPERATION, RelSpec.except(defFiles, callFiles), file)).isEmpty();
    }

    @Test
    void correlatedExistsIsDecorrelatedIntoAJoinAndRuns() {
        RelSpec calledDefs = RelSpec.scan("calls", "c").filter(CALLEE.eq(DEF_NAME).and(CALL_FILE.eq(DEF_FILE)));
        ColumnContract id = ColumnContract.required("def_id", DataType.INT64);

        RelSpec called = RelSpec.scan("defs", "d").whereExists(calledDefs).project(DEF_ID.as("def_id"));
        RelSpec uncalled = RelSpec.scan("defs", "d").whereNotExists(calledDefs).project(DEF_ID.as("def_id"));

        assertThat(run(ViewKind.FILTER, called, id)).containsExactlyInAnyOrder(List.of(1L), List.of(2L), List.of(4L));
        assertThat(run(ViewKind.FILTER, uncalled, id)).containsExactlyInAnyOrder(List.of(3L), List.of(5L));
        String physical = physical(ViewKind.FILTER, called, id);
        assertThat(physical).doesNotContain("Correlate").doesNotContain("NestedLoop").contains("EnumerableHashJoin");
    }

    @Test
    void correlatedScalarSubqueryCountsCallsInsideEachDefinition() {
        Condition inside = CALL_FILE.eq(DEF_FILE).and(DEF_START.le(CALL_START)).and(CALL_END.le(DEF_END));
        RelSpec body = RelSpec.scan("defs", "d")
                .withScalar("calls_inside", RelSpec.scan("calls", "c").filter(inside)
                        .aggregate(List.of(), List.of(AggregateCall.count("n"))))
                .project(DEF_ID.as("def_id"), col("calls_inside", DataType.INT64).as("calls_inside"));

        assertThat(run(ViewKind.PROJECT, body, ColumnContract.required("def_id", DataType.INT64),
                ColumnContract.optional("calls_inside", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of(1L, 2L), List.of(2L, 1L), List.of(3L, 1L), List.of(4L, 1L), List.of(5L, 1L));
        // Decorrelated: the count per definition is an aggregate joined back, not a loop per row.
        assertThat(physical(ViewKind.PROJECT, body, ColumnContract.required("def_id", DataType.INT64),
                ColumnContract.optional("calls_inside", DataType.INT64))).doesNotContain("Correlate").contains("EnumerableHashJoin");
    }

    @Test
    void uncorrelatedSubqueriesRunToo() {
        RelSpec body = RelSpec.scan("defs", "d").filter(DEF_FILE.eq(0))
                .whereExists(RelSpec.scan("calls", "c").filter(CALLEE.eq("zz")))
                .withScalar("total_calls", RelSpec.scan("calls", "c").aggregate(List.of(), List.of(AggregateCall.count("n"))))
                .project(DEF_ID.as("def_id"), col("total_calls", DataType.INT64).as("total_calls"));

        assertThat(run(ViewKind.PROJECT, body, ColumnContract.required("def_id", DataType.INT64),
                ColumnContract.optional("total_calls", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of(1L, 4L), List.of(2L, 4L));
    }

    @Test
    void unnestWithOrdinalityGivesOneRowPerElement() {
        Field<List<Long>> succs = col("a", "succs", DataType.list(DataType.INT64));
        RelSpec body = RelSpec.scan("adjacency", "a").unnestWithOrdinality(succs, "succ", "position")
                .project(col("a", "node", DataType.INT64).as("node"), col("succ", DataType.INT64).as("succ"),
                        col("position", DataType.INT32).as("position"));

        assertThat(run(ViewKind.EXPAND, body, ColumnContract.required("node", DataType.INT64),
                ColumnContract.optional("succ", DataType.INT64), ColumnContract.required("position", DataType.INT32)))
                .containsExactlyInAnyOrder(List.of(1L, 10L, 1), List.of(1L, 20L, 2), List.of(4L, 40L, 1));
    }

    @Test
    void unnestAndACorrelatedExistsShareAPlan() {
        Field<Long> node = col("a", "node", DataType.INT64);
        RelSpec body = RelSpec.scan("adjacency", "a")
                .whereExists(RelSpec.scan("edges", "e").filter(col("e", "src", DataType.INT64).eq(node)))
                .unnest(col("a", "succs", DataType.list(DataType.INT64)), "succ")
                .project(node.as("node"), col("succ", DataType.INT64).as("succ"));

        assertThat(run(ViewKind.EXPAND, body, ColumnContract.required("node", DataType.INT64), ColumnContract.optional("succ", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of(1L, 10L), List.of(1L, 20L), List.of(4L, 40L));
    }

    @Test
    void groupKeysKeepTheOrderTheyAreGivenIn() {
        // kind comes after file_id in the input; Calcite would put file_id first.
        RelSpec body = RelSpec.scan("defs", "d")
                .aggregate(List.of(DEF_KIND.as("kind"), DEF_FILE.as("file_id")), List.of(AggregateCall.count("n")));

        assertThat(run(ViewKind.AGGREGATE, body, ColumnContract.required("kind", DataType.STRING),
                ColumnContract.required("file_id", DataType.INT32), ColumnContract.required("n", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of("function", 0, 2L), List.of("class", 1, 1L), List.of("function", 1, 2L));
    }

    @Test
    void unnestOfStructsKeepsEachElementOneStruct() {
        DataType<Map<String, Object>> span = DataType.struct(List.of(
                new StructMember("bstart", DataType.INT64, false),
                new StructMember("bend", DataType.INT64, false)));
        RelSpec collected = RelSpec.scan("defs", "d")
                .aggregate(List.of(DEF_FILE.as("file_id")), List.of(AggregateCall.collect(Exprs.struct("bstart", DEF_START, "bend", DEF_END), "spans",
                        SortKey.asc(DEF_START))))
                .as("g");
        RelSpec body = collected.unnestWithOrdinality(col("g", "spans", DataType.list(span)), "span", "i")
                .project(col("g", "file_id", DataType.INT32).as("file_id"), col("i", DataType.INT32).as("i"),
                        Exprs.member(col("span", span), "bend", DataType.INT64).as("bend"));

        assertThat(run(ViewKind.EXPAND, body, ColumnContract.required("file_id", DataType.INT32), ColumnContract.required("i", DataType.INT32),
                ColumnContract.optional("bend", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of(0, 1, 50L), List.of(0, 2, 20L), List.of(1, 1, 90L), List.of(1, 2, 40L), List.of(1, 3, 38L));
    }

    @Test
    void structIsBuiltAndItsMembersRead() {
        RelSpec body = RelSpec.scan("defs", "d").filter(DEF_FILE.eq(0))
                .project(DEF_ID.as("def_id"), Exprs.struct("bstart", DEF_START, "bend", DEF_END).as("loc"))
                .as("x")
                .project(col("x", "def_id", DataType.INT64).as("def_id"),
                        Exprs.member(col("x", "loc", DataType.struct(List.of(
                                new StructMember("bstart", DataType.INT64, false),
                                new StructMember("bend", DataType.INT64, false)))), "bend", DataType.INT64)
                                .as("bend"));

        assertThat(run(ViewKind.PROJECT, body, ColumnContract.required("def_id", DataType.INT64),
                ColumnContract.required("bend", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of(1L, 50L), List.of(2L, 20L));
    }

    @Test
    void windowFunctionsRankAndRunWithinPartitions() {
        Field<Long> length = Exprs.minus(DEF_END, DEF_START);
        RelSpec body = RelSpec.scan("defs", "d")
                .window(WindowCall.rowNumber("rn", List.of(DEF_FILE), SortKey.asc(DEF_START), SortKey.asc(DEF_ID)),
                        WindowCall.rank("kind_rank", List.of(DEF_FILE), SortKey.asc(DEF_KIND)),
                        WindowCall.running("running_length", WindowFunction.SUM, length, List.of(DEF_FILE), SortKey.asc(DEF_START), SortKey.asc(DEF_ID)),
                        WindowCall.runningCount("running_count", List.of(), SortKey.asc(DEF_ID)),
                        WindowCall.overPartition("widest", WindowFunction.MAX, length, List.of(DEF_FILE)))
                .project(DEF_ID.as("def_id"), col("rn", DataType.INT64).as("rn"), col("kind_rank", DataType.INT64).as("kind_rank"),
                        col("running_length", DataType.INT64).as("running_length"), col("running_count", DataType.INT64).as("running_count"),
                        col("widest", DataType.INT64).as("widest"));

        assertThat(run(ViewKind.RANK, body, ColumnContract.required("def_id", DataType.INT64), ColumnContract.required("rn", DataType.INT64),
                ColumnContract.required("kind_rank", DataType.INT64), ColumnContract.optional("running_length", DataType.INT64),
                ColumnContract.required("running_count", DataType.INT64), ColumnContract.optional("widest", DataType.INT64)))
                .containsExactlyInAnyOrder(
                        List.of(1L, 1L, 1L, 50L, 1L, 50L), List.of(2L, 2L, 1L, 60L, 2L, 50L),
                        List.of(3L, 1L, 1L, 90L, 3L, 90L), List.of(4L, 2L, 2L, 100L, 4L, 90L), List.of(5L, 3L, 2L, 103L, 5L, 90L));
    }

    @Test
    void spanContainmentJoinIsAHashJoinOnTheFileWithARangeResidue() {
        Condition contains = CALL_FILE.eq(DEF_FILE).and(DEF_START.le(CALL_START)).and(CALL_END.le(DEF_END));
        RelSpec body = RelSpec.scan("defs", "d").join(RelSpec.scan("calls", "c"), JoinType.INNER, contains)
                .project(DEF_ID.as("def_id"), CALL_ID.as("call_id"));
        ColumnContract[] columns = {ColumnContract.required("def_id", DataType.INT64), ColumnContract.required("call_id", DataType.INT64)};

        assertThat(physical(ViewKind.JOIN, body, columns)).contains("EnumerableHashJoin").doesNotContain("NestedLoopJoin");
        assertThat(run(ViewKind.JOIN, body, columns)).containsExactlyInAnyOrder(
                List.of(1L, 100L), List.of(1L, 103L), List.of(2L, 100L), List.of(3L, 101L), List.of(4L, 101L), List.of(5L, 101L));
    }

    @Test
    void joinWithoutAnyEqualityStillRuns() {
        RelSpec body = RelSpec.scan("defs", "d").join(RelSpec.scan("calls", "c"), JoinType.INNER,
                        DEF_START.le(CALL_START).and(CALL_END.le(DEF_END)).and(CALL_START.ge(90L)))
                .project(DEF_ID.as("def_id"), CALL_ID.as("call_id"));

        assertThat(run(ViewKind.JOIN, body, ColumnContract.required("def_id", DataType.INT64), ColumnContract.required("call_id", DataType.INT64)))
                .isEmpty();
    }

    @Test
    void transitiveClosureOverACycleReachesItsFixpoint() {
        List<List<Object>> rows = run(ViewKind.FIXPOINT, closure(100), ColumnContract.required("src", DataType.INT64),
                ColumnContract.required("dst", DataType.INT64));

        assertThat(rows).containsExactlyInAnyOrder(
                List.of(1L, 1L), List.of(1L, 2L), List.of(1L, 3L),
                List.of(2L, 1L), List.of(2L, 2L), List.of(2L, 3L),
                List.of(3L, 1L), List.of(3L, 2L), List.of(3L, 3L),
                List.of(4L, 5L));
        assertThat(physical(ViewKind.FIXPOINT, closure(100), ColumnContract.required("src", DataType.INT64),
                ColumnContract.required("dst", DataType.INT64))).contains("EnumerableRepeatUnion");
    }

    @Test
    void roundsOfAFixpointAreRecorded() {
        ColumnContract[] columns = {ColumnContract.required("src", DataType.INT64), ColumnContract.required("dst", DataType.INT64)};
        EnumerableRel converging = execute(compile(ViewKind.FIXPOINT, closure(100), columns));
        EnumerableRel bounded = execute(compile(ViewKind.FIXPOINT, closure(1), columns));

        // Seed: 4 edges. Round 1: the 3 two-step paths; round 2: the 3 three-step paths (the cycle
        // closed, all new); round 3: 3 rows, all seen before, so the iteration stops.
        assertThat(FixpointRuns.of(converging)).containsExactly(new FixpointRun("reach$0", 100, List.of(4L, 3L, 3L, 3L)));
        assertThat(FixpointRuns.of(converging).get(0).iterations()).isEqualTo(3);
        assertThat(FixpointRuns.of(converging).get(0).reachedBound()).isFalse();
        assertThat(FixpointRuns.of(bounded)).containsExactly(new FixpointRun("reach$0", 1, List.of(4L, 3L)));
        assertThat(FixpointRuns.of(bounded).get(0).reachedBound()).isTrue();
    }

    private EnumerableRel execute(RelNode compiled) {
        EnumerableRel physical = QueryPlanner.create(List.of(), Set.of()).plan(compiled).physical();
        try (Enumerator<?> rows = new PlanExecutor(fixture.root().plus(), fixture.typeFactory(), 0L).rows(physical)) {
            while (rows.moveNext()) {
                rows.current();
            }
        }
        return physical;
    }

    @Test
    void fixpointAndUnionByNameRowsBecomeArrowBatches() throws Exception {
        RelSpec body = RelSpec.unionAllByName(
                closure(100).as("r").project(col("r", "src", DataType.INT64).as("src"), col("r", "dst", DataType.INT64).as("dst")),
                RelSpec.scan("defs", "d").filter(DEF_ID.eq(1L)).project(DEF_ID.as("src"), DEF_NAME.as("name")));
        EnumerableRel physical = QueryPlanner.create(List.of(), Set.of()).plan(compile(ViewKind.FIXPOINT, body,
                ColumnContract.required("src", DataType.INT64), ColumnContract.optional("dst", DataType.INT64),
                ColumnContract.optional("name", DataType.STRING))).physical();

        List<String> rows = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator(64L << 20);
                RowBatchReader reader = new PlanExecutor(fixture.root().plus(), fixture.typeFactory(), 0L)
                        .batches(physical, allocator, BatchLimits.DEFAULT)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                for (int i = 0; i < root.getRowCount(); i++) {
                    rows.add(root.getVector("src").getObject(i) + "->" + root.getVector("dst").getObject(i) + ":" + root.getVector("name").getObject(i));
                }
            }
        }

        assertThat(rows).hasSize(11).contains("3->3:null", "4->5:null", "1->null:f");
    }

    @Test
    void aFixpointAndACorrelatedExistsPlanTogether() {
        // Definitions reachable from 1 in the call graph that are also called somewhere.
        RelSpec body = closure(100).as("r").filter(col("r", "src", DataType.INT64).eq(1L))
                .join(RelSpec.scan("defs", "d"), JoinType.INNER, col("r", "dst", DataType.INT64).eq(DEF_ID))
                .whereExists(RelSpec.scan("calls", "c").filter(CALLEE.eq(DEF_NAME)))
                .project(DEF_ID.as("def_id"));

        assertThat(run(ViewKind.FIXPOINT, body, ColumnContract.required("def_id", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of(1L), List.of(2L));
    }

    @Test
    void aViewFirstReachedInsideASubqueryCannotSeeTheOuterRow() {
        // The view's body says d.name but scans calls as c: only the enclosing row has a d.
        SemanticSpec spec = inputs()
                .view("leaky", ViewKind.FILTER, RelSpec.scan("calls", "c").filter(CALLEE.eq(DEF_NAME)))
                .view("v", ViewKind.FILTER, RelSpec.scan("defs", "d").whereExists(RelSpec.scan("leaky")).project(DEF_ID.as("def_id")))
                .output("v", "v", "cpg/v", WriteMode.OVERWRITE, SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .build();

        assertThatThrownBy(() -> compiler.compile(spec, fixture.builder()))
                .hasMessageContaining("view 'leaky'").hasMessageContaining("column reference d.name matches none of");
    }

    @Test
    void iterationBoundStopsTheRecursion() {
        // The seed is the 4 edges; one round adds the 2-step paths 1->3, 2->1, 3->2 and nothing else.
        assertThat(run(ViewKind.FIXPOINT, closure(1), ColumnContract.required("src", DataType.INT64),
                ColumnContract.required("dst", DataType.INT64))).hasSize(7);
    }

    @Test
    void scopeChainAncestorsAreARecursiveView() {
        Field<Long> scopeId = col("s", "scope_id", DataType.INT64);
        Field<Long> parentId = col("s", "parent_id", DataType.INT64);
        RelSpec seed = RelSpec.scan("scopes", "s").filter(parentId.isNotNull())
                .project(scopeId.as("scope_id"), parentId.as("ancestor_id"));
        RelSpec step = RelSpec.scan("ancestors", "a")
                .join(RelSpec.scan("scopes", "s"), JoinType.INNER, col("a", "ancestor_id", DataType.INT64).eq(scopeId))
                .filter(parentId.isNotNull())
                .project(col("a", "scope_id", DataType.INT64).as("scope_id"), parentId.as("ancestor_id"));

        assertThat(run(ViewKind.FIXPOINT, RecursiveRel.fixpoint("ancestors", seed, step, 50),
                ColumnContract.required("scope_id", DataType.INT64), ColumnContract.required("ancestor_id", DataType.INT64)))
                .containsExactlyInAnyOrder(List.of(2L, 1L), List.of(3L, 2L), List.of(3L, 1L), List.of(4L, 1L));
    }

    @Test
    void recursiveStepOfAnotherTypeIsNamed() {
        RelSpec seed = RelSpec.scan("edges", "e").project(col("e", "src", DataType.INT64).as("src"));
        RelSpec step = RelSpec.scan("reach", "r").project(Exprs.cast(col("r", "src", DataType.INT64), DataType.STRING).as("src"));

        assertThatThrownBy(() -> run(ViewKind.FIXPOINT, RecursiveRel.fixpoint("reach", seed, step, 5),
                ColumnContract.required("src", DataType.INT64)))
                .hasMessageContaining("the step of recursive relation 'reach' gives column 1 type STRING but the seed's 'src' is INT64");
    }

    @Test
    void templateInstancesArePerTableViewsStackedIntoOne() {
        RelTemplate nodes = RelTemplate.of("nodes", List.of("table", "id", "kind"), args -> RelSpec.scan(args.get("table"), "t")
                .project(col("t", args.get("id"), DataType.INT64).as("node_id"), Exprs.val(args.get("kind")).as("node_kind"),
                        col("t", "bstart", DataType.INT64).as("bstart")));
        List<TemplateInstance> instances = nodes.instantiateAll(List.of(List.of("defs", "def_id", "PY_DEF"), List.of("calls", "call_id", "PY_CALL")));
        SemanticSpecBuilder spec = inputs();
        for (TemplateInstance instance : instances) {
            spec.view(instance.name(), ViewKind.PROJECT, instance.body());
        }
        spec.view("all_nodes", ViewKind.UNION, RelSpec.unionAllByName(RelSpec.scan("nodes__defs__def_id__PY_DEF"),
                        RelSpec.scan("nodes__calls__call_id__PY_CALL")))
                .output("all_nodes", "all_nodes", "cpg/all_nodes", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("node_id", DataType.INT64), ColumnContract.required("node_kind", DataType.STRING),
                        ColumnContract.required("bstart", DataType.INT64)));

        CompiledSpec compiled = compiler.compile(spec.build(), fixture.builder());

        assertThat(instances).extracting(TemplateInstance::name).containsExactly("nodes__defs__def_id__PY_DEF", "nodes__calls__call_id__PY_CALL");
        assertThat(Rows.of(fixture, compiled.output("all_nodes"))).extracting(row -> row.get(1) + ":" + row.get(0)).containsExactlyInAnyOrder(
                "PY_DEF:1", "PY_DEF:2", "PY_DEF:3", "PY_DEF:4", "PY_DEF:5", "PY_CALL:100", "PY_CALL:101", "PY_CALL:102", "PY_CALL:103");
        assertThat(nodes.unionAllByName(List.of(List.of("defs", "def_id", "PY_DEF"), List.of("calls", "call_id", "PY_CALL"))))
                .isEqualTo(RelSpec.unionAllByName(instances.get(0).body(), instances.get(1).body()));
    }

    @Test
    void planTextIsStableAcrossCompilations() {
        RelSpec body = RelSpec.scan("defs", "d").whereExists(RelSpec.scan("calls", "c").filter(CALLEE.eq(DEF_NAME)))
                .window(WindowCall.rowNumber("rn", List.of(DEF_FILE), SortKey.asc(DEF_ID)))
                .project(DEF_ID.as("def_id"), col("rn", DataType.INT64).as("rn"));
        ColumnContract[] columns = {ColumnContract.required("def_id", DataType.INT64), ColumnContract.required("rn", DataType.INT64)};

        assertThat(physical(ViewKind.RANK, body, columns)).isEqualTo(physical(ViewKind.RANK, body, columns));
        assertThat(physical(ViewKind.FIXPOINT, closure(10), ColumnContract.required("src", DataType.INT64), ColumnContract.required("dst", DataType.INT64)))
                .isEqualTo(physical(ViewKind.FIXPOINT, closure(10), ColumnContract.required("src", DataType.INT64), ColumnContract.required("dst", DataType.INT64)));
    }

    /** Every pair (a, b) with a path from a to b over {@code edges}. */
    private static RecursiveRel closure(int maxIterations) {
        RelSpec seed = RelSpec.scan("edges", "e").project(col("e", "src", DataType.INT64).as("src"), col("e", "dst", DataType.INT64).as("dst"));
        RelSpec step = RelSpec.scan("reach", "r")
                .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "dst", DataType.INT64).eq(col("e", "src", DataType.INT64)))
                .project(col("r", "src", DataType.INT64).as("src"), col("e", "dst", DataType.INT64).as("dst"));
        return RecursiveRel.fixpoint("reach", seed, step, maxIterations);
    }

    private List<List<Object>> run(ViewKind kind, RelSpec body, ColumnContract... columns) {
        return Rows.of(fixture, compile(kind, body, columns));
    }

    private String physical(ViewKind kind, RelSpec body, ColumnContract... columns) {
        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(compile(kind, body, columns));
        return RelOptUtil.toString(planned.physical());
    }

    private RelNode compile(ViewKind kind, RelSpec body, ColumnContract... columns) {
        SemanticSpec spec = inputs().view("v", kind, body)
                .output("v", "v", "cpg/v", WriteMode.OVERWRITE, SchemaContract.of(1, columns))
                .build();
        return compiler.compile(spec, fixture.builder()).output("v");
    }

    private static SemanticSpecBuilder inputs() {
        return SemanticSpec.builder("forms", "1")
                .input("defs", SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .input("calls", SchemaContract.of(1, ColumnContract.required("call_id", DataType.INT64)))
                .input("edges", SchemaContract.of(1, ColumnContract.required("src", DataType.INT64)))
                .input("scopes", SchemaContract.of(1, ColumnContract.required("scope_id", DataType.INT64)))
                .input("adjacency", SchemaContract.of(1, ColumnContract.required("node", DataType.INT64)));
    }
}
