package io.codeanatomy.runtime.plan;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.GroupBound;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SemiNaiveRel;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.SemanticSpecBuilder;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.compile.SpecCompiler;
import io.codeanatomy.runtime.exec.FixpointRun;
import io.codeanatomy.runtime.exec.FixpointRuns;
import io.codeanatomy.runtime.exec.PlanExecutor;
import io.codeanatomy.runtime.function.FunctionRegistry;
import io.codeanatomy.runtime.plan.export.PlanDot;
import io.codeanatomy.runtime.plan.export.PlanJson;
import io.codeanatomy.runtime.plan.export.PlanSql;
import io.codeanatomy.runtime.plan.export.PlanSubstrait;
import io.codeanatomy.runtime.result.RunRecords;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.MemoryTable;
import io.codeanatomy.runtime.testing.PlanningFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * The semi-naive fixpoint operator: non-linear rules against closures computed in Java, a two-relation
 * encoding like points-to's, the bound, determinism, plan text and the rule switch.
 */
class TestSemiNaiveFixpoint {
    private static final Field<Long> SRC = col("e", "src", DataType.INT64);
    private static final Field<Long> DST = col("e", "dst", DataType.INT64);
    /** Kinds of differing lengths, so a literal padded to another's length would no longer match. */
    private static final List<String> KINDS = List.of("k", "kind", "kk");
    private static final ColumnContract[] PAIR = {ColumnContract.required("src", DataType.INT64), ColumnContract.required("dst", DataType.INT64)};

    private final SpecCompiler compiler = new SpecCompiler(FunctionRegistry.empty());

    /** path(x, y) :- edges(x, y).  path(x, z) :- path(x, y), path(y, z). */
    private static SemiNaiveRel squareClosure(int bound) {
        RelSpec seed = RelSpec.scan("edges", "e").project(SRC.as("src"), DST.as("dst"));
        RelSpec square = RelSpec.scan("path", "a")
                .join(RelSpec.scan("path", "b"), JoinType.INNER, col("a", "dst", DataType.INT64).eq(col("b", "src", DataType.INT64)))
                .project(col("a", "src", DataType.INT64).as("src"), col("b", "dst", DataType.INT64).as("dst"));
        return SemiNaiveRel.ofRules("path", seed, List.of(square), bound);
    }

    @Test
    void aNonLinearClosureOfGraphsWithCyclesIsTheirTransitiveClosure() {
        Random random = new Random(7);
        List<List<long[]>> graphs = new ArrayList<>();
        graphs.add(ring(16));
        graphs.add(List.of(new long[] {1, 1}));
        for (int g = 0; g < 4; g++) {
            List<long[]> edges = new ArrayList<>();
            int nodes = 10 + 15 * g;
            for (int i = 0; i < nodes * 2; i++) {
                edges.add(new long[] {random.nextInt(nodes), random.nextInt(nodes)});
            }
            graphs.add(edges);
        }
        for (List<long[]> edges : graphs) {
            PlanningFixture fixture = fixture(edges);
            EnumerableRel physical = plan(compile(fixture, squareClosure(100), PAIR));
            List<List<Object>> rows = rows(fixture, physical);
            Set<List<Object>> expected = closure(edges);

            assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            FixpointRun run = FixpointRuns.of(physical).get(0);
            assertThat(run.newRowsPerRound().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.size());
            assertThat(run.newRowsPerRound().get(run.newRowsPerRound().size() - 1)).isZero();
            assertThat(run.reachedBound()).isFalse();
            assertThat(run.nanosPerRound()).hasSameSizeAs(run.rowsPerRound());
        }
    }

    @Test
    void pathDoublingOnARingTakesLogarithmicallyManyRounds() {
        PlanningFixture fixture = fixture(ring(16));
        EnumerableRel physical = plan(compile(fixture, squareClosure(100), PAIR));
        rows(fixture, physical);

        // Paths of length 1; then up to 2, 4, 8, 16 (all 256 pairs); then a round with nothing new.
        assertThat(FixpointRuns.of(physical)).containsExactly(new FixpointRun("path$0", 100,
                FixpointRuns.of(physical).get(0).rowsPerRound(), List.of(16L, 16L, 32L, 64L, 128L, 0L),
                FixpointRuns.of(physical).get(0).nanosPerRound(), List.of(), 0, FixpointRuns.of(physical).get(0).cpuNanosPerBranch(),
                FixpointRuns.of(physical).get(0).rowsPerBranch()));
        assertThat(FixpointRuns.of(physical).get(0).iterations()).isEqualTo(5);
    }

    @Test
    void aRuleOverTheRelationTwiceJoinsTwoNewRowsOnceByReadingTheOldRowsBeforeTheDelta() {
        PlanningFixture fixture = fixture(ring(16));
        SemiNaiveRel withOld = squareClosure(100);
        RelSpec square = RelSpec.scan("path", "a")
                .join(RelSpec.scan("path", "b"), JoinType.INNER, col("a", "dst", DataType.INT64).eq(col("b", "src", DataType.INT64)))
                .project(col("a", "src", DataType.INT64).as("src"), col("b", "dst", DataType.INT64).as("dst"));
        SemiNaiveRel totalTwice = new SemiNaiveRel("path$delta", "path", withOld.seed(),
                SemiNaiveRel.differentiate(square, "path", "path$delta", "path"), 100);
        EnumerableRel physicalWithOld = plan(compile(fixture, withOld, PAIR));
        EnumerableRel physicalTotalTwice = plan(compile(fixture, totalTwice, PAIR));

        assertThat(rows(fixture, physicalWithOld)).isEqualTo(rows(fixture, physicalTotalTwice)).hasSize(256);
        assertThat(RelOptUtil.toString(physicalWithOld)).contains("path$0$old");
        FixpointRun old = FixpointRuns.of(physicalWithOld).get(0);
        FixpointRun twice = FixpointRuns.of(physicalTotalTwice).get(0);
        // Paths of distance d on the ring: round r's delta is distances (2^(r-2), 2^(r-1)]; with the old rows
        // (distances up to 2^(r-2)) before the delta, a pair of two new paths is joined once, not twice.
        assertThat(old.newRowsPerRound()).isEqualTo(twice.newRowsPerRound()).containsExactly(16L, 16L, 32L, 64L, 128L, 0L);
        assertThat(old.rowsPerRound()).containsExactly(16L, 16L, 48L, 192L, 768L, 3072L);
        assertThat(twice.rowsPerRound()).containsExactly(16L, 32L, 64L, 256L, 1024L, 4096L);
    }

    @Test
    void aGroupBoundKeepsTheFirstRowsInTextOrderOfTheRoundThatFillsTheGroupAndNoMore() {
        PlanningFixture fixture = fixture(ring(16));
        // Node 0 keeps at most 5 paths; the other nodes' paths need none of those it drops.
        SemiNaiveRel bounded = squareClosure(100).bounded(List.of(GroupBound.of(Map.of("src", "0"), List.of("src"), 5)));
        EnumerableRel physical = plan(compile(fixture, bounded, PAIR));
        List<List<Object>> rows = rows(fixture, physical);

        // Paths from 0 of length 1, then 2, then 3 and 4 (4 in all); round 3 brings 5 to 8, of which "5" comes first as text.
        assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ringClosureWithNodeZeroReaching(16, 5));
        FixpointRun run = FixpointRuns.of(physical).get(0);
        // One round more than unbounded: some paths of length 16 went through node 0's dropped ones.
        assertThat(run.droppedRowsPerRound()).containsExactly(0L, 0L, 0L, 3L, 0L, 0L, 0L);
        assertThat(run.droppedRows()).isEqualTo(3);
        assertThat(run.fullGroups()).isEqualTo(1);
        assertThat(run.reachedBound()).isFalse();
        assertThat(RelOptUtil.toString(physical)).contains("bounds=[[src='0' per src <= 5]]");
    }

    @Test
    void aGroupBoundThatWaitsForTheRelationToGrowAppliesFromTheFirstRoundThatStartsThatLarge() {
        PlanningFixture fixture = fixture(ring(16));
        // Rounds start with 16, 32, 64 and 128 rows: from 65 rows the bound applies in round 4 only, when node 0 holds
        // its 8 paths of length 1 to 8 already; it keeps them and takes none of length 9 to 16.
        SemiNaiveRel waiting = squareClosure(100).bounded(List.of(GroupBound.of(Map.of("src", "0"), List.of("src"), 5).fromRows(65)));
        EnumerableRel physical = plan(compile(fixture, waiting, PAIR));
        List<List<Object>> rows = rows(fixture, physical);

        assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ringClosureWithNodeZeroReaching(16, 8));
        FixpointRun run = FixpointRuns.of(physical).get(0);
        assertThat(run.newRowsPerRound()).containsExactly(16L, 16L, 32L, 64L, 120L, 0L);
        assertThat(run.fullGroups()).isEqualTo(1);
        assertThat(RelOptUtil.toString(physical)).contains("bounds=[[src='0' per src <= 5 from 65 rows]]");

        // Below its size the bound never applies: the whole closure, no full group.
        SemiNaiveRel neverReached = squareClosure(100).bounded(List.of(GroupBound.of(Map.of("src", "0"), List.of("src"), 5).fromRows(257)));
        EnumerableRel unbounded = plan(compile(fixture, neverReached, PAIR));
        assertThat(rows(fixture, unbounded)).containsExactlyInAnyOrderElementsOf(closure(ring(16)));
        assertThat(FixpointRuns.of(unbounded).get(0).fullGroups()).isZero();
    }

    @Test
    void twoBoundsOnOneColumnCountTheirGroupsApartAndABoundOnAnotherDropsNothingBelowItsLimit() {
        PlanningFixture fixture = fixture(ring(16));
        // Nodes 0 and 1 keep at most 5 paths each, each counted by its own bound; a bound per dst that never fills
        // (16 sources at most) drops nothing.
        SemiNaiveRel bounded = squareClosure(100).bounded(List.of(GroupBound.of(Map.of("src", "0"), List.of("src"), 5),
                GroupBound.of(Map.of("dst", "3"), List.of("dst"), 20), GroupBound.of(Map.of("src", "1"), List.of("src"), 5)));
        EnumerableRel physical = plan(compile(fixture, bounded, PAIR));
        List<List<Object>> rows = rows(fixture, physical);

        // As node 0 keeps paths to 1..5, node 1 keeps those to 2..6: round 3 brings 6 to 9, of which "6" comes first as text.
        Set<List<Object>> expected = new HashSet<>();
        for (List<Object> path : ringClosureWithNodeZeroReaching(16, 5)) {
            if ((Long) path.get(0) != 1L) {
                expected.add(path);
            }
        }
        for (long dst = 2; dst <= 6; dst++) {
            expected.add(List.of(1L, dst));
        }
        assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        FixpointRun run = FixpointRuns.of(physical).get(0);
        assertThat(run.droppedRows()).isEqualTo(6);
        assertThat(run.fullGroups()).isEqualTo(2);
    }

    /** Every path of a ring of {@code size} nodes, except that node 0 reaches nodes 1 to {@code lastDst} only. */
    private static Set<List<Object>> ringClosureWithNodeZeroReaching(int size, long lastDst) {
        Set<List<Object>> expected = new HashSet<>();
        for (List<Object> path : closure(ring(size))) {
            if ((Long) path.get(0) != 0L) {
                expected.add(path);
            }
        }
        for (long dst = 1; dst <= lastDst; dst++) {
            expected.add(List.of(0L, dst));
        }
        return expected;
    }

    @Test
    void aGroupBoundOnAColumnTheRelationLacksIsAnErrorNamingIt() {
        PlanningFixture fixture = fixture(ring(4));
        SemiNaiveRel bounded = squareClosure(100).bounded(List.of(GroupBound.of(Map.of("kind", "P"), List.of("src"), 5)));

        assertThatThrownBy(() -> compile(fixture, bounded, PAIR))
                .hasStackTraceContaining("A group bound of fixpoint 'path' names column 'kind', which it does not have; its columns are [src, dst].");
    }

    @Test
    void theRunRecordListsEachFixpointThatRanWithItsRounds() {
        PlanningFixture fixture = fixture(ring(16));
        PlannedQuery ran = QueryPlanner.create(List.of(), Set.of()).plan(compile(fixture, squareClosure(100), PAIR));
        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(compile(fixture, squareClosure(4), PAIR));
        rows(fixture, ran.physical());

        List<Object> record = RunRecords.fixpoints(new TreeMap<>(Map.of("ran", ran, "only_planned", planned)));

        assertThat(record).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) record.get(0);
        assertThat(entry).containsEntry("plan", "ran").containsEntry("fixpoint", "path$0").containsEntry("maxIterations", 100)
                .containsEntry("iterations", 5).containsEntry("reachedBound", false)
                .containsEntry("newRowsPerRound", List.of(16L, 16L, 32L, 64L, 128L, 0L));
        assertThat((List<?>) entry.get("millisPerRound")).hasSize(6);
        // path(x, z) :- path(x, y), path(y, z) is two branches, the delta on either side; their rows are the step rounds'.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> branches = (List<Map<String, Object>>) entry.get("branches");
        assertThat(branches).extracting(branch -> branch.get("branch")).containsExactly(0, 1);
        @SuppressWarnings("unchecked")
        List<Long> rowsPerRound = (List<Long>) entry.get("rowsPerRound");
        assertThat(branches.stream().mapToLong(branch -> (Long) branch.get("rows")).sum())
                .isEqualTo(rowsPerRound.stream().skip(1).mapToLong(Long::longValue).sum());
    }

    @Test
    void aOneColumnFixpointRunsToo() {
        // reach(y) :- y = 1.  reach(y) :- reach(x), edges(x, y).
        PlanningFixture fixture = fixture(List.of(new long[] {1, 2}, new long[] {2, 3}, new long[] {3, 1}, new long[] {4, 5}));
        RelSpec seed = RelSpec.scan("edges", "e").filter(SRC.eq(1L)).project(SRC.as("node"));
        RelSpec step = RelSpec.scan("reach", "r")
                .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "node", DataType.INT64).eq(SRC))
                .project(DST.as("node"));

        assertThat(rows(fixture, plan(compile(fixture, SemiNaiveRel.ofRules("reach", seed, List.of(step), 10),
                ColumnContract.required("node", DataType.INT64))))).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void twoRelationsInOneWithADiscriminatorGiveTheirJavaFixpoint() {
        Random random = new Random(11);
        Program program = Program.random(random, 40, 12, 3);
        PlanningFixture fixture = program.fixture();
        EnumerableRel physical = plan(compile(fixture, program.rules(), Program.COLUMNS));
        List<List<Object>> rows = rows(fixture, physical);

        assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(program.expected());
        assertThat(rows).anyMatch(row -> row.get(0).equals("field")).anyMatch(row -> row.get(0).equals("pts"));
        // Loads through fields need the field facts of earlier rounds: more than the seed's worth of rounds.
        assertThat(FixpointRuns.of(physical).get(0).iterations()).isGreaterThan(2);
    }

    @Test
    void reachingTheBoundStopsWithTheRowsSoFarAndTheMetricsSaySo() {
        List<long[]> chain = new ArrayList<>();
        for (long i = 0; i < 64; i++) {
            chain.add(new long[] {i, i + 1});
        }
        PlanningFixture fixture = fixture(chain);
        EnumerableRel physical = plan(compile(fixture, squareClosure(3), PAIR));
        List<List<Object>> rows = rows(fixture, physical);

        // Three rounds of doubling reach the paths of length at most 8.
        Set<List<Object>> expected = new HashSet<>();
        for (long i = 0; i <= 64; i++) {
            for (long j = i + 1; j <= Math.min(64, i + 8); j++) {
                expected.add(List.of(i, j));
            }
        }
        assertThat(rows).hasSize(484).containsExactlyInAnyOrderElementsOf(expected);
        FixpointRun run = FixpointRuns.of(physical).get(0);
        assertThat(run.iterations()).isEqualTo(3);
        assertThat(run.reachedBound()).isTrue();
        assertThat(run.newRowsPerRound()).containsExactly(64L, 63L, 123L, 234L);
    }

    @Test
    void rowsComeInTheOrderFirstDerivedOnEveryRun() {
        Random random = new Random(3);
        List<long[]> edges = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            edges.add(new long[] {random.nextInt(60), random.nextInt(60)});
        }
        PlanningFixture fixture = fixture(edges);
        List<List<Object>> first = rows(fixture, plan(compile(fixture, squareClosure(100), PAIR)));

        for (int i = 0; i < 3; i++) {
            assertThat(rows(fixture, plan(compile(fixture, squareClosure(100), PAIR)))).isEqualTo(first);
        }
        // The seed's rows come first, in the seed's order, each once.
        List<List<Object>> seed = new ArrayList<>(new LinkedHashSet<>(edges.stream().map(e -> List.<Object>of(e[0], e[1])).toList()));
        assertThat(first.subList(0, seed.size())).isEqualTo(seed);
    }

    @Test
    void aDagOfFixpointsGivesTheSameRowsInTheSameOrderWithOneOrFourWorkers() {
        Random random = new Random(5);
        List<long[]> edges = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            edges.add(new long[] {random.nextInt(40), random.nextInt(40)});
        }
        Map<String, List<List<Object>>> oneWorker = runDag(edges, 1);

        assertThat(oneWorker).containsOnlyKeys("path", "from_zero", "to_zero", "other");
        assertThat(oneWorker.get("path")).containsExactlyInAnyOrderElementsOf(closure(edges));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(runDag(edges, 4)).isEqualTo(oneWorker);
        }
    }

    @Test
    void thePlansShowTheOperatorAndTheScansOfItsTables() {
        PlanningFixture fixture = fixture(ring(4));
        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(compile(fixture, squareClosure(100), PAIR));

        assertThat(RelOptUtil.toString(planned.optimized()))
                .contains("LogicalSemiNaiveFixpoint(name=[path$0], delta=[path$delta$0], maxIterations=[100])")
                .contains("LogicalTableScan(table=[[path$delta$0]])")
                .contains("LogicalTableScan(table=[[path$0]])");
        assertThat(RelOptUtil.toString(planned.physical()))
                .contains("EnumerableSemiNaiveFixpoint(name=[path$0], delta=[path$delta$0], maxIterations=[100])")
                .contains("SpoolScan(table=[[path$delta$0]])")
                .contains("SpoolScan(table=[[path$0]])")
                .doesNotContain("EnumerableInterpreter");
        assertThat(RelOptUtil.toString(planned.physical()))
                .isEqualTo(RelOptUtil.toString(QueryPlanner.create(List.of(), Set.of()).plan(compile(fixture, squareClosure(100), PAIR)).physical()));
    }

    @Test
    void thePlanBundleExportsTakeThePlanWithTheOperator() {
        RelNode optimized = QueryPlanner.create(List.of(), Set.of()).plan(compile(fixture(ring(4)), squareClosure(100), PAIR)).optimized();

        // Formats without a form for the node record why instead of failing the build.
        assertThat(PlanDot.of(optimized)).contains("LogicalSemiNaiveFixpoint");
        assertThat(PlanJson.of(optimized)).isNotNull();
        assertThat(PlanSubstrait.of(optimized)).isNotNull();
        assertThat(PlanSql.of(optimized)).isNotEmpty();
    }

    @Test
    void withTheRuleDisabledALinearFixpointIsARepeatUnionWithTheSameRows() {
        Random random = new Random(9);
        List<long[]> edges = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            edges.add(new long[] {random.nextInt(50), random.nextInt(50)});
        }
        PlanningFixture fixture = fixture(edges);
        RelSpec seed = RelSpec.scan("edges", "e").project(SRC.as("src"), DST.as("dst"));
        RelSpec step = RelSpec.scan("path", "r").join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "dst", DataType.INT64).eq(SRC))
                .project(col("r", "src", DataType.INT64).as("src"), DST.as("dst"));
        SemiNaiveRel linear = SemiNaiveRel.ofRules("path", seed, List.of(step), 100);
        PlannedQuery plain = QueryPlanner.create(List.of(), Set.of(BuiltinRules.SEMI_NAIVE_FIXPOINT)).plan(compile(fixture, linear, PAIR));
        PlannedQuery semiNaive = QueryPlanner.create(List.of(), Set.of()).plan(compile(fixture, linear, PAIR));

        assertThat(RelOptUtil.toString(plain.physical())).contains("EnumerableRepeatUnion").doesNotContain("SemiNaive");
        assertThat(RelOptUtil.toString(semiNaive.physical())).contains("EnumerableSemiNaiveFixpoint").doesNotContain("RepeatUnion");
        List<List<Object>> rows = rows(fixture, plain.physical());
        assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(closure(edges))
                .containsExactlyInAnyOrderElementsOf(rows(fixture, semiNaive.physical()));
        assertThat(FixpointRuns.of(plain.physical())).singleElement().satisfies(run -> {
            assertThat(run.table()).isEqualTo("path$0");
            assertThat(run.iterations()).isEqualTo(FixpointRuns.of(semiNaive.physical()).get(0).iterations());
        });
    }

    @Test
    void aFixpointOfManyRulesCompilesAndGivesTheRowsOfItsRepeatUnion() {
        // Every rule is generated into a method of its own, so the rule count no longer grows one method.
        int rules = 40;
        List<long[]> edges = randomEdges(new Random(5), 20, 12);
        PlanningFixture fixture = fixture(edges);
        RelSpec seed = RelSpec.scan("edges", "e").project(Exprs.val(chainLabel(-1)).as("rel"), SRC.as("s"), DST.as("d"));
        List<RelSpec> chain = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            chain.add(RelSpec.scan("chain", "r").filter(col("r", "rel", DataType.STRING).eq(chainLabel(chainInput(i))))
                    .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "d", DataType.INT64).eq(SRC))
                    .join(RelSpec.scan("edges", "f"), JoinType.INNER, DST.eq(col("f", "src", DataType.INT64)))
                    .project(Exprs.val(chainLabel(i)).as("rel"), col("r", "s", DataType.INT64).as("s"), col("f", "dst", DataType.INT64).as("d")));
        }
        SemiNaiveRel many = SemiNaiveRel.ofRules("chain", seed, chain, 50);
        ColumnContract[] columns = {ColumnContract.required("rel", DataType.STRING), ColumnContract.required("s", DataType.INT64),
                ColumnContract.required("d", DataType.INT64)};
        List<List<Object>> rows = rows(fixture, planLikeItsRepeatUnion(fixture, many, columns, chains(edges, rules)).physical());
        assertThat(rows).anyMatch(row -> row.get(0).equals(chainLabel(rules - 1)));
    }

    /** The fixpoint planned as semi-naive, once its rows are {@code expected} and its {@code RepeatUnion} form's. */
    private PlannedQuery planLikeItsRepeatUnion(PlanningFixture fixture, SemiNaiveRel fixpoint, ColumnContract[] columns,
            Set<List<Object>> expected) {
        PlannedQuery plain = QueryPlanner.create(List.of(), Set.of(BuiltinRules.SEMI_NAIVE_FIXPOINT)).plan(compile(fixture, fixpoint, columns));
        PlannedQuery semiNaive = QueryPlanner.create(List.of(), Set.of()).plan(compile(fixture, fixpoint, columns));
        assertThat(rows(fixture, semiNaive.physical())).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected)
                .containsExactlyInAnyOrderElementsOf(rows(fixture, plain.physical()));
        return semiNaive;
    }

    @Test
    void rulesThatFilterTheDeltaByConstantTextColumnsReadTheirRowsThroughAnIndexAndGiveTheRowsOfTheirRepeatUnion() {
        // Each rule takes the rows of two earlier rules of two of the three kinds; labels and kinds differ in length.
        int rules = 24;
        List<long[]> edges = randomEdges(new Random(17), 24, 14);
        PlanningFixture fixture = fixture(edges);
        Field<String> rel = col("r", "rel", DataType.STRING);
        Field<String> kind = col("r", "kind", DataType.STRING);
        RelSpec seed = RelSpec.scan("edges", "e").project(Exprs.val(chainLabel(-1)).as("rel"), Exprs.val(KINDS.get(0)).as("kind"),
                SRC.as("s"), DST.as("d"));
        List<RelSpec> steps = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            steps.add(RelSpec.scan("walk", "r")
                    .filter(rel.in(List.of(chainLabel(i - 1), chainLabel(i - 3))).and(kind.in(KINDS.subList(0, 2))))
                    .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "d", DataType.INT64).eq(SRC))
                    .project(Exprs.val(chainLabel(i)).as("rel"), Exprs.val(KINDS.get(i % 3)).as("kind"),
                            col("r", "s", DataType.INT64).as("s"), DST.as("d")));
        }
        SemiNaiveRel walk = SemiNaiveRel.ofRules("walk", seed, steps, 200);
        ColumnContract[] columns = {ColumnContract.required("rel", DataType.STRING), ColumnContract.required("kind", DataType.STRING),
                ColumnContract.required("s", DataType.INT64), ColumnContract.required("d", DataType.INT64)};
        PlannedQuery semiNaive = planLikeItsRepeatUnion(fixture, walk, columns, walks(edges, rules));

        List<List<Object>> rows = rows(fixture, semiNaive.physical());
        assertThat(rows).anyMatch(row -> row.get(0).equals(chainLabel(rules - 1)));
        assertThat(rows(fixture, semiNaive.physical())).as("the same rows in the same order on a second run").isEqualTo(rows);
        // Every rule's filter of the delta names both columns, so each reads four keys' rows of the delta only.
        List<String> selections = new ArrayList<>();
        deltaFilters(semiNaive.physical(), selections);
        assertThat(selections).hasSize(rules).allMatch(selection -> selection.startsWith("[0, 1] in [[")
                && selection.contains(", " + KINDS.get(0) + "]") && selection.contains(", " + KINDS.get(1) + "]"));
    }

    @Test
    void theBranchesOfARoundDerivedOnSeveralThreadsGiveTheRowsOfOneThreadInTheSameOrder() {
        // Twelve rules, each a branch of the step: each reads the delta by label and joins it with the edges the
        // total holds (a lookup kept across rounds, which reads the total's new rows while other branches scan it whole).
        int rules = 12;
        List<long[]> edges = randomEdges(new Random(29), 28, 15);
        PlanningFixture fixture = fixture(edges);
        Field<String> rel = col("r", "rel", DataType.STRING);
        RelSpec seed = RelSpec.scan("edges", "e").project(Exprs.val(chainLabel(-1)).as("rel"), SRC.as("s"), DST.as("d"));
        List<RelSpec> steps = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            RelSpec totalEdges = RelSpec.scan("walks", "t").filter(col("t", "rel", DataType.STRING).eq(chainLabel(-1)))
                    .project(col("t", "s", DataType.INT64).as("s"), col("t", "d", DataType.INT64).as("d"));
            steps.add(RelSpec.scan("walks", "r").filter(rel.in(List.of(chainLabel(i - 1), chainLabel(i - 2))))
                    .join(totalEdges.as("n"), JoinType.INNER, col("r", "d", DataType.INT64).eq(col("n", "s", DataType.INT64)))
                    .project(Exprs.val(chainLabel(i)).as("rel"), col("r", "s", DataType.INT64).as("s"), col("n", "d", DataType.INT64).as("d")));
        }
        SemiNaiveRel walks = SemiNaiveRel.ofRules("walks", seed, steps, 200);
        ColumnContract[] columns = {ColumnContract.required("rel", DataType.STRING), ColumnContract.required("s", DataType.INT64),
                ColumnContract.required("d", DataType.INT64)};
        EnumerableRel physical = plan(compile(fixture, walks, columns));
        List<String> generated = new ArrayList<>();
        generatedSteps(physical, generated);
        assertThat(generated).singleElement().asString().contains("MemoRows(program=");

        String before = System.getProperty(SemiNaiveEvaluation.THREADS_PROPERTY);
        try {
            long charged = SemiNaiveEvaluation.chargedCpuNanos();
            System.setProperty(SemiNaiveEvaluation.THREADS_PROPERTY, "1");
            List<List<Object>> oneThread = rows(fixture, physical);
            FixpointRun oneThreadRun = FixpointRuns.of(physical).get(0);
            assertThat(SemiNaiveEvaluation.chargedCpuNanos()).as("no helper thread").isEqualTo(charged);
            System.setProperty(SemiNaiveEvaluation.THREADS_PROPERTY, "4");
            List<List<Object>> fourThreads = rows(fixture, physical);
            FixpointRun fourThreadsRun = FixpointRuns.of(physical).get(0);
            assertThat(SemiNaiveEvaluation.chargedCpuNanos()).as("the branches ran on helper threads").isGreaterThan(charged);

            assertThat(oneThread).doesNotHaveDuplicates().anyMatch(row -> row.get(0).equals(chainLabel(rules - 1)));
            assertThat(fourThreads).as("the same rows in the same order").isEqualTo(oneThread);
            assertThat(fourThreadsRun.rowsPerRound()).isEqualTo(oneThreadRun.rowsPerRound());
            assertThat(fourThreadsRun.newRowsPerRound()).isEqualTo(oneThreadRun.newRowsPerRound()).hasSizeGreaterThan(3);
            // Each rule's variants are branches (at least one per rule); their rows add up to the step's.
            long stepRows = oneThreadRun.rowsPerRound().stream().skip(1).mapToLong(Long::longValue).sum();
            assertThat(oneThreadRun.rowsPerBranch()).hasSizeGreaterThanOrEqualTo(rules).isEqualTo(fourThreadsRun.rowsPerBranch());
            assertThat(oneThreadRun.rowsPerBranch().stream().mapToLong(Long::longValue).sum()).isEqualTo(stepRows);
            assertThat(fourThreadsRun.cpuNanosPerBranch()).hasSameSizeAs(oneThreadRun.rowsPerBranch()).allMatch(nanos -> nanos >= 0)
                    .anyMatch(nanos -> nanos > 0);
        } finally {
            if (before == null) {
                System.clearProperty(SemiNaiveEvaluation.THREADS_PROPERTY);
            } else {
                System.setProperty(SemiNaiveEvaluation.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void aKeptLookupOverACalculationOnTheTotalKeepsTheTotalsRowsAndGivesTheRowsOfTheRules() {
        // hop(x, z) :- (edge or hop)(x, y), edge(y, z) with the edges read from the total as (s, d + 1):
        // the join's build side filters and computes, and its lookup keeps the total's rows, projecting them when read.
        List<long[]> edges = randomEdges(new Random(23), 30, 15);
        PlanningFixture fixture = fixture(edges);
        Field<String> rel = col("r", "rel", DataType.STRING);
        RelSpec seed = RelSpec.scan("edges", "e").project(Exprs.val("edge").as("rel"), SRC.as("s"), DST.as("d"));
        RelSpec shiftedEdges = RelSpec.scan("hops", "t").filter(col("t", "rel", DataType.STRING).eq("edge"))
                .project(col("t", "s", DataType.INT64).as("s"), Exprs.plus(col("t", "d", DataType.INT64), 1L).as("d1"));
        RelSpec hop = RelSpec.scan("hops", "r").filter(rel.in(List.of("edge", "hop")))
                .join(shiftedEdges.as("n"), JoinType.INNER, col("r", "d", DataType.INT64).eq(col("n", "s", DataType.INT64)))
                .project(Exprs.val("hop").as("rel"), col("r", "s", DataType.INT64).as("s"),
                        Exprs.minus(col("n", "d1", DataType.INT64), 1L).as("d"));
        SemiNaiveRel hops = SemiNaiveRel.ofRules("hops", seed, List.of(hop), 100);
        ColumnContract[] columns = {ColumnContract.required("rel", DataType.STRING), ColumnContract.required("s", DataType.INT64),
                ColumnContract.required("d", DataType.INT64)};
        EnumerableRel physical = plan(compile(fixture, hops, columns));
        assertEdgesAndHops(fixture, physical, edges);

        List<String> steps = new ArrayList<>();
        generatedSteps(physical, steps);
        assertThat(steps).singleElement().satisfies(step -> assertThat(step)
                .as("the build side's calculation is the lookup's, over the total's rows read through their index")
                .containsPattern("MemoRows\\(program=.*\\n *(Metered.*\\n *)*IndexedScan\\(table=\\[\\[hops\\$0\\]\\], where=\\[\\[0\\] in \\[edge\\]\\]"));
    }

    @Test
    void keptLookupsOverTheSameFilteredRowsByTheSameKeyAreOneWhateverEachProjects() {
        // Three rules join the delta with edges read from the total: two filter them alike and look them up by the same
        // key but project them differently (s, d) and (s, d + 1); the third reads the hops. The first two keep one lookup.
        List<long[]> edges = randomEdges(new Random(31), 30, 15);
        PlanningFixture fixture = fixture(edges);
        Field<String> rel = col("r", "rel", DataType.STRING);
        Field<Long> rs = col("r", "s", DataType.INT64);
        Field<Long> rd = col("r", "d", DataType.INT64);
        Field<Long> ns = col("n", "s", DataType.INT64);
        RelSpec seed = RelSpec.scan("edges", "e").project(Exprs.val("edge").as("rel"), SRC.as("s"), DST.as("d"));
        RelSpec totalEdges = RelSpec.scan("hops", "t").filter(col("t", "rel", DataType.STRING).eq("edge"))
                .project(col("t", "s", DataType.INT64).as("s"), col("t", "d", DataType.INT64).as("d"));
        RelSpec shiftedEdges = RelSpec.scan("hops", "t").filter(col("t", "rel", DataType.STRING).eq("edge"))
                .project(col("t", "s", DataType.INT64).as("s"), Exprs.plus(col("t", "d", DataType.INT64), 1L).as("d1"));
        RelSpec totalHops = RelSpec.scan("hops", "t").filter(col("t", "rel", DataType.STRING).eq("hop"))
                .project(col("t", "s", DataType.INT64).as("s"), col("t", "d", DataType.INT64).as("d"));
        RelSpec plain = RelSpec.scan("hops", "r").filter(rel.in(List.of("edge", "hop")))
                .join(totalEdges.as("n"), JoinType.INNER, rd.eq(ns))
                .project(Exprs.val("hop").as("rel"), rs.as("s"), col("n", "d", DataType.INT64).as("d"));
        RelSpec shifted = RelSpec.scan("hops", "r").filter(rel.eq("hop"))
                .join(shiftedEdges.as("n"), JoinType.INNER, rd.eq(ns))
                .project(Exprs.val("hop").as("rel"), rs.as("s"), Exprs.minus(col("n", "d1", DataType.INT64), 1L).as("d"));
        RelSpec longer = RelSpec.scan("hops", "r").filter(rel.eq("edge"))
                .join(totalHops.as("n"), JoinType.INNER, rd.eq(ns))
                .project(Exprs.val("hop").as("rel"), rs.as("s"), col("n", "d", DataType.INT64).as("d"));
        SemiNaiveRel hops = SemiNaiveRel.ofRules("hops", seed, List.of(plain, shifted, longer), 100);
        ColumnContract[] columns = {ColumnContract.required("rel", DataType.STRING), ColumnContract.required("s", DataType.INT64),
                ColumnContract.required("d", DataType.INT64)};
        EnumerableRel physical = plan(compile(fixture, hops, columns));
        assertEdgesAndHops(fixture, physical, edges);

        Map<MemoRows.Memo, Set<String>> programsByMemo = new LinkedHashMap<>();
        keptLookups(((EnumerableSemiNaiveFixpoint) fixpointOf(physical)).generatedStep(), programsByMemo);
        assertThat(programsByMemo.values()).as("the total's edges by s, projected two ways, are one lookup")
                .anyMatch(programs -> programs.size() == 2 && programs.stream().filter(program -> program.contains("+(")).count() == 1);
        assertThat(programsByMemo.values()).as("a lookup of the hops is not one of the edges")
                .allMatch(programs -> programs.stream().map(program -> program.contains("'hop'")).distinct().count() == 1);
        assertThat(programsByMemo.keySet()).as("the lookups are dropped when the evaluation ends").allMatch(memo -> memo.keysKept() == 0);
    }

    /**
     * Asserts that {@code physical} gives every edge and, as a hop, every path of two edges or more
     * between the ends of {@code edges}, without duplicates, in the same order on a second run.
     */
    private static void assertEdgesAndHops(PlanningFixture fixture, EnumerableRel physical, List<long[]> edges) {
        Set<List<Object>> expected = new HashSet<>();
        edges.forEach(edge -> expected.add(List.of("edge", edge[0], edge[1])));
        for (List<Object> path : closure(edges)) {
            for (long[] edge : edges) {
                if (path.get(1).equals(edge[0])) {
                    expected.add(List.of("hop", path.get(0), edge[1]));
                }
            }
        }
        List<List<Object>> rows = rows(fixture, physical);
        assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows(fixture, physical)).as("the same rows in the same order on a second run").isEqualTo(rows);
    }

    /** The kept lookups under {@code node} that do their build side's calculation, each memo with the calculations its lookups read by. */
    private static void keptLookups(RelNode node, Map<MemoRows.Memo, Set<String>> programsByMemo) {
        if (node instanceof MemoRows memo && RelOptUtil.toString(memo).startsWith("MemoRows(program=")) {
            programsByMemo.computeIfAbsent(memo.memo(), key -> new LinkedHashSet<>()).add(RelOptUtil.toString(memo).lines().findFirst().orElseThrow());
        }
        node.getInputs().forEach(input -> keptLookups(input, programsByMemo));
    }

    /** The first fixpoint operator in {@code node}. */
    private static RelNode fixpointOf(RelNode node) {
        if (node instanceof EnumerableSemiNaiveFixpoint) {
            return node;
        }
        return node.getInputs().stream().map(TestSemiNaiveFixpoint::fixpointOf).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @Test
    void aStaticProbeSideIsSwappedToBeBuiltOnceAndAJoinWithAnEmptyKeptLookupReadsNothingUntilItFills() {
        // seed: e = edges.  g(s, d) :- e(s, d).  w(s, d) :- (e or w)(s, y), edges(y, d).
        // c(s, d) :- w(s, y), g(y, d): its build side (g, read from the total) is empty in the first round
        // and fills later, so the join must look at it every round, not once when the step is made.
        // t(s, d) :- w(s, y), [edges(y, z), g(z, d)]: in the bracket, planned as written, the edges (static)
        // probe what the fixpoint holds.
        List<long[]> edges = randomEdges(new Random(31), 26, 13);
        PlanningFixture fixture = fixture(edges);
        Field<String> rel = col("r", "rel", DataType.STRING);
        RelSpec seed = RelSpec.scan("edges", "e").project(Exprs.val("e").as("rel"), SRC.as("s"), DST.as("d"));
        RelSpec copies = RelSpec.scan("facts", "r").filter(rel.eq("e"))
                .project(Exprs.val("g").as("rel"), col("r", "s", DataType.INT64).as("s"), col("r", "d", DataType.INT64).as("d"));
        RelSpec walks = RelSpec.scan("facts", "r").filter(rel.in(List.of("e", "w")))
                .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "d", DataType.INT64).eq(SRC))
                .project(Exprs.val("w").as("rel"), col("r", "s", DataType.INT64).as("s"), DST.as("d"));
        RelSpec copied = RelSpec.scan("facts", "n").filter(col("n", "rel", DataType.STRING).eq("g"))
                .project(col("n", "s", DataType.INT64).as("s"), col("n", "d", DataType.INT64).as("d"));
        RelSpec composed = RelSpec.scan("facts", "r").filter(rel.eq("w"))
                .join(copied.as("m"), JoinType.INNER, col("r", "d", DataType.INT64).eq(col("m", "s", DataType.INT64)))
                .project(Exprs.val("c").as("rel"), col("r", "s", DataType.INT64).as("s"), col("m", "d", DataType.INT64).as("d"));
        RelSpec bracket = RelSpec.scan("edges", "e")
                .join(copied.as("m"), JoinType.INNER, DST.eq(col("m", "s", DataType.INT64)))
                .project(SRC.as("s"), col("m", "d", DataType.INT64).as("d"));
        RelSpec prefixed = RelSpec.scan("facts", "r").filter(rel.eq("w"))
                .join(bracket.as("b"), JoinType.INNER, col("r", "d", DataType.INT64).eq(col("b", "s", DataType.INT64)))
                .project(Exprs.val("t").as("rel"), col("r", "s", DataType.INT64).as("s"), col("b", "d", DataType.INT64).as("d"));
        SemiNaiveRel facts = SemiNaiveRel.ofRules("facts", seed, List.of(copies, walks, composed, prefixed), 200);
        ColumnContract[] columns = {ColumnContract.required("rel", DataType.STRING), ColumnContract.required("s", DataType.INT64),
                ColumnContract.required("d", DataType.INT64)};

        EnumerableRel physical = plan(compile(fixture, facts, columns));
        List<List<Object>> rows = rows(fixture, physical);
        Set<List<Long>> edgePairs = new HashSet<>();
        edges.forEach(edge -> edgePairs.add(List.of(edge[0], edge[1])));
        Set<List<Long>> walked = compose(edgePairs, edgePairs);
        while (true) {
            Set<List<Long>> next = new HashSet<>(walked);
            next.addAll(compose(walked, edgePairs));
            if (next.size() == walked.size()) {
                break;
            }
            walked = next;
        }
        Set<List<Long>> composedPairs = compose(walked, edgePairs);
        Set<List<Object>> expected = new HashSet<>();
        Map<String, Set<List<Long>>> byRel = Map.of("e", edgePairs, "g", edgePairs, "w", walked, "c", composedPairs,
                "t", compose(walked, compose(edgePairs, edgePairs)));
        byRel.forEach((name, pairs) -> pairs.forEach(pair -> expected.add(List.of(name, pair.get(0), pair.get(1)))));
        assertThat(byRel.get("t")).as("the fixture reaches the last rule").isNotEmpty();
        assertThat(rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows(fixture, physical)).as("the same rows in the same order on a second run").isEqualTo(rows);

        EnumerableSemiNaiveFixpoint fixpoint = fixpoints(physical).get(0);
        assertThat(staticProbes(fixpoint.getRight())).as("the planned step probes with the edges").isNotEmpty();
        RelNode generated = fixpoint.generatedStep();
        assertThat(staticProbes(generated)).as("the generated step builds on them").isEmpty();
        assertThat(RelOptUtil.toString(generated)).contains("KeptLookupProbe");
    }

    private static Set<List<Long>> compose(Set<List<Long>> first, Set<List<Long>> second) {
        Set<List<Long>> out = new HashSet<>();
        for (List<Long> a : first) {
            for (List<Long> b : second) {
                if (a.get(1).equals(b.get(0))) {
                    out.add(List.of(a.get(0), b.get(1)));
                }
            }
        }
        return out;
    }

    private static List<EnumerableSemiNaiveFixpoint> fixpoints(RelNode node) {
        List<EnumerableSemiNaiveFixpoint> found = new ArrayList<>();
        if (node instanceof EnumerableSemiNaiveFixpoint fixpoint) {
            found.add(fixpoint);
        }
        node.getInputs().forEach(input -> found.addAll(fixpoints(input)));
        return found;
    }

    /** The inner hash joins under {@code node} whose probe side reads no table of a fixpoint while their build side does. */
    private static List<RelNode> staticProbes(RelNode node) {
        List<RelNode> found = new ArrayList<>();
        if (node instanceof EnumerableHashJoin join && join.getJoinType() == JoinRelType.INNER
                && !readsFixpoint(join.getLeft()) && readsFixpoint(join.getRight())) {
            found.add(join);
        }
        node.getInputs().forEach(input -> found.addAll(staticProbes(input)));
        return found;
    }

    private static boolean readsFixpoint(RelNode node) {
        if (node instanceof TableScan scan && scan.getTable().unwrap(FixpointTable.class) != null) {
            return true;
        }
        return node.getInputs().stream().anyMatch(TestSemiNaiveFixpoint::readsFixpoint);
    }

    /** The steps the fixpoints in {@code node} generate their code for, as plan text. */
    private static void generatedSteps(RelNode node, List<String> steps) {
        if (node instanceof EnumerableSemiNaiveFixpoint fixpoint) {
            steps.add(RelOptUtil.toString(fixpoint.generatedStep()));
        }
        node.getInputs().forEach(input -> generatedSteps(input, steps));
    }

    /** The selections of the filters over the delta in {@code node}. */
    private static void deltaFilters(RelNode node, List<String> selections) {
        if (node instanceof EnumerableCalc calc && calc.getInput() instanceof SpoolScan scan
                && scan.getTable().getQualifiedName().get(0).contains("$delta$")) {
            selections.add(String.valueOf(SelectedSpools.selection(calc.getProgram())));
        }
        node.getInputs().forEach(input -> deltaFilters(input, selections));
    }

    /** The walks of {@link #rulesThatFilterTheDeltaByConstantTextColumnsReadTheirRowsThroughAnIndexAndGiveTheRowsOfTheirRepeatUnion} computed in Java. */
    private static Set<List<Object>> walks(List<long[]> edges, int rules) {
        Set<List<Object>> rows = new HashSet<>();
        edges.forEach(edge -> rows.add(List.of(chainLabel(-1), KINDS.get(0), edge[0], edge[1])));
        boolean changed = true;
        while (changed) {
            Set<List<Object>> next = new HashSet<>(rows);
            for (int i = 0; i < rules; i++) {
                Set<String> inputs = new HashSet<>(List.of(chainLabel(i - 1), chainLabel(i - 3)));
                for (List<Object> row : rows) {
                    if (!inputs.contains(row.get(0)) || !KINDS.subList(0, 2).contains(row.get(1))) {
                        continue;
                    }
                    for (long[] edge : edges) {
                        if (row.get(3).equals(edge[0])) {
                            next.add(List.of(chainLabel(i), KINDS.get(i % 3), row.get(2), edge[1]));
                        }
                    }
                }
            }
            changed = next.size() != rows.size();
            rows.addAll(next);
        }
        return rows;
    }

    /** Rule i reads the rows of rule i - 1, every seventh rule the seed's: chains of seven rounds at most. */
    private static int chainInput(int rule) {
        return rule % 7 == 0 ? -1 : rule - 1;
    }

    /** Labels of differing lengths, so a literal padded or cut to another's length would no longer match. */
    private static String chainLabel(int rule) {
        return rule < 0 ? "edge" : "c" + "_".repeat(rule % 5) + rule;
    }

    /** The rules' rows computed in Java: rule i extends each row of its input by a walk of two edges. */
    private static Set<List<Object>> chains(List<long[]> edges, int rules) {
        Map<Integer, Set<List<Long>>> byRule = new LinkedHashMap<>();
        Set<List<Long>> seed = new LinkedHashSet<>();
        edges.forEach(edge -> seed.add(List.of(edge[0], edge[1])));
        byRule.put(-1, seed);
        for (int i = 0; i < rules; i++) {
            Set<List<Long>> out = new LinkedHashSet<>();
            for (List<Long> row : byRule.get(chainInput(i))) {
                for (long[] first : edges) {
                    for (long[] second : edges) {
                        if (row.get(1) == first[0] && first[1] == second[0]) {
                            out.add(List.of(row.get(0), second[1]));
                        }
                    }
                }
            }
            byRule.put(i, out);
        }
        Set<List<Object>> rows = new HashSet<>();
        byRule.forEach((rule, pairs) -> pairs.forEach(pair -> rows.add(List.of(chainLabel(rule), pair.get(0), pair.get(1)))));
        return rows;
    }

    @Test
    void withTheRuleDisabledANonLinearFixpointFailsInOneSentence() {
        PlanningFixture fixture = fixture(ring(4));
        QueryPlanner without = QueryPlanner.create(List.of(), Set.of(BuiltinRules.SEMI_NAIVE_FIXPOINT));

        assertThatThrownBy(() -> without.plan(compile(fixture, squareClosure(100), PAIR)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The semi-naive fixpoint 'path$0' reads its rows so far, which only the rule codeanatomy.SEMI_NAIVE_FIXPOINT"
                        + " can run; stop disabling that rule.");
    }

    @Test
    void withTheRuleDisabledABoundedFixpointFailsInOneSentenceEvenWhenLinear() {
        PlanningFixture fixture = fixture(ring(4));
        QueryPlanner without = QueryPlanner.create(List.of(), Set.of(BuiltinRules.SEMI_NAIVE_FIXPOINT));
        RelSpec step = RelSpec.scan("path", "p")
                .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("p", "dst", DataType.INT64).eq(SRC))
                .project(col("p", "src", DataType.INT64).as("src"), DST.as("dst"));
        SemiNaiveRel linear = SemiNaiveRel.ofRules("path", RelSpec.scan("edges", "e").project(SRC.as("src"), DST.as("dst")),
                List.of(step), 100).bounded(List.of(GroupBound.of(Map.of("src", "0"), List.of("src"), 2)));

        assertThatThrownBy(() -> without.plan(compile(fixture, linear, PAIR)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The semi-naive fixpoint 'path$0' has group bounds [src='0' per src <= 2], which only the rule"
                        + " codeanatomy.SEMI_NAIVE_FIXPOINT can apply; stop disabling that rule.");
    }

    private Map<String, List<List<Object>>> runDag(List<long[]> edges, int workers) {
        RelSpec fromZero = RelSpec.scan("path", "p").filter(col("p", "src", DataType.INT64).eq(0L))
                .project(col("p", "dst", DataType.INT64).as("dst"));
        RelSpec toZero = RelSpec.scan("path", "p").filter(col("p", "dst", DataType.INT64).eq(0L))
                .project(col("p", "src", DataType.INT64).as("src"));
        // A second fixpoint, in a fragment of its own, running beside the first's readers.
        RelSpec other = squareClosure(50).as("q").filter(col("q", "src", DataType.INT64).lt(10L))
                .project(col("q", "src", DataType.INT64).as("src"), col("q", "dst", DataType.INT64).as("dst"));
        SemanticSpec spec = inputs()
                .view("path", ViewKind.FIXPOINT, squareClosure(100))
                .view("from_zero", ViewKind.FILTER, fromZero)
                .view("to_zero", ViewKind.FILTER, toZero)
                .view("other", ViewKind.FIXPOINT, other)
                .output("path", "path", "cpg/path", WriteMode.OVERWRITE, SchemaContract.of(1, PAIR))
                .output("from_zero", "from_zero", "cpg/from_zero", WriteMode.OVERWRITE,
                        SchemaContract.of(1, ColumnContract.required("dst", DataType.INT64)))
                .output("to_zero", "to_zero", "cpg/to_zero", WriteMode.OVERWRITE,
                        SchemaContract.of(1, ColumnContract.required("src", DataType.INT64)))
                .output("other", "other", "cpg/other", WriteMode.OVERWRITE, SchemaContract.of(1, PAIR))
                .build();
        try (Session session = Session.open(SessionConfig.defaults().withWorkers(workers), List.of())) {
            session.schema().add("edges", edgesTable(edges));
            PlannedDag dag = session.planDag(session.compileDag(spec));
            Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
            session.run(dag, output -> Map.entry(output.name(), rows(session.executor(), output.query().physical())))
                    .forEach(e -> rows.put(e.getKey(), e.getValue()));
            return rows;
        }
    }

    /** {@code count} edges between {@code nodes} nodes, drawn from {@code random}. */
    private static List<long[]> randomEdges(Random random, int count, int nodes) {
        List<long[]> edges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            edges.add(new long[] {random.nextInt(nodes), random.nextInt(nodes)});
        }
        return edges;
    }

    /** 0 -> 1 -> ... -> n-1 -> 0. */
    private static List<long[]> ring(int n) {
        List<long[]> edges = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            edges.add(new long[] {i, (i + 1) % n});
        }
        return edges;
    }

    /** The transitive closure by breadth-first search from every node. */
    private static Set<List<Object>> closure(List<long[]> edges) {
        Map<Long, List<Long>> successors = new LinkedHashMap<>();
        for (long[] edge : edges) {
            successors.computeIfAbsent(edge[0], k -> new ArrayList<>()).add(edge[1]);
        }
        Set<List<Object>> pairs = new HashSet<>();
        for (Long start : successors.keySet()) {
            Set<Long> seen = new HashSet<>();
            List<Long> queue = new ArrayList<>(successors.get(start));
            while (!queue.isEmpty()) {
                Long next = queue.remove(queue.size() - 1);
                if (seen.add(next)) {
                    pairs.add(List.of(start, next));
                    queue.addAll(successors.getOrDefault(next, List.of()));
                }
            }
        }
        return pairs;
    }

    private static MemoryTable edgesTable(List<long[]> edges) {
        return new MemoryTable(tf -> tf.builder().add("src", SqlTypeName.BIGINT).add("dst", SqlTypeName.BIGINT).build(),
                edges.stream().map(e -> new Object[] {e[0], e[1]}).toList());
    }

    private static PlanningFixture fixture(List<long[]> edges) {
        return new PlanningFixture().add("edges", edgesTable(edges));
    }

    private static SemanticSpecBuilder inputs() {
        return SemanticSpec.builder("semi-naive", "1")
                .input("edges", SchemaContract.of(1, ColumnContract.required("src", DataType.INT64)));
    }

    private RelNode compile(PlanningFixture fixture, RelSpec body, ColumnContract... columns) {
        SemanticSpecBuilder spec = inputs();
        for (Map.Entry<String, String> input : Program.INPUTS.entrySet()) {
            if (fixture.root().getTable(input.getKey(), true) != null) {
                spec.input(input.getKey(), SchemaContract.of(1, ColumnContract.required(input.getValue(), DataType.INT64)));
            }
        }
        return compiler.compile(spec.view("v", ViewKind.FIXPOINT, body)
                .output("v", "v", "cpg/v", WriteMode.OVERWRITE, SchemaContract.of(1, columns))
                .build(), fixture.builder()).output("v");
    }

    private static EnumerableRel plan(RelNode compiled) {
        return QueryPlanner.create(List.of(), Set.of()).plan(compiled).physical();
    }

    private static List<List<Object>> rows(PlanningFixture fixture, EnumerableRel physical) {
        return rows(new PlanExecutor(fixture.root().plus(), fixture.typeFactory(), 0L), physical);
    }

    /** Rows in the order the plan gives them. */
    private static List<List<Object>> rows(PlanExecutor executor, EnumerableRel physical) {
        List<List<Object>> rows = new ArrayList<>();
        boolean single = physical.getRowType().getFieldCount() == 1;
        try (Enumerator<?> e = executor.rows(physical)) {
            while (e.moveNext()) {
                rows.add(single ? Arrays.asList(e.current()) : Arrays.asList((Object[]) e.current()));
            }
        }
        return rows;
    }

    /**
     * A tiny Andersen-style points-to problem: allocations, copies, field stores and loads. The
     * relation {@code facts(rel, a, f, b)} holds both {@code pts(a, b)} (rel 'pts', f 0) and
     * {@code field(a, f, b)} (rel 'field': object a's field f points to object b).
     */
    private record Program(List<long[]> alloc, List<long[]> assign, List<long[]> store, List<long[]> load) {
        /** The inputs, each with its first column. */
        static final Map<String, String> INPUTS = Map.of("alloc", "var", "assign", "dst", "store", "base", "load", "dst");
        static final ColumnContract[] COLUMNS = {ColumnContract.required("rel", DataType.STRING), ColumnContract.required("a", DataType.INT64),
                ColumnContract.required("f", DataType.INT64), ColumnContract.required("b", DataType.INT64)};

        static Program random(Random random, int variables, int objects, int fields) {
            List<long[]> alloc = new ArrayList<>();
            List<long[]> assign = new ArrayList<>();
            List<long[]> store = new ArrayList<>();
            List<long[]> load = new ArrayList<>();
            for (int o = 0; o < objects; o++) {
                alloc.add(new long[] {random.nextInt(variables), 1000 + o});
            }
            for (int i = 0; i < variables; i++) {
                assign.add(new long[] {random.nextInt(variables), random.nextInt(variables)});
                store.add(new long[] {random.nextInt(variables), 1 + random.nextInt(fields), random.nextInt(variables)});
                load.add(new long[] {random.nextInt(variables), random.nextInt(variables), 1 + random.nextInt(fields)});
            }
            return new Program(alloc, assign, store, load);
        }

        PlanningFixture fixture() {
            return new PlanningFixture()
                    .add("edges", edgesTable(List.of()))
                    .add("alloc", table(alloc, "var", "obj"))
                    .add("assign", table(assign, "dst", "src"))
                    .add("store", table(store, "base", "field", "src"))
                    .add("load", table(load, "dst", "base", "field"));
        }

        private static MemoryTable table(List<long[]> rows, String... columns) {
            return new MemoryTable(tf -> {
                var builder = tf.builder();
                for (String column : columns) {
                    builder.add(column, SqlTypeName.BIGINT);
                }
                return builder.build();
            }, rows.stream().map(r -> Arrays.stream(r).boxed().toArray()).toList());
        }

        /**
         * pts(v, o) :- alloc(v, o).
         * pts(x, o) :- assign(x, y), pts(y, o).
         * field(o1, f, o2) :- store(x, f, v), pts(x, o1), pts(v, o2).
         * pts(x, o2) :- load(x, y, f), pts(y, o1), field(o1, f, o2).
         */
        SemiNaiveRel rules() {
            RelSpec seed = RelSpec.scan("alloc", "al").project(head("pts", col("al", "var", DataType.INT64), Exprs.val(0L),
                    col("al", "obj", DataType.INT64)));
            RelSpec copy = RelSpec.scan("assign", "as")
                    .join(facts("p", "pts"), JoinType.INNER, col("as", "src", DataType.INT64).eq(a("p")))
                    .project(head("pts", col("as", "dst", DataType.INT64), Exprs.val(0L), b("p")));
            RelSpec storeRule = RelSpec.scan("store", "st")
                    .join(facts("p", "pts"), JoinType.INNER, col("st", "base", DataType.INT64).eq(a("p")))
                    .join(facts("q", "pts"), JoinType.INNER, col("st", "src", DataType.INT64).eq(a("q")))
                    .project(head("field", b("p"), col("st", "field", DataType.INT64), b("q")));
            RelSpec loadRule = RelSpec.scan("load", "ld")
                    .join(facts("p", "pts"), JoinType.INNER, col("ld", "base", DataType.INT64).eq(a("p")))
                    .join(facts("h", "field"), JoinType.INNER, b("p").eq(a("h")).and(col("ld", "field", DataType.INT64).eq(f("h"))))
                    .project(head("pts", col("ld", "dst", DataType.INT64), Exprs.val(0L), b("h")));
            return SemiNaiveRel.ofRules("facts", seed, List.of(copy, storeRule, loadRule), 100);
        }

        private static RelSpec facts(String alias, String rel) {
            return RelSpec.scan("facts", alias).filter(col(alias, "rel", DataType.STRING).eq(rel));
        }

        private static Field<Long> a(String alias) {
            return col(alias, "a", DataType.INT64);
        }

        private static Field<Long> f(String alias) {
            return col(alias, "f", DataType.INT64);
        }

        private static Field<Long> b(String alias) {
            return col(alias, "b", DataType.INT64);
        }

        private static List<NamedField<?>> head(String rel, Field<Long> a, Field<Long> f, Field<Long> b) {
            return List.of(Exprs.val(rel).as("rel"), a.as("a"), f.as("f"), b.as("b"));
        }

        /** The same rules iterated naively in Java until nothing changes. */
        Set<List<Object>> expected() {
            Set<List<Object>> facts = new HashSet<>();
            alloc.forEach(r -> facts.add(List.of("pts", r[0], 0L, r[1])));
            boolean changed = true;
            while (changed) {
                Set<List<Object>> next = new HashSet<>(facts);
                for (List<Object> p : facts) {
                    if (!p.get(0).equals("pts")) {
                        continue;
                    }
                    assign.stream().filter(r -> p.get(1).equals(r[1])).forEach(r -> next.add(List.of("pts", r[0], 0L, p.get(3))));
                    for (long[] st : store) {
                        if (!p.get(1).equals(st[0])) {
                            continue;
                        }
                        for (List<Object> q : facts) {
                            if (q.get(0).equals("pts") && q.get(1).equals(st[2])) {
                                next.add(List.of("field", p.get(3), st[1], q.get(3)));
                            }
                        }
                    }
                    for (long[] ld : load) {
                        if (!p.get(1).equals(ld[1])) {
                            continue;
                        }
                        for (List<Object> h : facts) {
                            if (h.get(0).equals("field") && h.get(1).equals(p.get(3)) && h.get(2).equals(ld[2])) {
                                next.add(List.of("pts", ld[0], 0L, h.get(3)));
                            }
                        }
                    }
                }
                changed = next.size() != facts.size();
                facts.clear();
                facts.addAll(next);
            }
            return facts;
        }
    }
}
