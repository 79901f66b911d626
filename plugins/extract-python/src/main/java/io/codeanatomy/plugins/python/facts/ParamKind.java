package io.codeanatomy.plugins.python.facts;

/** The kind of a parameter, as {@code inspect.Parameter.kind} names them (REGULAR is positional-or-keyword). */
public enum ParamKind {
    POSITIONAL_ONLY, REGULAR, VAR_POSITIONAL, KEYWORD_ONLY, VAR_KEYWORD
}
