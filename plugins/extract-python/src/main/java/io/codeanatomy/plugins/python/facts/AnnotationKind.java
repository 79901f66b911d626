package io.codeanatomy.plugins.python.facts;

/** What an annotation annotates. */
public enum AnnotationKind {
    /** A parameter of a function ({@code def f(x: T)}). */
    PARAM,
    /** A function's return ({@code def f() -> T}). */
    RETURN,
    /** The target of an annotated assignment ({@code x: T [= v]}, {@code self.x: T = v}). */
    VARIABLE
}
