package io.codeanatomy.api.expr;

/** Binary comparison operators, with SQL null semantics (a comparison with null is unknown). */
public enum ComparisonOperator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The SQL spelling, used when rendering expressions. */
    public String symbol() {
        return symbol;
    }

    /** Tells whether the operator needs an ordering of its operands (not just equality). */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** The operator that gives the same answer with its operands swapped: {@code a < b} is {@code b > a}. */
    public ComparisonOperator flip() {
        return switch (this) {
            case EQ -> EQ;
            case NE -> NE;
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
        };
    }

    /** The operator true exactly when this one is false (for non-null operands). */
    public ComparisonOperator negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
        };
    }
}
