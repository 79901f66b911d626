package io.codeanatomy.api.expr;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * The name and typed signature of a function that a plugin registers and expressions call: the
 * one place both sides take it from. The expression helpers build calls with {@link #call}, which
 * checks the arguments; the implementing plugin contributes the same value, and the SPI checks
 * its Java method against it; the runtime's registry test checks that every signature the API
 * and the built-in spec use is registered.
 *
 * @param name lowercase identifier ({@code a-z}, {@code 0-9}, {@code _}, starting with a letter),
 *     so that lookups never depend on case folding
 * @param kind scalar (one value per row) or aggregate (one value per group or window frame)
 * @param parameterTypes the argument types, in order
 * @param returnType the result type
 * @param deterministic same arguments, same result, no side effects: the planner may fold calls on
 *     constants
 */
public record FunctionSignature<R>(String name, FunctionKind kind, List<DataType<?>> parameterTypes, DataType<R> returnType,
        boolean deterministic) {
    public FunctionSignature {
        requireName(requireNonNull(name, "name is null"));
        requireNonNull(kind, "kind is null");
        parameterTypes = List.copyOf(requireNonNull(parameterTypes, "parameterTypes is null"));
        requireNonNull(returnType, "returnType is null");
    }

    /** A deterministic scalar function. */
    public static <R> FunctionSignature<R> scalar(String name, DataType<R> returnType, DataType<?>... parameterTypes) {
        return new FunctionSignature<>(name, FunctionKind.SCALAR, Arrays.asList(parameterTypes), returnType, true);
    }

    /** A deterministic aggregate function. */
    public static <R> FunctionSignature<R> aggregate(String name, DataType<R> returnType, DataType<?>... parameterTypes) {
        return new FunctionSignature<>(name, FunctionKind.AGGREGATE, Arrays.asList(parameterTypes), returnType, true);
    }

    /** The same signature, declared non-deterministic (never folded, never deduplicated). */
    public FunctionSignature<R> nonDeterministic() {
        return new FunctionSignature<>(name, kind, parameterTypes, returnType, false);
    }

    /**
     * A call of this scalar function.
     *
     * @throws IllegalArgumentException naming the function and the argument when the arity or an
     *     argument type differs from the signature
     */
    public Field<R> call(Field<?>... arguments) {
        if (kind != FunctionKind.SCALAR) {
            throw new IllegalArgumentException("'" + name + "' is an aggregate function; use it in an aggregate, not as a scalar call.");
        }
        List<Field<?>> checked = checkArguments(Arrays.asList(arguments));
        return Exprs.call(name, returnType, checked);
    }

    /**
     * The arguments, checked against the parameter types.
     *
     * @throws IllegalArgumentException naming the function and the argument on a mismatch
     */
    public List<Field<?>> checkArguments(List<? extends Field<?>> arguments) {
        requireNonNull(arguments, "arguments is null");
        if (arguments.size() != parameterTypes.size()) {
            throw new IllegalArgumentException("The function " + this + " takes " + parameterTypes.size() + " argument(s), not "
                    + arguments.size() + ".");
        }
        for (int i = 0; i < arguments.size(); i++) {
            Field<?> argument = requireNonNull(arguments.get(i), "argument is null");
            if (!argument.type().equals(parameterTypes.get(i))) {
                throw new IllegalArgumentException("Argument " + (i + 1) + " of " + this + " is " + argument + " of type "
                        + argument.type() + "; cast it to " + parameterTypes.get(i) + ".");
            }
        }
        return List.copyOf(arguments);
    }

    /** {@code name(T1, T2) -> R}, with {@code aggregate} and {@code non-deterministic} when they apply. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name).append('(');
        for (int i = 0; i < parameterTypes.size(); i++) {
            out.append(i > 0 ? ", " : "").append(parameterTypes.get(i));
        }
        out.append(") -> ").append(returnType);
        if (kind == FunctionKind.AGGREGATE) {
            out.append(" aggregate");
        }
        if (!deterministic) {
            out.append(" non-deterministic");
        }
        return out.toString();
    }

    private static void requireName(String name) {
        boolean valid = !name.isEmpty() && name.charAt(0) >= 'a' && name.charAt(0) <= 'z';
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (!valid) {
            throw new IllegalArgumentException("The function name '" + name + "' must be a lowercase identifier (a-z, 0-9, '_', starting with a letter).");
        }
    }
}
