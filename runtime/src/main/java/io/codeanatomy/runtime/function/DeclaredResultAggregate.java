package io.codeanatomy.runtime.function;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.AggregateFunction;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableAggFunction;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;

/**
 * A plugin aggregate whose SQL result type is the one its signature declares rather than the one
 * Calcite derives from the Java result class: a struct result is returned as {@code Object[]} in
 * member order, which Calcite would otherwise type as an array of {@code ANY}. Everything else,
 * including code generation, is the reflective implementation's.
 */
final class DeclaredResultAggregate implements AggregateFunction, ImplementableAggFunction {
    private final AggregateFunctionImpl implementation;
    private final RelDataType returnType;

    DeclaredResultAggregate(AggregateFunctionImpl implementation, RelDataType returnType) {
        this.implementation = requireNonNull(implementation, "implementation is null");
        this.returnType = requireNonNull(returnType, "returnType is null");
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return returnType;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return implementation.getParameters();
    }

    @Override
    public AggImplementor getImplementor(boolean windowContext) {
        return implementation.getImplementor(windowContext);
    }
}
