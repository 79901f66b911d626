package io.codeanatomy.plugins.bytespan;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.spi.rule.RuleContribution;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

class TestExpandSpanPredicatesRule {
    private static final SqlFunction CONTAINS = spanFunction(CpgFunctions.BYTE_SPAN_CONTAINS.name());
    private static final SqlFunction OVERLAPS = spanFunction(CpgFunctions.BYTE_SPAN_OVERLAPS.name());

    @Test
    void containsConjunctOfAFilterBecomesTwoComparisons() {
        RelBuilder b = builder();
        RelNode plan = b.scan("defs")
                .filter(b.call(CONTAINS, b.literal(10L), b.literal(20L), b.field("bstart"), b.field("bend")),
                        b.equals(b.field("path"), b.literal("a.py")))
                .build();

        String optimized = optimize(plan, ExpandSpanPredicatesRule.onFilter());

        assertThat(optimized).doesNotContain(CpgFunctions.BYTE_SPAN_CONTAINS.name())
                .contains("<=(10, $1)").contains("<=($2, 20)").contains("=($0, 'a.py')");
    }

    @Test
    void overlapsConjunctOfAJoinBecomesComparisonsBesideTheEquiKey() {
        RelBuilder b = builder();
        RelNode plan = b.scan("defs").scan("defs")
                .join(JoinRelType.INNER, b.and(
                        b.equals(b.field(2, 0, "path"), b.field(2, 1, "path")),
                        b.call(OVERLAPS, b.field(2, 0, "bstart"), b.field(2, 0, "bend"), b.field(2, 1, "bstart"), b.field(2, 1, "bend"))))
                .build();

        String optimized = optimize(plan, ExpandSpanPredicatesRule.onJoin());

        assertThat(optimized).doesNotContain(CpgFunctions.BYTE_SPAN_OVERLAPS.name())
                .contains("=($0, $3)").contains("<($1, $5)").contains("<($4, $2)").doesNotContain("<($1, $2)");
    }

    @Test
    void callUnderNotOrOrIsLeftAlone() {
        RelBuilder b = builder().scan("defs");
        RexNode contains = b.call(CONTAINS, b.literal(10L), b.literal(20L), b.field("bstart"), b.field("bend"));
        RelNode plan = b.filter(b.or(b.not(contains), b.isNull(b.field("path")))).build();

        String optimized = optimize(plan, ExpandSpanPredicatesRule.onFilter());

        assertThat(optimized).contains(CpgFunctions.BYTE_SPAN_CONTAINS.name());
    }

    @Test
    void pluginContributesBothRulesWithStableIds() {
        List<RuleContribution> rules = new BytespanRulesPlugin().optimizerRules();

        assertThat(rules).extracting(RuleContribution::id)
                .containsExactly("bytespan.expand-span-predicates-filter", "bytespan.expand-span-predicates-join", BytespanRulesPlugin.SPAN_JOIN);
        assertThat(rules).extracting(r -> r.rule().toString()).doesNotHaveDuplicates();
        assertThat(new BytespanRulesPlugin().descriptor().dependsOn()).containsExactly("udf-spans");
    }

    private static String optimize(RelNode plan, RelOptRule rule) {
        HepPlanner planner = new HepPlanner(HepProgram.builder().addRuleInstance(rule).build());
        planner.setRoot(plan);
        return RelOptUtil.toString(planner.findBestExp());
    }

    private static RelBuilder builder() {
        SchemaPlus root = Frameworks.createRootSchema(false);
        root.add("defs", new Defs());
        return RelBuilder.create(Frameworks.newConfigBuilder().defaultSchema(root).build());
    }

    private static SqlFunction spanFunction(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NULLABLE, null,
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC),
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    /** An empty table with the span columns. */
    private static final class Defs extends AbstractTable implements ScannableTable {
        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.builder()
                    .add("path", SqlTypeName.VARCHAR)
                    .add("bstart", SqlTypeName.BIGINT)
                    .add("bend", SqlTypeName.BIGINT)
                    .build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.emptyEnumerable();
        }
    }
}
