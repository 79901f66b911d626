package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.expr;

/** CPython's name of an expression's node type ({@code type(node).__name__}), looked up once per class. */
final class NodeTypes {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            // The AST records are named exactly as CPython's node classes (ast.List is List).
            return type.getSimpleName();
        }
    };

    private static final ClassValue<String> ID_KINDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return IdKinds.EXPR_PREFIX + NAMES.get(type);
        }
    };

    private NodeTypes() {
    }

    static String of(expr e) {
        return NAMES.get(e.getClass());
    }

    /** The stable-id kind of an expression's row: {@code py_expr.} and its node type. */
    static String idKind(expr e) {
        return ID_KINDS.get(e.getClass());
    }
}
