package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.exec.PlanExecutor;
import io.codeanatomy.runtime.testing.FilterableMemoryTable;
import io.codeanatomy.runtime.testing.PlanningFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/** Our physical operators return exactly the rows Calcite's own return with their rules disabled. */
class TestPhysicalOperators {
    private final PlanningFixture fixture = new PlanningFixture()
            .add("defs", new FilterableMemoryTable(tf -> tf.builder()
                    .add("def_id", SqlTypeName.BIGINT)
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("name", SqlTypeName.VARCHAR).nullable(true)
                    .add("kind", SqlTypeName.VARCHAR)
                    .build(), defs(3_000)))
            .add("files", new FilterableMemoryTable(tf -> tf.builder()
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("path", SqlTypeName.VARCHAR)
                    .add("status", SqlTypeName.VARCHAR)
                    .build(), files(40)));

    @Test
    void compiledScanAppliesPushedFiltersAndProjectionsInGeneratedCode() {
        Function<RelBuilder, RelNode> query = b -> b.scan("defs")
                .filter(b.and(b.equals(b.field("kind"), b.literal("CLASS")), b.isNotNull(b.field("name"))))
                .project(b.field("name"), b.field("def_id"))
                .build();
        PlannedQuery on = plan(query, Set.of());
        PlannedQuery off = plan(query, Set.of(BuiltinRules.COMPILED_TABLE_SCAN));

        assertThat(on.physicalText()).contains("CompiledTableScan(table=[[defs]], filters=").doesNotContain("EnumerableInterpreter");
        assertThat(off.physicalText()).contains("EnumerableInterpreter");
        // Every third row is a class; every 21st of all rows has no name.
        assertThat(sorted(run(on))).hasSize(1_000 - 143).isEqualTo(sorted(run(off)));
    }

    @Test
    void compiledScanReadsFilterColumnsItDoesNotProject() {
        Function<RelBuilder, RelNode> query = b -> b.scan("files")
                .filter(b.equals(b.field("status"), b.literal("OK")))
                .project(b.field("path"))
                .build();
        PlannedQuery on = plan(query, Set.of());

        assertThat(on.physicalText()).contains("CompiledTableScan");
        assertThat(sorted(run(on))).hasSize(30).isEqualTo(sorted(run(plan(query, Set.of(BuiltinRules.COMPILED_TABLE_SCAN)))));
    }

    @Test
    void plainScanUnderAJoinIsCompiledToo() {
        Function<RelBuilder, RelNode> query = b -> b.scan("defs").scan("files")
                .join(JoinRelType.INNER, b.equals(b.field(2, 0, "file_id"), b.field(2, 1, "file_id")))
                .build();
        PlannedQuery on = plan(query, Set.of());
        PlannedQuery off = plan(query, Set.of(BuiltinRules.COMPILED_FULL_TABLE_SCAN));

        assertThat(on.physicalText()).contains("CompiledTableScan(table=[[files]])").doesNotContain("EnumerableTableScan");
        assertThat(off.physicalText()).contains("EnumerableTableScan");
        assertThat(sorted(run(on))).hasSize(3_000).isEqualTo(sorted(run(off)));
    }

    @Test
    void sortedArrayAggregateReturnsCalcitesGroups() {
        Function<RelBuilder, RelNode> query = b -> b.scan("defs")
                .project(b.field("file_id"), b.field("kind"), b.field("name"), b.field("def_id"),
                        b.alias(b.call(SqlStdOperatorTable.ROW, b.field("def_id"), b.field("name")), "def"))
                .aggregate(b.groupKey(b.field("file_id"), b.field("kind")),
                        b.countStar("n"),
                        b.count(b.field("name")).as("named"),
                        b.min("first", b.field("name")),
                        b.max("last", b.field("def_id")),
                        b.aggregateCall(SqlLibraryOperators.ARRAY_AGG, b.field("name"))
                                .sort(b.desc(b.field("def_id"))).as("names"),
                        b.aggregateCall(SqlLibraryOperators.ARRAY_AGG, b.field("def"))
                                .sort(b.field("name"), b.desc(b.field("def_id"))).as("defs"),
                        b.aggregateCall(SqlLibraryOperators.ARRAY_AGG, b.field("def_id")).as("in_input_order"))
                .build();
        PlannedQuery on = plan(query, Set.of());
        PlannedQuery off = plan(query, Set.of(BuiltinRules.ARRAY_AGGREGATE));

        assertThat(on.physicalText()).contains("ArrayAggregate");
        assertThat(off.physicalText()).doesNotContain("ArrayAggregate");
        assertThat(sorted(run(on))).hasSize(40 * 3).isEqualTo(sorted(run(off)));
    }

    @Test
    void aggregatesWithoutArrayAggStayCalcites() {
        PlannedQuery planned = plan(b -> b.scan("defs")
                .aggregate(b.groupKey(b.field("file_id")), b.countStar("n"))
                .build(), Set.of());

        assertThat(planned.physicalText()).contains("EnumerableAggregate").doesNotContain("ArrayAggregate");
    }

    @Test
    void rowSortGivesCalcitesOrderKeysTiesAndNullsIncluded() {
        // Names repeat and are null in every 7th row; ties on (kind, name) keep the input order in both.
        Function<RelBuilder, RelNode> query = b -> b.scan("defs")
                .project(b.field("kind"), b.field("name"), b.field("def_id"), b.field("file_id"))
                .sort(b.field("kind"), b.desc(b.field("name")), b.nullsFirst(b.field("file_id")))
                .build();
        PlannedQuery on = plan(query, Set.of());
        PlannedQuery off = plan(query, Set.of(BuiltinRules.ROW_SORT));

        assertThat(on.physicalText()).contains("RowSort").doesNotContain("EnumerableSort");
        assertThat(off.physicalText()).contains("EnumerableSort").doesNotContain("RowSort");
        List<String> rows = run(on);
        // In the order Calcite gives, row for row, not only the same rows.
        assertThat(rows).hasSize(3_000).isEqualTo(run(off)).isNotEqualTo(sorted(rows));
        // A descending key puts its nulls first unless told otherwise, as SQL does.
        assertThat(rows.get(0)).startsWith("[CLASS, null,");
        assertThat(rows.get(rows.size() - 1)).startsWith("[LAMBDA, d0,");
    }

    @Test
    void aSortWithAFetchIsARowSortUnderTheLimit() {
        // Calcite plans a sort with a fetch as a limit over a whole sort, Enumerable having no top-N here.
        Function<RelBuilder, RelNode> query = b -> b.scan("defs").sortLimit(0, 10, b.field("name"), b.field("def_id")).build();
        PlannedQuery on = plan(query, Set.of());

        assertThat(on.physicalText()).contains("EnumerableLimit(fetch=[10])\n  RowSort");
        assertThat(run(on)).hasSize(10).isEqualTo(run(plan(query, Set.of(BuiltinRules.ROW_SORT))));
    }

    private PlannedQuery plan(Function<RelBuilder, RelNode> query, Set<String> disabled) {
        return QueryPlanner.create(List.of(), disabled).plan(query.apply(fixture.builder()));
    }

    private List<String> run(PlannedQuery planned) {
        List<String> rows = new ArrayList<>();
        try (Enumerator<?> e = new PlanExecutor(fixture.root().plus(), fixture.typeFactory(), 0L).rows(planned.physical())) {
            while (e.moveNext()) {
                Object row = e.current();
                rows.add(render(row));
            }
        }
        return rows;
    }

    /** Rows, structs and arrays rendered by value. */
    private static String render(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(TestPhysicalOperators::render).toList().toString();
        }
        if (value instanceof List<?> list) {
            return "ARRAY" + list.stream().map(TestPhysicalOperators::render).toList();
        }
        return String.valueOf(value);
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    private static List<Object[]> defs(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String kind = List.of("CLASS", "FUNCTION", "LAMBDA").get(i % 3);
            // Names repeat within a file, so WITHIN GROUP order needs its second key.
            rows.add(new Object[] {(long) i, i % 40, i % 7 == 0 ? null : "d" + (i % 11), kind});
        }
        return rows;
    }

    private static List<Object[]> files(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {i, "src/m" + i + ".py", i % 4 == 3 ? "ERROR" : "OK"});
        }
        return rows;
    }
}
