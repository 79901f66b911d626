package io.codeanatomy.runtime.function;

import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * A plugin function declared non-deterministic: the same operator as Calcite resolves, except that
 * the planner must not fold its calls on constants or treat two calls as equal.
 */
final class NonDeterministicFunction extends SqlUserDefinedFunction {
    NonDeterministicFunction(SqlUserDefinedFunction resolved) {
        super(resolved.getSqlIdentifier(), resolved.getKind(), resolved.getReturnTypeInference(),
                resolved.getOperandTypeInference(), resolved.getOperandTypeChecker(),
                resolved.getFunction(), SqlFunctionCategory.USER_DEFINED_FUNCTION, resolved.getSyntax());
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
