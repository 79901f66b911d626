package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.expr_context;

/**
 * How a name occurrence uses its name: CPython's expression contexts Load, Store and Del, plus
 * DECLARE for the names of {@code global} and {@code nonlocal} statements, which are neither.
 * Expressions and container elements use the first three.
 */
public enum NameContext {
    LOAD, STORE, DEL, DECLARE;

    /** CPython's context of a Name, Attribute, Subscript, Starred, Tuple or List. */
    static NameContext of(expr_context ctx) {
        return switch (ctx) {
            case Load -> LOAD;
            case Store -> STORE;
            case Del -> DEL;
        };
    }
}
