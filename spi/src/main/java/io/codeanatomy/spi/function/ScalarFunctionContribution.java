package io.codeanatomy.spi.function;

import io.codeanatomy.api.expr.FunctionKind;
import io.codeanatomy.api.expr.FunctionSignature;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A scalar function implemented by one public static Java method, which the runtime registers
 * with Calcite by reflection. The signature is the API's value for the function (for example
 * {@code CpgFunctions.STABLE_HASH_ID}), so callers and the plugin share one name and one type
 * list; the method must match it (boxed parameter types accept SQL nulls).
 *
 * @param signature name, argument and return types, and whether calls on constants may be folded at plan time
 * @param implementation the class declaring the method
 * @param methodName the method's name; exactly one public static method of that name must exist
 * @param description one line for people
 */
public record ScalarFunctionContribution(FunctionSignature<?> signature, Class<?> implementation, String methodName, String description) {
    public ScalarFunctionContribution {
        requireNonNull(signature, "signature is null");
        requireNonNull(implementation, "implementation is null");
        requireNonNull(methodName, "methodName is null");
        requireNonNull(description, "description is null");
        if (signature.kind() != FunctionKind.SCALAR) {
            throw new IllegalArgumentException("Function " + signature + " is not a scalar function; contribute it as an aggregate.");
        }
        List<Method> candidates = new ArrayList<>();
        for (Method method : implementation.getMethods()) {
            if (method.getName().equals(methodName) && Modifier.isStatic(method.getModifiers())) {
                candidates.add(method);
            }
        }
        if (candidates.size() != 1) {
            throw new IllegalArgumentException("Function '" + signature.name() + "' needs exactly one public static method '" + methodName + "' in "
                    + implementation.getName() + ", found " + candidates.size() + ".");
        }
        JavaSignatures.requireReturn(signature, candidates.get(0));
        JavaSignatures.requireParameters(signature, candidates.get(0), 0);
    }

    /** The name expressions call it by. */
    public String name() {
        return signature.name();
    }

    /** Same arguments, same result, no side effects: lets the planner fold calls on constants. */
    public boolean deterministic() {
        return signature.deterministic();
    }

    /** The implementing method (validated to be unique on construction). */
    public Method method() {
        for (Method method : implementation.getMethods()) {
            if (method.getName().equals(methodName) && Modifier.isStatic(method.getModifiers())) {
                return method;
            }
        }
        throw new IllegalStateException("The method " + methodName + " vanished from " + implementation.getName());
    }
}
