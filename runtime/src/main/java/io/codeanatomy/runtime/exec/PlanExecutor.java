package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.plan.SelectedSpools;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs physical plans: Calcite generates Java for the Enumerable operators, Janino compiles it, and
 * the rows stream out of the compiled code; nothing is interpreted row by row.
 */
public final class PlanExecutor {
    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final long startMillis;
    private final AtomicBoolean cancel = new AtomicBoolean();
    /** The counters of each metered plan by name; plans of one run may run on several threads. */
    private final SortedMap<String, List<OperatorCounter>> counters = new TreeMap<>();
    /** Plans compiled ahead of their run ({@link #prepare}), by plan object. */
    private final Map<EnumerableRel, Compiled> prepared = Collections.synchronizedMap(new IdentityHashMap<>());

    /** A metered plan's compiled code, the values its code reads from the data context, and its counters. */
    private record Compiled(@Nullable String name, Bindable<?> bindable, Map<String, Object> parameters, List<OperatorCounter> counters) {
    }

    /**
     * @param startMillis what {@code CURRENT_TIMESTAMP} and friends return: the run's start, fixed
     *     for the whole run
     */
    public PlanExecutor(SchemaPlus rootSchema, JavaTypeFactory typeFactory, long startMillis) {
        this.rootSchema = requireNonNull(rootSchema, "rootSchema is null");
        this.typeFactory = requireNonNull(typeFactory, "typeFactory is null");
        this.startMillis = startMillis;
    }

    /**
     * The plan's rows: {@code Object[]} per row, or the bare value for one-column plans. The caller
     * closes the enumerator.
     */
    public Enumerator<?> rows(EnumerableRel plan) {
        requireNonNull(plan, "plan is null");
        return bind(compile(plan, null), plan);
    }

    /**
     * The rows of plan {@code name}, each operator metered: its rows and time are in
     * {@link #operatorMetrics()} once the rows are consumed.
     */
    public Enumerator<?> rows(EnumerableRel plan, String name) {
        requireNonNull(plan, "plan is null");
        requireNonNull(name, "name is null");
        Compiled ready = prepared.remove(plan);
        Compiled compiled = ready != null && name.equals(ready.name()) ? ready : compile(plan, name);
        synchronized (this.counters) {
            this.counters.put(name, compiled.counters());
        }
        return bind(compiled, plan);
    }

    /**
     * Generates and compiles the metered code of plan {@code name} now, for {@link #rows(EnumerableRel,
     * String)} of the same plan object and name to run: a run compiles its fragments side by side
     * before it runs them, rather than each on the way of the fragments waiting for it. Compiling
     * is most of the execute phase of a small build (a two-file build: 153 of 171 samples of the
     * executing threads).
     */
    public void prepare(EnumerableRel plan, String name) {
        requireNonNull(plan, "plan is null");
        requireNonNull(name, "name is null");
        prepared.put(plan, compile(plan, name));
    }

    /** Forgets the plans compiled ahead that did not run. */
    public void discardPrepared() {
        prepared.clear();
    }

    /** The code of {@code plan}, metered as plan {@code name} unless null. */
    private static Compiled compile(EnumerableRel plan, @Nullable String name) {
        List<OperatorCounter> counters = new ArrayList<>();
        EnumerableRel selected = SelectedSpools.rewrite(plan);
        EnumerableRel code = SmallerSide.rewrite(name == null ? selected : Metering.instrument(selected, name, counters));
        Map<String, Object> parameters = new LinkedHashMap<>();
        Bindable<?> bindable = PlanCode.bindable(code, parameters);
        return new Compiled(name, bindable, parameters, counters);
    }

    /** Rows and time of every operator of the plans run by name so far, by plan name, root first. */
    public List<OperatorMetrics> operatorMetrics() {
        List<OperatorMetrics> metrics = new ArrayList<>();
        synchronized (counters) {
            counters.values().forEach(plan -> metrics.addAll(Metering.metrics(plan)));
        }
        return metrics;
    }

    private Enumerator<?> bind(Compiled compiled, EnumerableRel plan) {
        Enumerator<?> rows = compiled.bindable()
                .bind(new SessionDataContext(rootSchema, typeFactory, compiled.parameters(), startMillis, cancel)).enumerator();
        List<RelDataTypeField> fields = plan.getRowType().getFieldList();
        if (fields.size() == 1 && !fields.get(0).getType().isStruct()) {
            // Operators that keep rows as arrays (CompiledTableScan, and a sort above it) give a one-column plan
            // Object[1] rows where Calcite's own give the bare value; the contract above is the bare value.
            return Linq4j.transform(rows, row -> row instanceof Object[] array && array.length == 1 ? array[0] : row);
        }
        return rows;
    }

    /** The plan's rows as Arrow batches with the plan's row type as schema. */
    public RowBatchReader batches(EnumerableRel plan, BufferAllocator allocator, BatchLimits limits) {
        return batches(plan, allocator, limits, ArrowTypes.schema(plan.getRowType()));
    }

    /**
     * The plan's rows as Arrow batches of {@code schema}, e.g. an output's contract: same column
     * count and compatible types; a null in a column the schema declares NOT NULL fails the batch.
     */
    public RowBatchReader batches(EnumerableRel plan, BufferAllocator allocator, BatchLimits limits, Schema schema) {
        return batches(plan, allocator, limits, schema, null);
    }

    /** As {@link #batches(EnumerableRel, BufferAllocator, BatchLimits, Schema)}; metered as plan {@code name} unless null. */
    public RowBatchReader batches(EnumerableRel plan, BufferAllocator allocator, BatchLimits limits, Schema schema, String name) {
        requireNonNull(allocator, "allocator is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(schema, "schema is null");
        if (schema.getFields().size() != plan.getRowType().getFieldCount()) {
            throw new IllegalArgumentException("schema has " + schema.getFields().size() + " columns but the plan produces "
                    + plan.getRowType().getFieldCount());
        }
        return new RowBatchReader(allocator, schema, name == null ? rows(plan) : rows(plan, name), limits);
    }

    /** Asks running plans to stop at their next cancellation check. */
    public void cancel() {
        cancel.set(true);
    }
}
