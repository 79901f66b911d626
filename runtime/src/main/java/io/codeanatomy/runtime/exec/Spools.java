package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.compile.SpoolTables;
import io.codeanatomy.runtime.plan.CanonicalStrings;
import io.codeanatomy.runtime.plan.SemiNaiveEvaluation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The spools of one compiled DAG, as tables of the sub-schema {@value #SCHEMA} of the session
 * schema, so plans show a spool as {@code TableScan(table=[[spool, <view>]])}. A later DAG of the
 * same session replaces the tables it names again.
 */
public final class Spools implements SpoolTables {
    public static final String SCHEMA = "spool";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final CalciteSchema schema;
    private final Map<String, SpoolTable> tables = new LinkedHashMap<>();
    private final CanonicalStrings strings = new CanonicalStrings();

    /** Spools under {@code root}'s sub-schema {@value #SCHEMA}, created if missing. */
    public Spools(CalciteSchema root) {
        requireNonNull(root, "root is null");
        CalciteSchema existing = root.getSubSchema(SCHEMA, true);
        this.schema = existing != null ? existing : root.add(SCHEMA, new AbstractSchema());
    }

    @Override
    public List<String> create(String view, RelDataType rowType) {
        SpoolTable table = new SpoolTable(view, rowType);
        tables.put(view, table);
        schema.add(view, table);
        return List.of(SCHEMA, view);
    }

    @Override
    public CanonicalStrings strings() {
        return strings;
    }

    /** The name spool {@code view}'s plan runs under: its operators' metrics are under it. */
    public static String planName(String view) {
        return "spool." + view;
    }

    /** Runs the plan of spool {@code view} and keeps its rows. */
    public void compute(String view, EnumerableRel plan, PlanExecutor executor) {
        SpoolTable table = table(view);
        SpoolComputation event = new SpoolComputation();
        event.begin();
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long chargedStart = SemiNaiveEvaluation.chargedCpuNanos();
        List<Object[]> rows = new ArrayList<>();
        boolean oneColumn = plan.getRowType().getFieldCount() == 1;
        try (Enumerator<?> enumerator = executor.rows(plan, planName(view))) {
            while (enumerator.moveNext()) {
                Object row = enumerator.current();
                // Generated code hands out one-column rows as the bare value; a scan wants arrays.
                rows.add(oneColumn ? new Object[] {row} : (Object[]) row);
            }
        }
        // Kept for the run: one copy of each string value (a scan decodes its own, a computed column computes its own).
        strings.canonicalize(rows);
        // A fixpoint's helper threads count as this computation's CPU.
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart + SemiNaiveEvaluation.chargedCpuNanos() - chargedStart;
        event.end();
        if (event.shouldCommit()) {
            event.view = view;
            event.rows = rows.size();
            event.commit();
        }
        table.fill(rows, (System.nanoTime() - start) / 1_000_000, cpuStart < 0 ? 0 : cpu / 1_000_000);
    }

    /** Drops the rows of spool {@code view}. */
    public void release(String view) {
        table(view).release();
    }

    /** Drops the rows of every spool (a failed run's). */
    public void releaseAll() {
        tables.values().forEach(SpoolTable::release);
    }

    /** Drops the strings the spools' rows shared, once the DAG has run: a session may hold its spools for the next. */
    public void finish() {
        strings.clear();
    }

    /** The metrics of every spool, in creation (dependency) order. */
    public List<SpoolMetrics> metrics() {
        return tables.values().stream()
                .map(t -> new SpoolMetrics(t.view(), t.rowCount(), t.computations(), t.scans(), t.millis(), t.cpuMillis()))
                .toList();
    }

    private SpoolTable table(String view) {
        SpoolTable table = tables.get(view);
        if (table == null) {
            throw new IllegalArgumentException("no spool for view '" + view + "' was created; spools: " + tables.keySet());
        }
        return table;
    }
}
