package io.codeanatomy.bench;

import static io.codeanatomy.api.expr.Exprs.col;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.compile.CompiledSpec;
import io.codeanatomy.runtime.compile.SharedViews;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Times a spec whose outputs share views two ways in one session: every output planned and run on
 * its own (each recomputes what it reads), and the one DAG whose shared views are spools computed
 * once. Two shared views: an expensive one (a self-join of the definitions with its parent, read by
 * three outputs) and a cheap one (a projection, read by two). Prints the best of N rounds after a
 * warm-up. Usage: {@code SpoolBench [ROWS] [--rounds N] [--cheap-only]}; {@code --cheap-only} keeps
 * the two outputs over the projection, to show what spooling a view that is cheap to recompute costs.
 */
public final class SpoolBench {
    private static final Field<Long> ID = col("d", "def_id", DataType.INT64);
    private static final Field<Long> PARENT = col("d", "parent_id", DataType.INT64);
    private static final Field<String> KIND = col("d", "kind", DataType.STRING);
    private static final Field<String> NAME = col("d", "name", DataType.STRING);

    private SpoolBench() {
    }

    public static void main(String[] args) {
        int rows = BenchArgs.size(args, 1_000_000);
        int rounds = BenchArgs.option(args, "--rounds", 3);
        SemanticSpec spec = List.of(args).contains("--cheap-only") ? cheapOnly(spec()) : spec();
        try (Session session = Session.open(SessionConfig.defaults(), List.of())) {
            session.schema().add("defs", new Defs(rows));
            double separate = best(rounds, () -> separately(session, spec));
            double together = best(rounds, () -> asOneDag(session, spec));
            System.out.printf(Locale.ROOT, "%d definitions, %d outputs over %d shared views%n", rows, spec.outputs().size(),
                    SharedViews.of(spec).size());
            System.out.printf(Locale.ROOT, "each output planned and run on its own: %7.3f s%n", separate);
            System.out.printf(Locale.ROOT, "one DAG, shared views spooled once:    %7.3f s  (%.2fx)%n", together, separate / together);
            System.out.println("spools: " + session.spoolMetrics());
        }
    }

    private static SemanticSpec cheapOnly(SemanticSpec spec) {
        return new SemanticSpec(spec.name(), spec.version(), spec.inputs(), spec.views(), spec.joinGraph(),
                spec.outputs().stream().filter(output -> output.name().contains("names")).toList());
    }

    private static long separately(Session session, SemanticSpec spec) {
        CompiledSpec compiled = session.compile(spec);
        long total = 0;
        for (OutputTarget output : spec.outputs()) {
            total += drain(session, session.plan(compiled.output(output.name())));
        }
        return total;
    }

    private static long asOneDag(Session session, SemanticSpec spec) {
        PlannedDag dag = session.planDag(session.compileDag(spec));
        return session.run(dag, output -> drain(session, output.query())).stream().mapToLong(Long::longValue).sum();
    }

    private static long drain(Session session, PlannedQuery query) {
        long n = 0;
        try (Enumerator<?> rows = session.executor().rows(query.physical())) {
            while (rows.moveNext()) {
                n++;
            }
        }
        return n;
    }

    private static double best(int rounds, LongSupplier run) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r <= rounds; r++) {
            long t0 = System.nanoTime();
            run.getAsLong();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                best = Math.min(best, seconds);
            }
        }
        return best;
    }

    private static SemanticSpec spec() {
        Field<Long> child = col("j", "def_id", DataType.INT64);
        Field<String> parentKind = col("j", "parent_kind", DataType.STRING);
        return SemanticSpec.builder("spool-bench", "1")
                .input("defs", SchemaContract.of(1, ColumnContract.required("def_id", DataType.INT64)))
                .view("with_parent", ViewKind.JOIN, RelSpec.scan("defs", "d")
                        .join(RelSpec.scan("defs", "p"), JoinType.INNER, PARENT.eq(col("p", "def_id", DataType.INT64)))
                        .project(ID.as("def_id"), KIND.as("kind"), NAME.as("name"), col("p", "kind", DataType.STRING).as("parent_kind")))
                .view("names", ViewKind.PROJECT, RelSpec.scan("defs", "d").project(ID.as("def_id"), NAME.as("name")))
                .view("by_parent_kind", ViewKind.AGGREGATE, RelSpec.scan("with_parent", "j")
                        .aggregate(List.of(parentKind.as("parent_kind")), List.of(AggregateCall.count("n"))))
                .view("methods", ViewKind.FILTER, RelSpec.scan("with_parent", "j").filter(parentKind.eq("class"))
                        .project(child.as("def_id")))
                .view("long_names", ViewKind.FILTER, RelSpec.scan("names", "n").filter(col("n", "def_id", DataType.INT64).gt(10L))
                        .project(col("n", "name", DataType.STRING).as("name")))
                .output("with_parent", "with_parent", "o/with_parent", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("def_id", DataType.INT64), ColumnContract.required("kind", DataType.STRING),
                        ColumnContract.required("name", DataType.STRING), ColumnContract.required("parent_kind", DataType.STRING)))
                .output("by_parent_kind", "by_parent_kind", "o/by_parent_kind", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("parent_kind", DataType.STRING), ColumnContract.required("n", DataType.INT64)))
                .output("methods", "methods", "o/methods", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("def_id", DataType.INT64)))
                .output("names", "names", "o/names", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("def_id", DataType.INT64), ColumnContract.required("name", DataType.STRING)))
                .output("long_names", "long_names", "o/long_names", WriteMode.OVERWRITE, SchemaContract.of(1,
                        ColumnContract.required("name", DataType.STRING)))
                .build();
    }

    /** Definitions in a tree: every tenth a class, the others functions, each child of an earlier row. */
    private static final class Defs extends AbstractTable implements ScannableTable {
        private final List<Object[]> rows;

        Defs(int count) {
            rows = new ArrayList<>(count);
            for (long i = 0; i < count; i++) {
                rows.add(new Object[] {i, i % 10 == 0 ? "class" : "function", "name" + i, i == 0 ? null : Math.floorMod((i * 0x9E3779B97F4A7C15L) >>> 1, i)});
            }
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.builder()
                    .add("def_id", SqlTypeName.BIGINT)
                    .add("kind", SqlTypeName.VARCHAR)
                    .add("name", SqlTypeName.VARCHAR)
                    .add("parent_id", SqlTypeName.BIGINT).nullable(true)
                    .build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(rows);
        }
    }
}
