package io.codeanatomy.runtime.plan;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.StructMember;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.plan.PlanDag;
import io.codeanatomy.api.plan.PlanEdge;
import io.codeanatomy.api.plan.PlanNodeKind;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.compile.CompiledSpec;
import io.codeanatomy.runtime.compile.SharedViews;
import io.codeanatomy.runtime.exec.SpoolMetrics;
import io.codeanatomy.runtime.pipeline.OutputReuse;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.CountingTable;
import io.codeanatomy.runtime.testing.MemoryTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec whose outputs share views compiles into one DAG: each shared view is a spool computed once
 * per run (the counting input tables prove it), the outputs equal those of planning each output on
 * its own, and the plan bundle lists the DAG with a hash that does not change between compilations.
 */
class TestSpooledDag {
    private static final Field<Long> DEF_ID = col("d", "def_id", DataType.INT64);
    private static final Field<String> DEF_KIND = col("d", "kind", DataType.STRING);
    private static final Field<String> DEF_NAME = col("d", "name", DataType.STRING);
    private static final Field<Long> DEF_PARENT = col("d", "parent_id", DataType.INT64);

    private final CountingTable defs = defsTable(List.of(
            new Object[] {1L, "class", "C", null},
            new Object[] {2L, "function", "f", 1L},
            new Object[] {3L, "function", "g", 1L},
            new Object[] {4L, "function", "h", null},
            new Object[] {5L, "function", "k", 4L}));
    private final CountingTable edges = new CountingTable(new MemoryTable(tf -> tf.builder()
            .add("src", SqlTypeName.BIGINT)
            .add("dst", SqlTypeName.BIGINT)
            .build(), List.of(new Object[] {1L, 2L}, new Object[] {2L, 3L}, new Object[] {3L, 4L}, new Object[] {5L, 1L})));

    @Test
    void viewsReadTwiceBecomeSpoolsInDependencyOrder() {
        assertThat(SharedViews.of(spec())).containsExactly("functions", "ids", "per_parent", "reach");
    }

    @Test
    void aViewOneConsumerReadsTwiceIsSpooledAndOneReadOnceIsNot() {
        Field<Long> left = col("a", "def_id", DataType.INT64);
        SemanticSpec spec = SemanticSpec.builder("twice", "1")
                .input("defs", SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .view("functions", ViewKind.FILTER, RelSpec.scan("defs", "d").filter(DEF_KIND.eq("function")).project(DEF_ID.as("def_id")))
                .view("classes", ViewKind.FILTER, RelSpec.scan("defs", "d").filter(DEF_KIND.eq("class")).project(DEF_ID.as("def_id")))
                .view("pairs", ViewKind.JOIN, RelSpec.scan("functions", "a")
                        .join(RelSpec.scan("functions", "b"), JoinType.INNER, left.lt(col("b", "def_id", DataType.INT64)))
                        .join(RelSpec.scan("classes", "c"), JoinType.INNER, left.gt(col("c", "def_id", DataType.INT64)))
                        .project(left.as("def_id")))
                .output("pairs", "pairs", "cpg/pairs", WriteMode.OVERWRITE, SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .build();

        // defs: scanned by functions and by classes; functions: twice in the one body of pairs.
        assertThat(SharedViews.of(spec)).containsExactly("functions");
    }

    @Test
    void eachSharedViewIsComputedOnceAndTheOutputsEqualSeparatePlans() {
        try (Session session = session()) {
            Map<String, List<String>> separate = new LinkedHashMap<>();
            CompiledSpec compiled = session.compile(spec());
            for (OutputTarget output : spec().outputs()) {
                separate.put(output.name(), rows(session, session.plan(compiled.output(output.name()))));
            }
            // Planned apart, the four outputs over functions compute it four times, the two over reach
            // twice (a fixpoint scans edges once per round, so count the scans of one computation).
            assertThat(defs.scans()).isEqualTo(4);
            assertThat(edges.scans()).isPositive().isEven();
            int edgeScansOfOneReach = edges.scans() / 2;
            defs.reset();
            edges.reset();

            PlannedDag dag = session.planDag(session.compileDag(spec()));
            Map<String, List<String>> together = new LinkedHashMap<>();
            session.run(dag, output -> Map.entry(output.name(), rows(session, output.query())))
                    .forEach(e -> together.put(e.getKey(), e.getValue()));

            assertThat(together).isEqualTo(separate);
            assertThat(together.get("children")).containsExactly("1|2|[f, g]", "4|1|[k]", "null|1|[h]");
            assertThat(together.get("from_one")).containsExactly("1|2", "1|3", "1|4");
            assertThat(defs.scans()).isEqualTo(1);
            assertThat(edges.scans()).isEqualTo(edgeScansOfOneReach);
            assertThat(session.spoolMetrics()).extracting(SpoolMetrics::view, SpoolMetrics::rows, SpoolMetrics::computations, SpoolMetrics::scans)
                    .containsExactly(tuple("functions", 4L, 1, 2), tuple("ids", 4L, 1, 2), tuple("per_parent", 3L, 1, 2), tuple("reach", 10L, 1, 2));
            assertThat(session.spoolMetrics()).allSatisfy(m -> {
                assertThat(m.millis()).isNotNegative();
                assertThat(m.cpuMillis()).isNotNegative();
            });
        }
    }

    /**
     * The spools' rows share one instance of each string: a table whose every string is an
     * instance of its own gives the outputs of the same table of literals, with the repeats counted
     * as shared, and the run drops the table of shared strings when it ends.
     */
    @Test
    void theSpoolsShareOneInstanceOfEachStringAndTheRunDropsThemAtItsEnd() {
        Map<String, List<String>> literals;
        try (Session session = session(SessionConfig.defaults(), defsNamed(text -> text))) {
            literals = dagRows(session);
        }
        try (Session session = session(SessionConfig.defaults(), defsNamed(TestSpooledDag::copy))) {
            Map<String, List<String>> copies = dagRows(session);

            assertThat(copies).isEqualTo(literals);
            assertThat(copies.get("children")).containsExactly("1|2|[f, f]", "4|1|[k]", "null|1|[f]");
            CanonicalStrings strings = session.sharedStrings().orElseThrow();
            assertThat(strings.seen()).isPositive();
            assertThat(strings.shared()).as("the names' repeats").isPositive().isLessThan(strings.seen());
            String fresh = copy("f");
            assertThat(strings.canonical(fresh)).as("dropped at the run's end").isSameAs(fresh);
        }
    }

    /** {@link #defs} with three functions named f, each string made by {@code strings}. */
    private static CountingTable defsNamed(UnaryOperator<String> strings) {
        return defsTable(List.of(
                new Object[] {1L, strings.apply("class"), strings.apply("C"), null},
                new Object[] {2L, strings.apply("function"), strings.apply("f"), 1L},
                new Object[] {3L, strings.apply("function"), strings.apply("f"), 1L},
                new Object[] {4L, strings.apply("function"), strings.apply("f"), null},
                new Object[] {5L, strings.apply("function"), strings.apply("k"), 4L}));
    }

    /** A table of definitions ({@code def_id}, {@code kind}, {@code name}, {@code parent_id}) holding {@code rows}. */
    private static CountingTable defsTable(List<Object[]> rows) {
        return new CountingTable(new MemoryTable(tf -> tf.builder()
                .add("def_id", SqlTypeName.BIGINT)
                .add("kind", SqlTypeName.VARCHAR)
                .add("name", SqlTypeName.VARCHAR)
                .add("parent_id", SqlTypeName.BIGINT).nullable(true)
                .build(), rows));
    }

    private static String copy(String text) {
        return new String(text.toCharArray());
    }

    @Test
    void aFlightRecordingHasOneEventPerSpoolComputation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording recording = new Recording(); Session session = session()) {
            recording.enable("codeanatomy.SpoolComputation");
            recording.start();
            PlannedDag dag = session.planDag(session.compileDag(spec()));
            session.run(dag, output -> rows(session, output.query()));
            recording.stop();
            recording.dump(file);
        }
        List<Object> events = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            assertThat(event.getThread()).isNotNull();
            events.add(tuple(event.getString("view"), event.getLong("rows")));
        }
        assertThat(events).containsExactlyInAnyOrder(tuple("functions", 4L), tuple("ids", 4L), tuple("per_parent", 3L), tuple("reach", 10L));
    }

    @Test
    void fragmentsRunSideBySideGiveTheRowsOfARunOneAtATime() {
        Map<String, List<String>> oneAtATime = runDag(1);
        assertThat(oneAtATime).containsOnlyKeys("ids", "max_id", "children", "big_parents", "reach", "from_one");
        for (int workers : new int[] {2, 4, 8}) {
            assertThat(runDag(workers)).as("%d workers", workers).isEqualTo(oneAtATime);
        }
    }

    @Test
    void whenSeveralFragmentsFailTheEarliestInTheDagIsReportedWhateverTheTiming() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Session session = session(SessionConfig.defaults().withWorkers(4))) {
                PlannedDag dag = session.planDag(session.compileDag(spec()));
                assertThatThrownBy(() -> session.run(dag, output -> {
                    if (output.name().equals("from_one") || output.name().equals("max_id")) {
                        throw new IllegalStateException("output " + output.name() + " failed");
                    }
                    return rows(session, output.query());
                })).isInstanceOf(IllegalStateException.class).hasMessage("output max_id failed");
            }
        }
    }

    @Test
    void aFragmentThatRunsOutOfHeapEndsTheRunWithItsError() {
        for (int workers : new int[] {1, 2, 4}) {
            try (Session session = session(SessionConfig.defaults().withWorkers(workers))) {
                PlannedDag dag = session.planDag(session.compileDag(spec()));
                assertThatThrownBy(() -> session.run(dag, output -> {
                    if (output.name().equals("children")) {
                        throw new OutOfMemoryError("Java heap space (in a test)");
                    }
                    return rows(session, output.query());
                })).as("%d workers", workers).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space (in a test)");
            }
        }
    }

    @Test
    void aFailedRunDropsTheRowsOfEverySpool() {
        try (Session session = session()) {
            PlannedDag dag = session.planDag(session.compileDag(spec()));
            assertThatThrownBy(() -> session.run(dag, output -> {
                if (output.name().equals("from_one")) {
                    throw new IllegalStateException("output from_one failed");
                }
                return rows(session, output.query());
            })).hasMessage("output from_one failed");
            List<PlannedFragment> readers = dag.fragments().stream().filter(fragment -> !fragment.reads().isEmpty()).toList();
            assertThat(readers).as("fragments that read spools").isNotEmpty();
            // What comes after a failure (its run record, after a full heap) gets the memory the spools held.
            for (PlannedFragment reader : readers) {
                assertThatThrownBy(() -> rows(session, reader.query())).as(reader.name())
                        .hasMessageContaining("after its release");
            }
        }
    }

    @Test
    void aDagWithoutSkippedOutputsComputesOnlyTheSpoolsTheOthersReadAndGivesTheirRows() {
        Map<String, List<String>> all = runDag(1);
        try (Session session = session()) {
            PlannedDag dag = session.planDag(session.compileDag(spec()));

            PlannedDag rest = OutputReuse.without(dag, Set.of("reach", "from_one"));
            Map<String, List<String>> rows = new LinkedHashMap<>();
            session.run(rest, output -> Map.entry(output.name(), rows(session, output.query())))
                    .forEach(e -> rows.put(e.getKey(), e.getValue()));

            assertThat(rest.fragments(PlanNodeKind.SPOOL)).extracting(PlannedFragment::name).containsExactly("functions", "ids", "per_parent");
            assertThat(rows).containsOnlyKeys("ids", "max_id", "children", "big_parents");
            rows.forEach((output, got) -> assertThat(got).as(output).isEqualTo(all.get(output)));
            assertThat(session.spoolMetrics()).filteredOn(spool -> spool.view().equals("reach"))
                    .allSatisfy(spool -> assertThat(spool.computations()).isZero());
            assertThat(OutputReuse.without(dag, Set.of()).fragments()).isEqualTo(dag.fragments());
            assertThat(OutputReuse.without(dag, Set.of("ids", "max_id", "children", "big_parents", "reach", "from_one")).fragments())
                    .isEmpty();
        }
    }

    /** Each output's rows, in the DAG's output order, from a run with {@code workers} fragments at a time. */
    private Map<String, List<String>> runDag(int workers) {
        try (Session session = session(SessionConfig.defaults().withWorkers(workers))) {
            Map<String, List<String>> rows = dagRows(session);
            assertThat(session.spoolMetrics()).allSatisfy(spool -> assertThat(spool.computations()).isEqualTo(1));
            return rows;
        }
    }

    /** Each output's rows, in the DAG's output order, from one run of the spec's DAG in {@code session}. */
    private static Map<String, List<String>> dagRows(Session session) {
        PlannedDag dag = session.planDag(session.compileDag(spec()));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        session.run(dag, output -> Map.entry(output.name(), rows(session, output.query())))
                .forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    @Test
    void structsAndListsOfStructsComeBackFromASpoolAsTheyWent() {
        DataType<Map<String, Object>> member = DataType.struct(List.of(
                new StructMember("def_id", DataType.INT64, false), new StructMember("name", DataType.STRING, false)));
        SemanticSpec spec = SemanticSpec.builder("structs", "1")
                .input("defs", SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .view("members", ViewKind.AGGREGATE, RelSpec.scan("defs", "d").filter(DEF_PARENT.isNotNull())
                        .aggregate(List.of(DEF_PARENT.as("parent_id")), List.of(AggregateCall.collect(
                                Exprs.struct("def_id", DEF_ID, "name", DEF_NAME), "members", SortKey.asc(DEF_ID))))
                        .as("m")
                        .project(col("m", "parent_id", DataType.INT64).as("parent_id"),
                                col("m", "members", DataType.list(member)).as("members"),
                                Exprs.struct("parent", col("m", "parent_id", DataType.INT64)).as("key")))
                .view("first_names", ViewKind.EXPAND, RelSpec.scan("members", "m")
                        .unnestWithOrdinality(col("m", "members", DataType.list(member)), "member", "i")
                        .filter(col("i", DataType.INT32).eq(1))
                        .project(col("m", "parent_id", DataType.INT64).as("parent_id"),
                                Exprs.member(col("member", member), "name", DataType.STRING).as("name")))
                .output("members", "members", "cpg/members", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.optional("parent_id", DataType.INT64), ColumnContract.required("members", DataType.list(member)),
                        ColumnContract.required("key", DataType.struct(List.of(new StructMember("parent", DataType.INT64, true))))))
                .output("first_names", "first_names", "cpg/first_names", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.optional("parent_id", DataType.INT64), ColumnContract.optional("name", DataType.STRING)))
                .build();
        try (Session session = session()) {
            CompiledSpec compiled = session.compile(spec);
            Map<String, List<String>> separate = new LinkedHashMap<>();
            for (OutputTarget output : spec.outputs()) {
                separate.put(output.name(), rows(session, session.plan(compiled.output(output.name()))));
            }
            PlannedDag dag = session.planDag(session.compileDag(spec));
            Map<String, List<String>> together = new LinkedHashMap<>();
            session.run(dag, output -> Map.entry(output.name(), rows(session, output.query())))
                    .forEach(e -> together.put(e.getKey(), e.getValue()));

            assertThat(dag.bundle().nodes(PlanNodeKind.SPOOL)).extracting(node -> node.name()).containsExactly("members");
            assertThat(together).isEqualTo(separate);
            assertThat(together.get("first_names")).containsExactly("1|f", "4|k");
            assertThat(together.get("members")).containsExactly("1|[{2, f}, {3, g}]|{1}", "4|[{5, k}]|{4}");
        }
    }

    @Test
    void thePlansScanTheSpoolsAndTheBundleListsTheDag() {
        try (Session session = session()) {
            PlannedDag planned = session.planDag(session.compileDag(spec()));
            PlanDag dag = planned.bundle();

            assertThat(dag.nodes()).extracting(node -> node.id()).containsExactly(
                    "spool:functions", "spool:ids", "spool:per_parent", "spool:reach",
                    "output:ids", "output:max_id", "output:children", "output:big_parents", "output:reach", "output:from_one");
            assertThat(dag.edges()).containsExactly(
                    new PlanEdge("spool:functions", "spool:ids"),
                    new PlanEdge("spool:functions", "spool:per_parent"),
                    new PlanEdge("spool:ids", "output:ids"),
                    new PlanEdge("spool:ids", "output:max_id"),
                    new PlanEdge("spool:per_parent", "output:big_parents"),
                    new PlanEdge("spool:per_parent", "output:children"),
                    new PlanEdge("spool:reach", "output:from_one"),
                    new PlanEdge("spool:reach", "output:reach"));
            assertThat(dag.node("output:from_one").plans().p1()).contains("LogicalTableScan(table=[[spool, reach]])")
                    .doesNotContain("RepeatUnion");
            assertThat(dag.node("output:from_one").plans().p2()).contains("SpoolScan(table=[[spool, reach]])")
                    .doesNotContain("EnumerableInterpreter");
            assertThat(dag.node("spool:reach").plans().p1()).contains("RepeatUnion");
            assertThat(dag.node("output:max_id").plans().p1()).contains("table=[[spool, ids]]").doesNotContain("defs");
            assertThat(dag.nodes(PlanNodeKind.SPOOL)).hasSize(4);
        }
    }

    @Test
    void theDagHashIsStableAcrossCompilationsAndSessions() {
        String first;
        try (Session session = session()) {
            first = session.planDag(session.compileDag(spec())).bundle().hash();
            assertThat(session.planDag(session.compileDag(spec())).bundle().hash()).isEqualTo(first);
        }
        try (Session session = session()) {
            PlanDag again = session.planDag(session.compileDag(spec())).bundle();
            assertThat(again.hash()).isEqualTo(first);
            // Calcite numbers nodes per JVM (rel#12); plan text must not show it.
            assertThat(again.canonicalJson()).doesNotContain("rel#");
        }
    }

    private Session session() {
        return session(SessionConfig.defaults());
    }

    private Session session(SessionConfig config) {
        return session(config, defs);
    }

    private Session session(SessionConfig config, CountingTable definitions) {
        Session session = Session.open(config, List.of());
        session.schema().add("defs", definitions);
        session.schema().add("edges", edges);
        return session;
    }

    /** Rows as text, sorted: the same rows give the same list whatever the plan's order. */
    private static List<String> rows(Session session, PlannedQuery query) {
        List<String> rows = new ArrayList<>();
        boolean single = query.physical().getRowType().getFieldCount() == 1;
        try (Enumerator<?> e = session.executor().rows(query.physical())) {
            while (e.moveNext()) {
                Object[] row = single ? new Object[] {e.current()} : (Object[]) e.current();
                rows.add(String.join("|", Arrays.stream(row).map(TestSpooledDag::text).toList()));
            }
        }
        rows.sort(null);
        return rows;
    }

    /** A value as text, structs (arrays) and lists element by element. */
    private static String text(Object value) {
        if (value instanceof Object[] struct) {
            return "{" + String.join(", ", Arrays.stream(struct).map(TestSpooledDag::text).toList()) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(TestSpooledDag::text).toList()) + "]";
        }
        return String.valueOf(value);
    }

    /**
     * Functions are read by ids and per_parent, ids by an output and max_id, per_parent by an output
     * and big_parents, the recursive reach by an output and from_one: four spools.
     */
    private static SemanticSpec spec() {
        Field<Long> id = col("f", "def_id", DataType.INT64);
        RelSpec seed = RelSpec.scan("edges", "e").project(col("e", "src", DataType.INT64).as("src"), col("e", "dst", DataType.INT64).as("dst"));
        RelSpec step = RelSpec.scan("reach_step", "r")
                .join(RelSpec.scan("edges", "e"), JoinType.INNER, col("r", "dst", DataType.INT64).eq(col("e", "src", DataType.INT64)))
                .project(col("r", "src", DataType.INT64).as("src"), col("e", "dst", DataType.INT64).as("dst"));
        return SemanticSpec.builder("dag", "1")
                .input("defs", SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .input("edges", SchemaContract.of(1, ColumnContract.required("src", DataType.INT64)))
                .view("functions", ViewKind.FILTER, RelSpec.scan("defs", "d").filter(DEF_KIND.eq("function"))
                        .project(DEF_ID.as("def_id"), DEF_NAME.as("name"), DEF_PARENT.as("parent_id")))
                .view("ids", ViewKind.PROJECT, RelSpec.scan("functions", "f").project(id.as("def_id")))
                .view("max_id", ViewKind.AGGREGATE, RelSpec.scan("ids", "i")
                        .aggregate(List.of(), List.of(AggregateCall.max(col("i", "def_id", DataType.INT64), "max_id"))))
                .view("per_parent", ViewKind.AGGREGATE, RelSpec.scan("functions", "f")
                        .aggregate(List.of(col("f", "parent_id", DataType.INT64).as("parent_id")), List.of(AggregateCall.count("n"),
                                AggregateCall.collect(col("f", "name", DataType.STRING), "names",
                                        SortKey.asc(col("f", "name", DataType.STRING))))))
                .view("big_parents", ViewKind.FILTER, RelSpec.scan("per_parent", "p").filter(col("p", "n", DataType.INT64).ge(2L))
                        .project(col("p", "parent_id", DataType.INT64).as("parent_id"), col("p", "n", DataType.INT64).as("n")))
                .view("reach", ViewKind.FIXPOINT, RecursiveRel.fixpoint("reach_step", seed, step, 20))
                .view("from_one", ViewKind.FILTER, RelSpec.scan("reach", "r").filter(col("r", "src", DataType.INT64).eq(1L)))
                .output("ids", "ids", "cpg/ids", WriteMode.OVERWRITE, SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .output("max_id", "max_id", "cpg/max_id", WriteMode.OVERWRITE, SchemaContract.of(1, ColumnContract.optional("max_id", DataType.INT64)))
                .output("children", "per_parent", "cpg/children", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.optional("parent_id", DataType.INT64), ColumnContract.required("n", DataType.INT64),
                        ColumnContract.required("names", DataType.list(DataType.STRING))))
                .output("big_parents", "big_parents", "cpg/big_parents", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.optional("parent_id", DataType.INT64), ColumnContract.required("n", DataType.INT64)))
                .output("reach", "reach", "cpg/reach", WriteMode.OVERWRITE, reach())
                .output("from_one", "from_one", "cpg/from_one", WriteMode.OVERWRITE, reach())
                .build();
    }

    private static SchemaContract reach() {
        return SchemaContract.of(1, ColumnContract.required("src", DataType.INT64), ColumnContract.required("dst", DataType.INT64));
    }
}
