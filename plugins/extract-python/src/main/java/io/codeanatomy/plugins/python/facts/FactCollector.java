package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.pattern;
import io.codeanatomy.python.syntax.ast.stmt;

/**
 * Turns what the walk meets into the rows of one fact family. The {@link FactWalker} visits the
 * tree once, in the order and in the scopes CPython's symbol table does, and calls every
 * registered collector ({@link FactCollectors}); a collector implements only the events its
 * family needs and reads the current scope from the context. A new fact family is a row type,
 * its table, and one collector added to {@link FactCollectors#standard()}: the walk itself does not
 * change. One instance serves every file of one worker thread, so a collector keeps no state
 * from one file to the next.
 *
 * <p>Every node is announced before its parts and in the scope that evaluates it: a function's
 * defaults, annotations and decorators in the enclosing scope, a comprehension's first iterable
 * in the enclosing scope and the rest inside. Links of attribute/call/subscript chains and of
 * left-deep operator chains are announced too, though the walker loops over them.
 */
public interface FactCollector {
    /** A statement, before its parts. */
    default void statement(stmt s, WalkContext context) {
    }

    /** An expression, before its parts. */
    default void expression(expr e, WalkContext context) {
    }

    /** A match pattern, before its parts. */
    default void pattern(pattern p, WalkContext context) {
    }

    /**
     * A scope was entered ({@link WalkContext#scope()} is now {@code scope}); its parent is where
     * the definition or comprehension itself is evaluated. Not called for the module.
     */
    default void scopeEntered(Scope scope, WalkContext context) {
    }

    /** A scope was left; {@link WalkContext#scope()} is its parent again. */
    default void scopeExited(Scope scope, WalkContext context) {
    }

    /** An identifier occurrence of the symbol table. */
    default void name(NameOccurrence name, WalkContext context) {
    }
}
