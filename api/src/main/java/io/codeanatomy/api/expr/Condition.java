package io.codeanatomy.api.expr;

import java.util.List;

/**
 * A boolean {@link Field} usable as a predicate: in a filter, a join condition or a case branch.
 * Any boolean field becomes a condition through {@link Exprs#condition(Field)}.
 */
public sealed interface Condition extends Field<Boolean> permits Comparison, NullTest, InList, Junction, Not, Predicate {

    @Override
    default DataType<Boolean> type() {
        return DataType.BOOLEAN;
    }

    @Override
    Condition withChildren(List<Field<?>> children);

    default Condition and(Condition other) {
        return Exprs.and(this, other);
    }

    default Condition or(Condition other) {
        return Exprs.or(this, other);
    }

    default Condition not() {
        return Exprs.not(this);
    }
}
