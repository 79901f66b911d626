package io.codeanatomy.spi.function;

import java.lang.reflect.Method;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An aggregate function implemented by a class following Calcite's user-defined aggregate
 * convention: public methods {@code init()} returning the accumulator, {@code add(accumulator,
 * value...)} returning the new accumulator, {@code result(accumulator)} returning the value, and
 * optionally {@code merge(a, b)}; all static, or all instance methods with a public no-argument
 * constructor.
 *
 * @param name the name aggregate calls use, e.g. {@code span_union}
 * @param implementation the implementing class
 * @param description one line for people
 */
public record AggregateFunctionContribution(String name, Class<?> implementation, String description) {
    private static final List<String> REQUIRED_METHODS = List.of("init", "add", "result");

    public AggregateFunctionContribution {
        requireNonNull(name, "name is null");
        requireNonNull(implementation, "implementation is null");
        requireNonNull(description, "description is null");
        FunctionNames.requireName(name);
        for (String required : REQUIRED_METHODS) {
            boolean found = false;
            for (Method method : implementation.getMethods()) {
                found |= method.getName().equals(required);
            }
            if (!found) {
                throw new IllegalArgumentException("Aggregate function '" + name + "': " + implementation.getName()
                        + " has no public method '" + required + "' (needs init, add and result).");
            }
        }
    }
}
