package io.codeanatomy.runtime.builtin;

import static io.codeanatomy.api.expr.Exprs.col;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;

/** Typed column references by relation and name, the parts' shorthand for {@code Exprs.col}. */
final class BuiltinColumns {
    private BuiltinColumns() {
    }

    static Field<String> str(String relation, String name) {
        return col(relation, name, DataType.STRING);
    }

    static Field<Long> i64(String relation, String name) {
        return col(relation, name, DataType.INT64);
    }

    static Field<Integer> i32(String relation, String name) {
        return col(relation, name, DataType.INT32);
    }

    /** A boolean column used as a condition. */
    static Condition bool(String relation, String name) {
        return Exprs.condition(col(relation, name, DataType.BOOLEAN));
    }
}
