package io.codeanatomy.api.expr;

/** The n-ary boolean connectives, with SQL three-valued logic. */
public enum LogicalOperator {
    AND,
    OR
}
