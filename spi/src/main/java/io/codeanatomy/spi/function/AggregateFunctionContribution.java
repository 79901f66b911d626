package io.codeanatomy.spi.function;

import io.codeanatomy.api.expr.FunctionKind;
import io.codeanatomy.api.expr.FunctionSignature;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An aggregate function implemented by a class following Calcite's user-defined aggregate
 * convention: public methods {@code init()} returning the accumulator, {@code add(accumulator,
 * value...)} returning the new accumulator, {@code result(accumulator)} returning the value, and
 * optionally {@code merge(a, b)}; all static, or all instance methods with a public no-argument
 * constructor. The values of {@code add} and the result of {@code result} must match the
 * signature. Calcite can also call an aggregate over a window ({@code OVER (...)}), which is how
 * window functions such as a running rank are contributed.
 *
 * @param signature the API's value for the function: name, value types, result type
 * @param implementation the implementing class
 * @param description one line for people
 */
public record AggregateFunctionContribution(FunctionSignature<?> signature, Class<?> implementation, String description) {
    public AggregateFunctionContribution {
        requireNonNull(signature, "signature is null");
        requireNonNull(implementation, "implementation is null");
        requireNonNull(description, "description is null");
        if (signature.kind() != FunctionKind.AGGREGATE) {
            throw new IllegalArgumentException("Function " + signature + " is not an aggregate function; contribute it as a scalar.");
        }
        JavaSignatures.requireParameters(signature, single(signature, implementation, "add"), 1);
        JavaSignatures.requireReturn(signature, single(signature, implementation, "result"));
        single(signature, implementation, "init");
    }

    /** The name aggregate calls use. */
    public String name() {
        return signature.name();
    }

    private static Method single(FunctionSignature<?> signature, Class<?> implementation, String name) {
        List<Method> found = new ArrayList<>();
        for (Method method : implementation.getMethods()) {
            if (method.getName().equals(name) && method.getDeclaringClass() != Object.class) {
                found.add(method);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("Aggregate function '" + signature.name() + "': " + implementation.getName() + " has "
                    + found.size() + " public methods '" + name + "' (needs exactly one each of init, add and result).");
        }
        return found.get(0);
    }
}
