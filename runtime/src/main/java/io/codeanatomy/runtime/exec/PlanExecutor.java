package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Runs physical plans: Calcite generates Java for the Enumerable operators, Janino compiles it, and
 * the rows stream out of the compiled code; nothing is interpreted row by row.
 */
public final class PlanExecutor {
    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final long startMillis;
    private final AtomicBoolean cancel = new AtomicBoolean();

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
        Map<String, Object> parameters = new LinkedHashMap<>();
        Bindable<?> bindable = EnumerableInterpretable.toBindable(parameters, null, plan, EnumerableRel.Prefer.ARRAY);
        return bindable.bind(new SessionDataContext(rootSchema, typeFactory, parameters, startMillis, cancel)).enumerator();
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
        requireNonNull(allocator, "allocator is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(schema, "schema is null");
        if (schema.getFields().size() != plan.getRowType().getFieldCount()) {
            throw new IllegalArgumentException("schema has " + schema.getFields().size() + " columns but the plan produces "
                    + plan.getRowType().getFieldCount());
        }
        return new RowBatchReader(allocator, schema, rows(plan), limits);
    }

    /** Asks running plans to stop at their next cancellation check. */
    public void cancel() {
        cancel.set(true);
    }
}
