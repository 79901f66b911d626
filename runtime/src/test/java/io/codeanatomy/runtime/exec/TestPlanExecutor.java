package io.codeanatomy.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.QueryPlanner;
import io.codeanatomy.runtime.testing.MemoryTable;
import io.codeanatomy.runtime.testing.PlanningFixture;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestPlanExecutor {
    private final BufferAllocator allocator = new RootAllocator(256L << 20);
    private final PlanningFixture fixture = new PlanningFixture()
            .add("defs", new MemoryTable(tf -> tf.builder()
                    .add("def_id", SqlTypeName.BIGINT)
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("name", SqlTypeName.VARCHAR).nullable(true)
                    .build(), defs(10_000)))
            .add("files", new MemoryTable(tf -> tf.builder()
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("path", SqlTypeName.VARCHAR)
                    .build(), files(100)));

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void hashJoinPlanReturnsTheJoinedRows() {
        PlannedQuery planned = plan(joinPlan(fixture.builder()));
        assertThat(planned.physicalText()).contains("EnumerableHashJoin");

        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<?> e = executor().rows(planned.physical())) {
            while (e.moveNext()) {
                rows.add((Object[]) e.current());
            }
        }

        assertThat(rows).hasSize(10_000);
        assertThat(rows).allSatisfy(row -> {
            long defId = (Long) row[0];
            assertThat(row[2]).isEqualTo("src/m" + (defId % 100) + ".py");
        });
    }

    @Test
    void batchesAreBoundedByRowsAndCarryNulls() throws Exception {
        PlannedQuery planned = plan(joinPlan(fixture.builder()));
        List<Integer> batchSizes = new ArrayList<>();
        long nulls = 0;
        long defIdSum = 0;

        try (RowBatchReader reader = executor().batches(planned.physical(), allocator, new BatchLimits(3_000, 1L << 30))) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getSchema().findField("def_id").getType()).isEqualTo(new ArrowType.Int(64, true));
            assertThat(root.getSchema().findField("name").isNullable()).isTrue();
            while (reader.loadNextBatch()) {
                batchSizes.add(root.getRowCount());
                BigIntVector ids = (BigIntVector) root.getVector("def_id");
                VarCharVector names = (VarCharVector) root.getVector("name");
                for (int i = 0; i < root.getRowCount(); i++) {
                    defIdSum += ids.get(i);
                    if (names.isNull(i)) {
                        nulls++;
                        assertThat(ids.get(i) % 7).isZero();
                    } else {
                        assertThat(new String(names.get(i), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("d" + ids.get(i));
                    }
                }
            }
            assertThat(reader.rowCount()).isEqualTo(10_000);
        }

        assertThat(batchSizes).containsExactly(3_000, 3_000, 3_000, 1_000);
        assertThat(nulls).isEqualTo((10_000 + 6) / 7);
        assertThat(defIdSum).isEqualTo(10_000L * 9_999 / 2);
    }

    @Test
    void batchesAreBoundedByBytes() throws Exception {
        PlannedQuery planned = plan(joinPlan(fixture.builder()));
        int batches = 0;
        try (RowBatchReader reader = executor().batches(planned.physical(), allocator, new BatchLimits(1 << 20, 16 * 1024))) {
            while (reader.loadNextBatch()) {
                batches++;
                assertThat(reader.getVectorSchemaRoot().getRowCount()).isLessThan(10_000);
            }
            assertThat(reader.rowCount()).isEqualTo(10_000);
        }
        assertThat(batches).isGreaterThan(5);
    }

    @Test
    void singleColumnPlansAndComputedTypesBecomeArrow() throws Exception {
        RelBuilder b = fixture.builder();
        RelNode plan = b.scan("files")
                .aggregate(b.groupKey(), b.count(false, "n"))
                .project(b.cast(b.call(SqlStdOperatorTable.DIVIDE, b.cast(b.field("n"), SqlTypeName.DECIMAL, 10, 2),
                        b.literal(new BigDecimal("4"))), SqlTypeName.DECIMAL, 10, 2))
                .build();
        try (RowBatchReader reader = executor().batches(plan(plan).physical(), allocator, BatchLimits.DEFAULT)) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getRowCount()).isEqualTo(1);
            assertThat(root.getVector(0).getObject(0)).isEqualTo(new BigDecimal("25.00"));
            assertThat(reader.loadNextBatch()).isFalse();
        }
    }

    @Test
    void listsAndStructsBecomeArrowListsAndStructs() throws Exception {
        RelBuilder b = fixture.builder();
        RelNode plan = b.scan("files")
                .filter(b.lessThan(b.field("file_id"), b.literal(3)))
                .project(b.field("file_id"), b.call(SqlStdOperatorTable.ROW, b.field("file_id"), b.field("path")))
                .aggregate(b.groupKey(), b.aggregateCall(SqlLibraryOperators.ARRAY_AGG, b.field(1))
                        .sort(b.field(0)).as("entries"))
                .build();
        try (RowBatchReader reader = executor().batches(plan(plan).physical(), allocator, BatchLimits.DEFAULT)) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            ListVector entries = (ListVector) root.getVector("entries");
            assertThat(entries.getField().getChildren().get(0).getType()).isEqualTo(ArrowType.Struct.INSTANCE);
            assertThat(entries.getObject(0)).hasSize(3);
            assertThat(entries.getObject(0).toString()).isEqualTo(
                    "[{\"EXPR$0\":0,\"EXPR$1\":\"src/m0.py\"},{\"EXPR$0\":1,\"EXPR$1\":\"src/m1.py\"},{\"EXPR$0\":2,\"EXPR$1\":\"src/m2.py\"}]");
        }
    }

    @Test
    void everyOperatorIsMeteredWithItsRowsAndTheRowsAreThoseOfTheUnmeteredPlan() {
        RelBuilder b = fixture.builder();
        RelNode grouped = b.push(joinPlan(b)).aggregate(b.groupKey("path"), b.countStar("n")).build();
        PlannedQuery planned = plan(grouped);
        PlanExecutor executor = executor();

        List<String> plain = drain(executor.rows(planned.physical()));
        List<String> metered = drain(executor.rows(planned.physical(), "per_file"));

        assertThat(metered).hasSize(100).isEqualTo(plain);
        List<OperatorMetrics> metrics = executor.operatorMetrics();
        // One entry per operator of P2, root first; the root's rows are the plan's.
        long operators = planned.physicalText().lines().count();
        assertThat(metrics).hasSize((int) operators);
        assertThat(metrics).extracting(OperatorMetrics::plan).containsOnly("per_file");
        assertThat(metrics.get(0).path()).isEqualTo("0");
        assertThat(metrics.get(0).rowsOut()).isEqualTo(100);
        assertThat(metrics).filteredOn(m -> m.operator().equals("EnumerableHashJoin"))
                .singleElement().satisfies(join -> assertThat(join.rowsOut()).isEqualTo(10_000));
        // The join's inputs hand it the two tables' rows.
        OperatorMetrics join = metrics.stream().filter(m -> m.operator().equals("EnumerableHashJoin")).findFirst().orElseThrow();
        assertThat(metrics).filteredOn(m -> m.path().startsWith(join.path() + ".") && m.path().length() == join.path().length() + 2)
                .extracting(OperatorMetrics::rowsOut).containsExactlyInAnyOrder(10_000L, 100L);
        assertThat(metrics).allSatisfy(m -> assertThat(m.selfNanos()).isBetween(0L, m.inclusiveNanos()));
        assertThat(metrics.get(0).inclusiveNanos()).isPositive();
    }

    @Test
    void aPlanCompiledAheadRunsOnceUnderItsNameWithTheRowsAndMetricsOfOneCompiledWhenItRuns() {
        RelBuilder b = fixture.builder();
        PlannedQuery planned = plan(b.push(joinPlan(b)).aggregate(b.groupKey("path"), b.countStar("n")).build());
        PlanExecutor now = executor();
        List<String> expected = drain(now.rows(planned.physical(), "per_file"));
        PlanExecutor ahead = executor();

        ahead.prepare(planned.physical(), "per_file");
        ahead.prepare(planned.physical(), "other_name");
        List<String> first = drain(ahead.rows(planned.physical(), "per_file"));
        ahead.prepare(planned.physical(), "per_file");
        List<String> again = drain(ahead.rows(planned.physical(), "per_file"));

        assertThat(first).hasSize(100).isEqualTo(expected);
        assertThat(again).isEqualTo(expected);
        // A plan prepared under another name runs under the name it is run with.
        assertThat(ahead.operatorMetrics()).extracting(OperatorMetrics::plan).containsOnly("per_file");
        assertThat(ahead.operatorMetrics()).extracting(OperatorMetrics::rowsOut)
                .isEqualTo(now.operatorMetrics().stream().map(OperatorMetrics::rowsOut).toList());
        ahead.prepare(planned.physical(), "per_file");
        ahead.discardPrepared();
        assertThat(drain(ahead.rows(planned.physical(), "per_file"))).isEqualTo(expected);
    }

    /** The rows, each as {@link Arrays#deepToString}; closes the enumerator. */
    static List<String> drain(Enumerator<?> rows) {
        List<String> out = new ArrayList<>();
        try (rows) {
            while (rows.moveNext()) {
                out.add(Arrays.deepToString((Object[]) rows.current()));
            }
        }
        return out;
    }

    private PlanExecutor executor() {
        return new PlanExecutor(fixture.root().plus(), fixture.typeFactory(), 0L);
    }

    private static PlannedQuery plan(RelNode plan) {
        return QueryPlanner.create(List.of(), Set.of()).plan(plan);
    }

    private static RelNode joinPlan(RelBuilder b) {
        return b.scan("defs").scan("files")
                .join(JoinRelType.INNER, b.equals(b.field(2, 0, "file_id"), b.field(2, 1, "file_id")))
                .project(b.field("def_id"), b.field("name"), b.field("path"))
                .build();
    }

    private static List<Object[]> defs(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {(long) i, i % 100, i % 7 == 0 ? null : "d" + i});
        }
        return rows;
    }

    private static List<Object[]> files(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {i, "src/m" + i + ".py"});
        }
        return rows;
    }
}
