package io.codeanatomy.python.syntax.ast;

/**
 * Any node of CPython's AST. Node classes are records whose components are CPython's fields in
 * CPython's order, followed, for located nodes, by the position attributes; sequences are
 * unmodifiable lists and an absent optional field is {@code null}.
 */
public interface Node {
}
