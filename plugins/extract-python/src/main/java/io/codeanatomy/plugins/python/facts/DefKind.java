package io.codeanatomy.plugins.python.facts;

/** What a row of {@code py_defs_v1} defines: CPython's FunctionDef, AsyncFunctionDef, ClassDef or Lambda. */
public enum DefKind {
    FUNCTION, ASYNC_FUNCTION, CLASS, LAMBDA
}
