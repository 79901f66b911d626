package io.codeanatomy.api.expr;

/**
 * Binary arithmetic operators. Both operands and the result share one numeric type; integer
 * division truncates toward zero and {@link #MOD} applies to integral types only.
 */
public enum ArithmeticOperator {
    PLUS("+"),
    MINUS("-"),
    TIMES("*"),
    DIVIDE("/"),
    MOD("%");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The SQL spelling, used when rendering expressions. */
    public String symbol() {
        return symbol;
    }
}
