package io.codeanatomy.spi.function;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A scalar function implemented by one public static Java method, which the runtime registers
 * with Calcite by reflection (argument and return types come from the method's signature; boxed
 * parameter types accept SQL nulls).
 *
 * @param name the name expressions call it by, e.g. {@code qname_parent}
 * @param implementation the class declaring the method
 * @param methodName the method's name; exactly one public static method of that name must exist
 * @param deterministic same arguments, same result, no side effects; lets the planner fold calls on constants
 * @param description one line for people
 */
public record ScalarFunctionContribution(String name, Class<?> implementation, String methodName, boolean deterministic, String description) {
    public ScalarFunctionContribution {
        requireNonNull(name, "name is null");
        requireNonNull(implementation, "implementation is null");
        requireNonNull(methodName, "methodName is null");
        requireNonNull(description, "description is null");
        FunctionNames.requireName(name);
        List<Method> candidates = new ArrayList<>();
        for (Method method : implementation.getMethods()) {
            if (method.getName().equals(methodName) && Modifier.isStatic(method.getModifiers())) {
                candidates.add(method);
            }
        }
        if (candidates.size() != 1) {
            throw new IllegalArgumentException("Function '" + name + "' needs exactly one public static method '" + methodName + "' in "
                    + implementation.getName() + ", found " + candidates.size() + ".");
        }
        if (candidates.get(0).getReturnType() == void.class) {
            throw new IllegalArgumentException("Function '" + name + "': the method " + implementation.getName() + "." + methodName + " returns nothing.");
        }
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
