package io.codeanatomy.runtime.plan;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.MemoryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Filters over a spool that require constant text values read the spool through its index, with the rows of the plain scan. */
class TestSelectedSpools {
    private static final Field<Long> ID = col("f", "def_id", DataType.INT64);
    private static final Field<String> KIND = col("f", "kind", DataType.STRING);
    private static final Field<String> NAME = col("f", "name", DataType.STRING);

    @Test
    void aFilterRequiringValuesReadsTheSelectedRowsInTheSpoolsOrder() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 500; i++) {
            rows.add(new Object[] {i, i % 3 == 0 ? "class" : "function", "n" + (i % 7)});
        }
        Map<String, String[]> plans = new TreeMap<>();
        try (Session session = Session.open(SessionConfig.defaults(), List.of())) {
            session.schema().add("defs", new MemoryTable(tf -> tf.builder()
                    .add("def_id", SqlTypeName.BIGINT).add("kind", SqlTypeName.VARCHAR).add("name", SqlTypeName.VARCHAR).build(), rows));
            PlannedDag dag = session.planDag(session.compileDag(spec()));
            session.run(dag, output -> {
                EnumerableRel planned = (EnumerableRel) output.query().physical();
                EnumerableRel selected = SelectedSpools.rewrite(planned);
                plans.put(output.name(), new String[] {RelOptUtil.toString(selected), String.join(",", run(session, planned)),
                        String.join(",", run(session, selected))});
                return output.name();
            });
        }

        assertThat(plans).containsOnlyKeys("named", "classes", "all");
        // Name n1 or n4 among functions: two columns selected, rows as the plain scan gives them.
        assertThat(plans.get("named")[0]).contains("IndexedScan").contains("where=[[1, 2] in [[function, n1], [function, n4]]]");
        assertThat(plans.get("named")[2]).isEqualTo(plans.get("named")[1]).isNotEmpty();
        assertThat(plans.get("named")[1].split(",")).hasSize((int) rows.stream().filter(r -> r[1].equals("function")
                && (r[2].equals("n1") || r[2].equals("n4"))).count());
        assertThat(plans.get("classes")[0]).contains("IndexedScan").contains("where=[[1] in [class]]");
        assertThat(plans.get("classes")[2]).isEqualTo(plans.get("classes")[1]).isNotEmpty();
        // A filter on a number only, or none, reads the whole spool as before.
        assertThat(plans.get("all")[0]).doesNotContain("IndexedScan");
        assertThat(plans.get("all")[2]).isEqualTo(plans.get("all")[1]);
    }

    private static List<String> run(Session session, EnumerableRel plan) {
        List<String> out = new ArrayList<>();
        try (Enumerator<?> e = session.executor().rows(plan)) {
            while (e.moveNext()) {
                out.add(String.valueOf(e.current() instanceof Object[] row ? row[0] : e.current()));
            }
        }
        return out;
    }

    private static SemanticSpec spec() {
        SchemaContract ids = SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64));
        return SemanticSpec.builder("selected", "1")
                .input("defs", SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .view("defs_view", ViewKind.PROJECT, RelSpec.scan("defs", "d").project(col("d", "def_id", DataType.INT64).as("def_id"),
                        col("d", "kind", DataType.STRING).as("kind"), col("d", "name", DataType.STRING).as("name")))
                .view("named", ViewKind.FILTER, RelSpec.scan("defs_view", "f").filter(KIND.eq("function").and(NAME.in(List.of("n1", "n4"))))
                        .project(ID.as("def_id")))
                .view("classes", ViewKind.FILTER, RelSpec.scan("defs_view", "f").filter(KIND.eq("class")).project(ID.as("def_id")))
                .view("all", ViewKind.FILTER, RelSpec.scan("defs_view", "f").filter(ID.gt(10L)).project(ID.as("def_id")))
                .output("named", "named", "cpg/named", WriteMode.OVERWRITE, ids)
                .output("classes", "classes", "cpg/classes", WriteMode.OVERWRITE, ids)
                .output("all", "all", "cpg/all", WriteMode.OVERWRITE, ids)
                .build();
    }
}
