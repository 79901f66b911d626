package io.codeanatomy.python.syntax.ast;

/** The constant singletons {@code None} and {@code Ellipsis} ({@code ...}) as Constant values. */
public enum Singleton {
    NONE, ELLIPSIS
}
