package io.codeanatomy.bench;

import io.codeanatomy.plugins.bytespan.BytespanRulesPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
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
 * Times the span joins with the span-join rule ({@code bytespan.span-join}) on and off: "every
 * scope containing a name" (containment) and "scopes overlapping a name" (overlap) over synthetic
 * files shaped like code: nested scopes (a tree, 3 children per scope, 4 levels) and names
 * scattered through them. With the rule off Calcite hash-joins on the file and tests the span
 * comparisons for every scope and name of a file. Best of N rounds after a warm-up; the row counts
 * of the two must agree. Usage: {@code SpanJoinBench [FILES] [--names-per-file N] [--rounds N]}.
 */
public final class SpanJoinBench {
    private static final String CONTAINS = "SELECT s.id, n.id FROM scopes s JOIN names n"
            + " ON s.path = n.path AND s.bstart <= n.bstart AND n.bend <= s.bend";
    private static final String OVERLAPS = "SELECT s.id, n.id FROM scopes s JOIN names n"
            + " ON s.path = n.path AND s.bstart < n.bend AND n.bstart < s.bend";

    private SpanJoinBench() {
    }

    public static void main(String[] args) {
        int files = BenchArgs.size(args, 2_000);
        int namesPerFile = BenchArgs.option(args, "--names-per-file", 500);
        int rounds = BenchArgs.option(args, "--rounds", 3);
        Spans scopes = new Spans();
        Spans names = new Spans();
        Random random = new Random(42);
        for (int f = 0; f < files; f++) {
            String path = "pkg/m" + f + ".py";
            long size = 20_000;
            addScopes(scopes, path, 0, size, 4);
            for (int i = 0; i < namesPerFile; i++) {
                long start = random.nextLong(size - 10);
                names.add(path, start, start + 1 + random.nextInt(9));
            }
        }
        System.out.printf(Locale.ROOT, "%d files: %d scopes, %d names%n", files, scopes.rows.size(), names.rows.size());
        for (String[] query : List.of(new String[] {"containment", CONTAINS}, new String[] {"overlap", OVERLAPS})) {
            Timed on = best(rounds, Set.of(), scopes, names, query[1]);
            Timed off = best(rounds, Set.of(BytespanRulesPlugin.SPAN_JOIN), scopes, names, query[1]);
            if (on.rows != off.rows) {
                throw new IllegalStateException(query[0] + ": the span join found " + on.rows + " pairs, the hash join " + off.rows);
            }
            System.out.printf(Locale.ROOT, "%-12s %,d pairs: span join %.3f s, rule off (hash join + filter) %.3f s: %.1fx%n",
                    query[0], on.rows, on.seconds, off.seconds, off.seconds / on.seconds);
        }
    }

    /** A scope over [start, end) and, below the given depth, three nested children splitting it. */
    private static void addScopes(Spans scopes, String path, long start, long end, int depth) {
        scopes.add(path, start, end);
        if (depth == 0) {
            return;
        }
        long third = (end - start) / 3;
        for (int c = 0; c < 3; c++) {
            addScopes(scopes, path, start + c * third + 1, start + (c + 1) * third - 1, depth - 1);
        }
    }

    private record Timed(double seconds, long rows) {
    }

    private static Timed best(int rounds, Set<String> disabled, Spans scopes, Spans names, String sql) {
        Timed best = null;
        try (Session session = Session.open(SessionConfig.defaults().withDisabledRules(disabled),
                List.of(new SpansPlugin(), new BytespanRulesPlugin()))) {
            session.schema().add("scopes", scopes);
            session.schema().add("names", names);
            for (int r = 0; r <= rounds; r++) {
                long t0 = System.nanoTime();
                PlannedSql planned = session.planSql(sql);
                long rows = 0;
                try (Enumerator<?> enumerator = session.executor().rows(planned.query().physical())) {
                    while (enumerator.moveNext()) {
                        rows++;
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (r > 0 && (best == null || seconds < best.seconds())) {
                    best = new Timed(seconds, rows);
                }
            }
        }
        return best;
    }

    /** (id, path, bstart, bend) rows. */
    private static final class Spans extends AbstractTable implements ScannableTable {
        private final List<Object[]> rows = new ArrayList<>();

        void add(String path, long start, long end) {
            rows.add(new Object[] {(long) rows.size(), path, start, end});
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.builder()
                    .add("id", SqlTypeName.BIGINT)
                    .add("path", SqlTypeName.VARCHAR)
                    .add("bstart", SqlTypeName.BIGINT)
                    .add("bend", SqlTypeName.BIGINT)
                    .build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(rows);
        }
    }
}
