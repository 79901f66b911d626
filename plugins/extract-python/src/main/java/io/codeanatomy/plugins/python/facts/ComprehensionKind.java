package io.codeanatomy.plugins.python.facts;

/** CPython's ListComp, SetComp, DictComp and GeneratorExp. */
public enum ComprehensionKind {
    LIST, SET, DICT, GENERATOR
}
