package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.pipeline.OutputTables;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.testkit.callgraph.CallEdge;
import io.codeanatomy.testkit.callgraph.CallGraphTruth;
import io.codeanatomy.testkit.callgraph.FixtureTruth;
import io.codeanatomy.testkit.callgraph.ScoreReport;
import io.codeanatomy.testkit.callgraph.Scorer;
import io.codeanatomy.testkit.cpython.Python3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call graph against what CPython does: each fixture of the testkit (one per category of
 * calls) is built, its {@code cpg_call_graph} read as (caller, callee) pairs and scored against
 * the pairs a profile hook records while CPython runs it (docs/callgraph-truth.md). The thresholds
 * are the measured scores, rounded down, so a rule that loses a pair fails the test.
 */
class TestCallGraphAccuracy {
    /** Comprehension scopes are transparent in the truth's names, as in a function-level graph. */
    private static final Pattern COMPREHENSION = Pattern.compile("\\.<(listcomp|setcomp|dictcomp|genexpr)>");

    @TempDir
    static Path work;
    static ScoreReport report;

    @BeforeAll
    static void buildAndScore() {
        Python3.require();
        Map<FixtureTruth, Set<CallEdge>> predictions = new LinkedHashMap<>();
        for (Path root : CallGraphTruth.fixtures()) {
            FixtureTruth truth = CallGraphTruth.record(root);
            Path out = work.resolve(truth.category());
            CliRun build = CliRun.of("build", root.toString(), "--out", out.toString());
            assertThat(build.exitCode()).as(build.err()).isZero();
            predictions.put(truth, callGraph(out));
        }
        report = Scorer.score(predictions);
        System.out.print(report.format());
    }

    @Test
    void annotationsTypeWhatFlowLeavesEmpty() {
        // Nothing passes annotated_report a value (it is called by a computed name); its annotation
        // `circle: Circle` alone resolves circle.radius().
        List<List<Object>> rows = rows("typed", "SELECT e.origin, e.resolution_method, n.qualified_name FROM cpg_edges e "
                + "JOIN cpg_nodes n ON n.node_id = e.dst_node_id WHERE e.edge_kind = 'CALLS' AND e.origin <> 'flow'");
        assertThat(rows).containsExactly(List.of("annotation", "bound_method", "app.models.Circle.radius"));
        assertThat(report.category("typed").falseNegatives()).doesNotContain(new CallEdge("app.service.annotated_report", "app.models.Circle.radius"));
    }

    @Test
    void aPropertyReadCallsItsGetterAndAStoreItsSetter() {
        // main.py: `before = v.norm` (line 33, byte 1208) and `v.norm = 5` (line 34, byte 1245); model.py
        // defines the getter and then the setter, both named model.Vec.norm.
        List<List<Object>> rows = rows("dunders", "SELECT e.path, e.bstart, e.resolution_method, n.path, n.line FROM cpg_edges e "
                + "JOIN cpg_nodes n ON n.node_id = e.dst_node_id WHERE e.edge_kind = 'CALLS' AND n.qualified_name = 'model.Vec.norm' ORDER BY 2");
        assertThat(rows).containsExactly(List.of("main.py", 1390L, "property", "model.py", 65), List.of("main.py", 1427L, "property", "model.py", 69));
    }

    @Test
    void everyEdgeHasAnIdOfItsOwn() {
        // generators: `for left, right in zip(Bag(...), Bag(...))` once gave the loop's __iter__ and zip's
        // __iter__ of its argument one site, and a loop over a Bag calls Bag.__iter__ (__iter__) and runs
        // it (__next__) at one span: both were two rows under one edge_id.
        for (String category : CallGraphTruth.CATEGORIES) {
            assertThat(rows(category, "SELECT edge_id, COUNT(*) FROM cpg_edges GROUP BY edge_id HAVING COUNT(*) > 1")).as(category).isEmpty();
        }
        List<List<Object>> zipped = rows("generators", "SELECT e.resolution_method, COUNT(*) FROM cpg_edges e JOIN cpg_nodes n ON n.node_id = e.dst_node_id"
                + " JOIN cpg_nodes c ON c.node_id = e.src_node_id WHERE e.edge_kind = 'CALLS' AND n.qualified_name = 'streams.Bag.__iter__'"
                + " AND c.qualified_name = 'main.pairs' GROUP BY e.resolution_method");
        assertThat(zipped).as("zip's and enumerate's calls of Bag.__iter__ at their calls (zip's two are one edge) and the loop's")
                .containsExactly(List.of("implicit", 3L));
    }

    private static List<List<Object>> rows(String category, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (Session session = Session.open(SessionConfig.defaults())) {
            OutputTables.register(session, work.resolve(category));
            try (Enumerator<?> result = session.executor().rows(session.planSql(sql).query().physical())) {
                while (result.moveNext()) {
                    rows.add(List.of((Object[]) result.current()));
                }
            }
        }
        return rows;
    }

    static Set<CallEdge> callGraph(Path out) {
        Set<CallEdge> pairs = new TreeSet<>();
        try (Session session = Session.open(SessionConfig.defaults())) {
            OutputTables.register(session, out);
            String sql = "SELECT caller_qualified_name, callee_qualified_name FROM cpg_call_graph";
            try (Enumerator<?> rows = session.executor().rows(session.planSql(sql).query().physical())) {
                while (rows.moveNext()) {
                    Object[] row = (Object[]) rows.current();
                    pairs.add(new CallEdge(transparent((String) row[0]), transparent((String) row[1])));
                }
            }
        }
        return pairs;
    }

    private static String transparent(String name) {
        return COMPREHENSION.matcher(name).replaceAll("");
    }

    @Test
    void overallBeyondTheBestPublishedTools() {
        // Measured 0.993 / 0.998 (403 pairs found, 3 wrong, 1 missed, of 404); issue 10 asks for 0.99 / 0.97.
        assertThat(report.overall().precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(report.overall().recall()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void everyCategory() {
        // The measured scores, rounded down:
        // typed has a context-insensitive false positive (a factory returning either of two classes) and misses a
        // function called by a name computed at run time (getattr(m, "_".join(...))), classes
        // two of a method's self taken to be an instance of its own class, which the fixture never makes, and
        // of a subclass no code constructs (diamond.C: the price of mixins, which on the standard library's
        // tests took the dynamic recall from 0.846 to 0.895); containers misses what a dict subclass's instance
        // holds (only subclasses of list, tuple, set and frozenset are containers: on the standard library dict
        // subclasses such as Counter, one container per class, added 2,615 pairs and none the tests observe).
        Map<String, double[]> floors = new LinkedHashMap<>();
        for (String category : CallGraphTruth.CATEGORIES) {
            floors.put(category, new double[] {1.0, 1.0});
        }
        floors.put("typed", new double[] {0.95, 0.95});
        floors.put("classes", new double[] {0.94, 1.0});
        floors.put("containers", new double[] {1.0, 0.95});
        floors.forEach((category, floor) -> {
            assertThat(report.category(category).score().precision()).as(category + " precision").isGreaterThanOrEqualTo(floor[0]);
            assertThat(report.category(category).score().recall()).as(category + " recall").isGreaterThanOrEqualTo(floor[1]);
        });
    }

    @Test
    void thePatternsOtherToolsMiss() {
        // starred unpacking, callbacks through builtins, self.child set to a bound method, stacked
        // decorators, the implicit calls (__getattr__ and a dataclass's default_factory among them): all found.
        for (String pattern : List.of("starred-unpacking", "callback", "bound-method-attribute", "stacked-decorators", "implicit-call")) {
            assertThat(report.pattern(pattern).recall()).as(pattern).isEqualTo(1.0);
        }
    }
}
