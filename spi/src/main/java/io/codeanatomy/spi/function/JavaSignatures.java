package io.codeanatomy.spi.function;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.api.expr.TypeKind;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * Checks an implementing Java method against the {@link FunctionSignature} a plugin declares, so
 * that the signature the runtime registers (derived by Calcite from the method) is the declared
 * one. A type maps to its boxed Java class ({@link DataType#javaType()}) or, for non-null
 * arguments, the matching primitive; a struct may also be an {@code Object[]} of its members.
 */
final class JavaSignatures {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, int.class, Integer.class,
            long.class, Long.class, double.class, Double.class);

    private JavaSignatures() {
    }

    /** Checks {@code method}'s parameters from {@code firstParameter} on against the signature's parameter types. */
    static void requireParameters(FunctionSignature<?> signature, Method method, int firstParameter) {
        Class<?>[] actual = method.getParameterTypes();
        List<DataType<?>> declared = signature.parameterTypes();
        if (actual.length - firstParameter != declared.size()) {
            throw new IllegalArgumentException("Function " + signature + ": " + where(method) + " takes "
                    + (actual.length - firstParameter) + " argument(s), the signature " + declared.size() + ".");
        }
        for (int i = 0; i < declared.size(); i++) {
            requireType(signature, method, "argument " + (i + 1), actual[firstParameter + i], declared.get(i));
        }
    }

    /** Checks {@code method}'s return type against the signature's. */
    static void requireReturn(FunctionSignature<?> signature, Method method) {
        if (method.getReturnType() == void.class) {
            throw new IllegalArgumentException("Function " + signature + ": " + where(method) + " returns nothing.");
        }
        requireType(signature, method, "the result", method.getReturnType(), signature.returnType());
    }

    private static void requireType(FunctionSignature<?> signature, Method method, String what, Class<?> actual, DataType<?> declared) {
        // Calcite hands struct values around as Object[] in member order.
        boolean struct = declared.kind() == TypeKind.STRUCT && actual == Object[].class;
        if (!struct && !BOXES.getOrDefault(actual, actual).equals(declared.javaType())) {
            throw new IllegalArgumentException("Function " + signature + ": " + what + " of " + where(method) + " is a "
                    + actual.getSimpleName() + ", the signature says " + declared + " (" + declared.javaType().getSimpleName() + ").");
        }
    }

    private static String where(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
