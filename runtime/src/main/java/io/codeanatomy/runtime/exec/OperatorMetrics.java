package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

/**
 * One operator of an executed plan: rows out, and time both with its inputs' time
 * ({@code inclusiveNanos}) and without it ({@code selfNanos}). Rows in are the rows out of its
 * inputs, the entries whose path extends this one's by one step.
 *
 * @param plan the plan (a spool's view or an output)
 * @param path the operator's place in the plan tree ({@code 0}, {@code 0.1}, ...)
 * @param operator Calcite's operator name
 */
public record OperatorMetrics(String plan, String path, String operator, long rowsOut, long inclusiveNanos, long selfNanos) {
    public OperatorMetrics {
        requireNonNull(plan, "plan is null");
        requireNonNull(path, "path is null");
        requireNonNull(operator, "operator is null");
    }

    /** This operator under plan {@code name}. */
    public OperatorMetrics inPlan(String name) {
        return new OperatorMetrics(name, path, operator, rowsOut, inclusiveNanos, selfNanos);
    }

    /** This operator's rows and times with {@code more}'s added: the same operator in another run of its plan. */
    public OperatorMetrics plus(OperatorMetrics more) {
        return new OperatorMetrics(plan, path, operator, rowsOut + more.rowsOut, inclusiveNanos + more.inclusiveNanos,
                selfNanos + more.selfNanos);
    }
}
