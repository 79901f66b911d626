package io.codeanatomy.plugins.bytespan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/** The span join returns exactly the rows of Calcite's own join with the rule left out. */
class TestSpanJoin {
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl();
    private final CalciteSchema root = CalciteSchema.createRootSchema(false, false);

    TestSpanJoin() {
        Random random = new Random(7);
        root.add("scopes", new Spans(spans(random, 30, 25, false)));
        root.add("names", new Spans(spans(random, 30, 120, true)));
    }

    @Test
    void containmentWithTheContainerOnTheLeft() {
        assertSameRowsWithAndWithoutTheRule(b -> b.scan("scopes").scan("names")
                .join(JoinRelType.INNER, b.and(
                        b.equals(b.field(2, 0, "path"), b.field(2, 1, "path")),
                        b.lessThanOrEqual(b.field(2, 0, "bstart"), b.field(2, 1, "bstart")),
                        b.lessThanOrEqual(b.field(2, 1, "bend"), b.field(2, 0, "bend"))))
                .build());
    }

    @Test
    void containmentWithTheContainerOnTheRightAndAResidual() {
        assertSameRowsWithAndWithoutTheRule(b -> b.scan("names").scan("scopes")
                .join(JoinRelType.INNER, b.and(
                        b.equals(b.field(2, 1, "path"), b.field(2, 0, "path")),
                        b.greaterThanOrEqual(b.field(2, 0, "bstart"), b.field(2, 1, "bstart")),
                        b.greaterThanOrEqual(b.field(2, 1, "bend"), b.field(2, 0, "bend")),
                        b.notEquals(b.field(2, 0, "id"), b.field(2, 1, "id"))))
                .build());
    }

    @Test
    void overlapOfHalfOpenSpansIncludingEmptyOnes() {
        assertSameRowsWithAndWithoutTheRule(b -> b.scan("scopes").scan("names")
                .join(JoinRelType.INNER, b.and(
                        b.equals(b.field(2, 0, "path"), b.field(2, 1, "path")),
                        b.lessThan(b.field(2, 0, "bstart"), b.field(2, 1, "bend")),
                        b.lessThan(b.field(2, 1, "bstart"), b.field(2, 0, "bend"))))
                .build());
    }

    @Test
    void joinWithoutAFileKeyIsNotASpanJoin() {
        RelNode plan = physical(b -> b.scan("scopes").scan("names")
                .join(JoinRelType.INNER, b.and(
                        b.lessThanOrEqual(b.field(2, 0, "bstart"), b.field(2, 1, "bstart")),
                        b.lessThanOrEqual(b.field(2, 1, "bend"), b.field(2, 0, "bend"))))
                .build(), true);

        assertThat(RelOptUtil.toString(plan)).doesNotContain("EnumerableSpanJoin");
    }

    private void assertSameRowsWithAndWithoutTheRule(Function<RelBuilder, RelNode> query) {
        RelNode on = physical(query, true);
        RelNode off = physical(query, false);

        assertThat(RelOptUtil.toString(on)).contains("EnumerableSpanJoin");
        assertThat(RelOptUtil.toString(off)).doesNotContain("EnumerableSpanJoin");
        List<String> expected = run(off);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(run(on)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private RelNode physical(Function<RelBuilder, RelNode> query, boolean spanJoin) {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory, new CalciteConnectionConfigImpl(new Properties()));
        RelNode logical = query.apply(RelFactories.LOGICAL_BUILDER.create(cluster, reader));
        for (RelOptRule rule : EnumerableRules.ENUMERABLE_RULES) {
            if (rule != EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE) {
                planner.addRule(rule);
            }
        }
        planner.addRule(EnumerableRules.ENUMERABLE_TABLE_SCAN_RULE);
        if (spanJoin) {
            planner.addRule(SpanJoinRule.create());
        }
        planner.setRoot(planner.changeTraits(logical, logical.getTraitSet().replace(EnumerableConvention.INSTANCE)));
        return planner.findBestExp();
    }

    private List<String> run(RelNode plan) {
        Map<String, Object> parameters = new HashMap<>();
        DataContext context = new Context(root.plus(), typeFactory, parameters);
        List<String> rows = new ArrayList<>();
        try (Enumerator<?> e = EnumerableInterpretable.toBindable(parameters, null, (EnumerableRel) plan, EnumerableRel.Prefer.ARRAY)
                .bind(context).enumerator()) {
            while (e.moveNext()) {
                rows.add(Arrays.toString((Object[]) e.current()));
            }
        }
        return rows;
    }

    /** Spans per file, nested at random, some empty; names also have spans with a null end. */
    private static List<Object[]> spans(Random random, int files, int perFile, boolean someNull) {
        List<Object[]> rows = new ArrayList<>();
        long id = 0;
        for (int f = 0; f < files; f++) {
            for (int i = 0; i < perFile; i++) {
                long start = random.nextInt(1_000);
                long end = random.nextInt(4) == 0 ? start : Math.min(1_000, start + random.nextInt(300));
                rows.add(new Object[] {"f" + f + ".py", id++, start, someNull && i % 17 == 0 ? null : end});
            }
        }
        return rows;
    }

    private record Context(SchemaPlus rootSchema, JavaTypeFactory typeFactory, Map<String, Object> parameters) implements DataContext {
        @Override
        public SchemaPlus getRootSchema() {
            return rootSchema;
        }

        @Override
        public JavaTypeFactory getTypeFactory() {
            return typeFactory;
        }

        @Override
        public QueryProvider getQueryProvider() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(String name) {
            return parameters.get(name);
        }
    }

    /** A table of (path, id, bstart, bend). */
    private static final class Spans extends AbstractTable implements ScannableTable {
        private final List<Object[]> rows;

        Spans(List<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.builder()
                    .add("path", SqlTypeName.VARCHAR)
                    .add("id", SqlTypeName.BIGINT)
                    .add("bstart", SqlTypeName.BIGINT)
                    .add("bend", SqlTypeName.BIGINT).nullable(true)
                    .build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(rows);
        }
    }
}
