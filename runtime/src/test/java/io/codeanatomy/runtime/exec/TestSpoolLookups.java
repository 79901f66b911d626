package io.codeanatomy.runtime.exec;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.SelectedSpools;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.MemoryTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * A hash join whose right input reads a spool (under a filter and a projection) and whose left
 * input has few rows looks the left rows' keys up in the spool: the executed plan scans the spool
 * through a {@code LookupScan}, the scan gives the rows of those keys only, and the join's rows are
 * those of the plan as Calcite runs it, for inner and left joins.
 */
class TestSpoolLookups {
    private static final int EXPRS = 5_000;

    @Test
    void aJoinOfFewRowsWithASpoolReadsTheSpoolsRowsOfItsKeysOnly() {
        List<Object[]> exprs = new ArrayList<>();
        for (int i = 0; i < EXPRS; i++) {
            exprs.add(new Object[] {"e" + (i % 2_500), "k" + (i % 3), (long) i});
        }
        List<Object[]> calls = new ArrayList<>();
        for (long i = 0; i < 40; i++) {
            // Keys of expressions, one absent, one NULL.
            calls.add(new Object[] {i, i == 7 ? "absent" : i == 9 ? null : "e" + (i * 61 % 2_500)});
        }
        Set<Object> keys = calls.stream().map(call -> call[1]).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> executed = new TreeMap<>();
        Map<String, List<String>> rows = new TreeMap<>();
        List<OperatorMetrics> metrics;
        try (Session session = Session.open(SessionConfig.defaults(), List.of())) {
            session.schema().add("exprs", new MemoryTable(tf -> tf.builder()
                    .add("expr_id", SqlTypeName.VARCHAR).add("kind", SqlTypeName.VARCHAR).add("size", SqlTypeName.BIGINT).build(), exprs));
            session.schema().add("calls", new MemoryTable(tf -> tf.builder()
                    .add("call_id", SqlTypeName.BIGINT).add("expr_id", SqlTypeName.VARCHAR).nullable(true).build(), calls));
            PlannedDag dag = session.planDag(session.compileDag(spec()));
            session.run(dag, output -> {
                EnumerableRel plan = (EnumerableRel) output.query().physical();
                executed.put(output.name(), RelOptUtil.toString(SmallerSide.rewrite(SelectedSpools.rewrite(plan))));
                rows.put(output.name(), run(session.executor().rows(plan, output.name())));
                return output.name();
            });
            metrics = session.operatorMetrics();
        }

        Map<String, List<Object[]>> byKey = new HashMap<>();
        exprs.forEach(expr -> byKey.computeIfAbsent((String) expr[0], k -> new ArrayList<>()).add(expr));
        List<String> inner = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (Object[] call : calls) {
            List<Object[]> matches = call[1] == null ? List.of() : byKey.getOrDefault(call[1], List.of()).stream()
                    .filter(expr -> !expr[1].equals("k0")).toList();
            matches.forEach(expr -> inner.add(call[0] + "|" + expr[2]));
            matches.forEach(expr -> left.add(call[0] + "|" + expr[2]));
            if (matches.isEmpty()) {
                left.add(call[0] + "|null");
            }
        }
        assertThat(inner).hasSizeGreaterThan(20);
        for (String output : List.of("called", "maybe_called")) {
            assertThat(executed.get(output)).as(output).contains("LookupScan");
            assertThat(sorted(rows.get(output))).as(output).isEqualTo(sorted(output.equals("called") ? inner : left));
            long scanned = metrics.stream().filter(m -> m.plan().equals(output) && m.operator().equals("SpoolScan"))
                    .mapToLong(OperatorMetrics::rowsOut).sum();
            assertThat(scanned).as("the spool's rows read by " + output)
                    .isEqualTo(exprs.stream().filter(expr -> keys.contains(expr[0])).count());
        }
        // Two joins with the spool in one plan, one with a condition beyond its key: each looks its keys up.
        assertThat(executed.get("twice").split("LookupScan", -1)).hasSize(3);
        long pairs = calls.stream().filter(call -> call[1] != null).mapToLong(call -> byKey.getOrDefault(call[1], List.of()).size()).sum();
        assertThat(rows.get("twice")).hasSize((int) (2 * pairs));
        // Without a join the spool is read whole, as before.
        assertThat(executed.get("sized")).doesNotContain("LookupScan");
    }

    private static List<String> run(Enumerator<?> rows) {
        List<String> out = new ArrayList<>();
        try (rows) {
            while (rows.moveNext()) {
                Object[] row = rows.current() instanceof Object[] array ? array : new Object[] {rows.current()};
                out.add(Arrays.stream(row).map(String::valueOf).collect(Collectors.joining("|")));
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    private static SemanticSpec spec() {
        RelSpec filtered = RelSpec.scan("exprs_view", "e").filter(col("e", "kind", DataType.STRING).ne("k0"))
                .project(col("e", "expr_id", DataType.STRING).as("expr_id"), col("e", "size", DataType.INT64).as("size"));
        return SemanticSpec.builder("lookups", "1")
                .input("exprs", SchemaContract.of(1, ColumnContract.required("expr_id", DataType.STRING),
                        ColumnContract.required("kind", DataType.STRING), ColumnContract.required("size", DataType.INT64)))
                .input("calls", SchemaContract.of(1, ColumnContract.required("call_id", DataType.INT64),
                        ColumnContract.optional("expr_id", DataType.STRING)))
                .view("exprs_view", ViewKind.PROJECT, RelSpec.scan("exprs", "x").project(col("x", "expr_id", DataType.STRING).as("expr_id"),
                        col("x", "kind", DataType.STRING).as("kind"), col("x", "size", DataType.INT64).as("size")))
                .view("called", ViewKind.JOIN, RelSpec.scan("calls", "c")
                        .join(filtered.as("f"), JoinType.INNER, col("c", "expr_id", DataType.STRING).eq(col("f", "expr_id", DataType.STRING)))
                        .project(col("c", "call_id", DataType.INT64).as("call_id"), col("f", "size", DataType.INT64).as("size")))
                .view("maybe_called", ViewKind.JOIN, RelSpec.scan("calls", "c")
                        .join(filtered.as("f"), JoinType.LEFT, col("c", "expr_id", DataType.STRING).eq(col("f", "expr_id", DataType.STRING)))
                        .project(col("c", "call_id", DataType.INT64).as("call_id"), col("f", "size", DataType.INT64).as("size")))
                .view("twice", ViewKind.UNION, RelSpec.unionAll(
                        RelSpec.scan("calls", "c").join(RelSpec.scan("exprs_view", "f").project(col("f", "expr_id", DataType.STRING).as("expr_id"),
                                        col("f", "kind", DataType.STRING).as("kind")).as("g"), JoinType.INNER,
                                col("c", "expr_id", DataType.STRING).eq(col("g", "expr_id", DataType.STRING))
                                        .and(col("c", "expr_id", DataType.STRING).ne(col("g", "kind", DataType.STRING))))
                                .project(col("c", "call_id", DataType.INT64).as("call_id")),
                        RelSpec.scan("calls", "c").join(RelSpec.scan("exprs_view", "f").project(col("f", "expr_id", DataType.STRING).as("expr_id"),
                                        col("f", "kind", DataType.STRING).as("kind")).as("g"), JoinType.INNER,
                                col("c", "expr_id", DataType.STRING).eq(col("g", "expr_id", DataType.STRING)))
                                .project(col("c", "call_id", DataType.INT64).as("call_id"))))
                .output("twice", "twice", "cpg/twice", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("call_id", DataType.INT64)))
                .view("sized", ViewKind.AGGREGATE, RelSpec.scan("exprs_view", "e")
                        .aggregate(List.of(col("e", "kind", DataType.STRING).as("kind")), List.of(AggregateCall.count("n"))))
                .output("called", "called", "cpg/called", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("call_id", DataType.INT64), ColumnContract.required("size", DataType.INT64)))
                .output("maybe_called", "maybe_called", "cpg/maybe_called", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("call_id", DataType.INT64), ColumnContract.optional("size", DataType.INT64)))
                .output("sized", "sized", "cpg/sized", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("kind", DataType.STRING), ColumnContract.required("n", DataType.INT64)))
                .build();
    }
}
