package io.codeanatomy.plugins.python.facts;

/**
 * The pass of CPython 3.11's {@code compile()} that raises a semantic error, in the order they run
 * on a tree that parsed: the leading {@code __future__} imports ({@code Python/future.c}), the
 * symbol table's visit, its analysis, then code generation ({@code Python/compile.c}).
 */
public enum SemanticStage {
    FUTURE,
    SYMTABLE,
    SYMTABLE_ANALYSIS,
    COMPILER
}
