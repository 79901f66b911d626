package io.codeanatomy.api.expr;

/**
 * The node kinds of the expression algebra, one per method of {@link FieldVisitor}. Lets code
 * test a node's kind without writing a visitor.
 */
public enum ExprKind {
    LITERAL,
    COLUMN,
    COMPARISON,
    NULL_TEST,
    IN,
    JUNCTION,
    NOT,
    PREDICATE,
    ARITHMETIC,
    NEGATE,
    CASE,
    CAST,
    CALL,
    STRUCT,
    MEMBER,
    COALESCE
}
