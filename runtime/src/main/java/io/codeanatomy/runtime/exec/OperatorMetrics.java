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
}
