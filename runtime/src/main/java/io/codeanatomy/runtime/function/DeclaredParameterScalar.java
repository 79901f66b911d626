package io.codeanatomy.runtime.function;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;

/**
 * A plugin scalar function whose SQL parameter types are the ones its signature declares rather
 * than the ones Calcite derives from the Java parameter classes: a {@code LIST<INT64>} parameter
 * is a {@code java.util.List}, which Calcite would type as an array of unknown elements. Everything
 * else, including code generation (lists arrive as {@code List}), is the reflective
 * implementation's.
 */
final class DeclaredParameterScalar implements ScalarFunction, ImplementableFunction {
    private final ScalarFunction implementation;
    private final List<FunctionParameter> parameters;

    DeclaredParameterScalar(ScalarFunction implementation, List<RelDataType> parameterTypes) {
        this.implementation = requireNonNull(implementation, "implementation is null");
        if (!(implementation instanceof ImplementableFunction)) {
            throw new IllegalArgumentException("a scalar function with declared parameters must be implementable: " + implementation);
        }
        List<FunctionParameter> declared = new ArrayList<>();
        List<FunctionParameter> reflected = implementation.getParameters();
        for (int i = 0; i < reflected.size(); i++) {
            declared.add(new Declared(reflected.get(i), parameterTypes.get(i)));
        }
        this.parameters = List.copyOf(declared);
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return implementation.getReturnType(typeFactory);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return parameters;
    }

    @Override
    public CallImplementor getImplementor() {
        return ((ImplementableFunction) implementation).getImplementor();
    }

    /** A reflected parameter with its declared type. */
    private record Declared(FunctionParameter reflected, RelDataType type) implements FunctionParameter {
        @Override
        public int getOrdinal() {
            return reflected.getOrdinal();
        }

        @Override
        public String getName() {
            return reflected.getName();
        }

        @Override
        public RelDataType getType(RelDataTypeFactory typeFactory) {
            return type;
        }

        @Override
        public boolean isOptional() {
            return reflected.isOptional();
        }
    }
}
