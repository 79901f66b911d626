package io.codeanatomy.runtime.plan.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.externalize.RelJsonReader;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

class TestPlanExports {
    /** Takes filters and projections as Delta tables do, so push-down makes Bindable scans. */
    private static final class FilterableTable extends AbstractTable implements ProjectableFilterableTable {
        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.builder()
                    .add("id", SqlTypeName.INTEGER)
                    .add("file_id", SqlTypeName.INTEGER)
                    .add("name", SqlTypeName.VARCHAR).nullable(true)
                    .build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
            return Linq4j.emptyEnumerable();
        }
    }

    private static FilterableTable table() {
        return new FilterableTable();
    }

    /** RelJson writes a character literal without its VARCHAR type, so it reads back as CHAR. */
    private static String withoutLiteralTypes(String plan) {
        return plan.replaceAll("'([^']*)':VARCHAR", "'$1'");
    }

    /** A join of two filtered, projected tables: push-down gives Bindable scans with filters. */
    private static PlannedQuery plan(Session session) {
        session.schema().add("defs", table());
        session.schema().add("files", table());
        RelBuilder b = session.relBuilder();
        RelNode compiled = b.scan("defs")
                .filter(b.equals(b.field("name"), b.literal("a")))
                .scan("files")
                .join(JoinRelType.INNER, b.equals(b.field(2, 0, "file_id"), b.field(2, 1, "id")))
                .project(b.field(0), b.field(2))
                .build();
        return session.plan(compiled);
    }

    @Test
    void relJsonOfP1IsReadBackByRelJsonReaderToTheSamePlan() throws Exception {
        try (Session session = Session.open(SessionConfig.defaults(), List.of())) {
            PlannedQuery planned = plan(session);
            String json = PlanJson.of(planned.optimized()).text().orElseThrow();

            RelNode read = new RelJsonReader(planned.optimized().getCluster(), session.catalogReader(), session.schema().plus()).read(json);

            assertThat(planned.optimizedText()).contains("BindableTableScan");
            assertThat(withoutLiteralTypes(RelOptUtil.toString(read)))
                    .isEqualTo(withoutLiteralTypes(RelOptUtil.toString(ScanExpansion.expand(planned.optimized()))))
                    .contains("LogicalFilter(condition=[=($2, 'a')])");
            assertThat(read.getRowType().getFieldNames()).isEqualTo(planned.optimized().getRowType().getFieldNames());
        }
    }

    @Test
    void substraitWritesPlainPlansAndNamesWhatItCannotExpress() {
        try (Session session = Session.open(SessionConfig.defaults(), List.of(new SpansPlugin()))) {
            PlannedQuery planned = plan(session);
            Unparsed plain = PlanSubstrait.of(planned.optimized());
            assertThat(plain.failure()).isEmpty();
            assertThat(plain.text().orElseThrow()).contains("\"relations\"").contains("\"filter\"").contains("\"join\"");

            RelBuilder b = session.relBuilder();
            RelNode withFunction = b.scan("defs")
                    .project(b.call(session.functions().scalar("qualified_name_leaf").orElseThrow(), b.field("name")))
                    .build();
            Unparsed udf = PlanSubstrait.of(session.plan(withFunction).optimized());
            assertThat(udf.text()).isEmpty();
            assertThat(udf.failure().orElseThrow()).contains("qualified_name_leaf");
        }
    }

    @Test
    void sqlKeepsPushedDownFiltersAndDotNumbersNodesFromTheRoot() {
        try (Session session = Session.open(SessionConfig.defaults(), List.of())) {
            PlannedQuery planned = plan(session);

            assertThat(planned.optimizedText()).contains("BindableTableScan(table=[[defs]], filters=");
            assertThat(PlanSql.of(planned.optimized())).containsOnlyKeys("duckdb", "postgresql", "spark");
            assertThat(PlanSql.of(planned.optimized()).get("postgresql").text().orElseThrow())
                    .contains("WHERE \"name\" = 'a'").contains("INNER JOIN");
            assertThat(PlanSql.of(planned.optimized()).get("spark").text().orElseThrow()).contains("WHERE `name` = 'a'");
            String dot = PlanDot.of(planned.optimized());
            assertThat(dot).startsWith("digraph plan {").contains("n0 [label=\"LogicalProject").contains("n1 -> n0")
                    .doesNotContainPattern("#\\d");
        }
    }

    @Test
    void aFailureReasonKeepsNoNodeIdsWhichDependOnWhatTheJvmPlannedBefore() {
        Unparsed failed = Unparsed.failure("Unable to handle node: rel#7621:LogicalRepeatUnion.NONE.[](left=LogicalTableSpool#7611,"
                + "right=LogicalTableSpool#7619,window#0=window(rows))");

        assertThat(failed.failure()).contains("Unable to handle node: LogicalRepeatUnion.NONE.[](left=LogicalTableSpool,"
                + "right=LogicalTableSpool,window#0=window(rows))");
        assertThat(failed.text()).isEmpty();
    }
}
