package io.codeanatomy.python.syntax.ast;

/**
 * CPython's ValueError for an int too long to print in decimal: CPython 3.11 parses a hexadecimal,
 * octal or binary literal of any length, but {@code repr} (and so {@code ast.dump}) of its value
 * fails past the default limit of {@code sys.get_int_max_str_digits()}. {@link AstDump} throws this
 * where {@code ast.dump} raises, so a caller dumping many files reports it for the one file and goes
 * on, and a dump comparison can treat both sides alike.
 */
public final class IntegerConversionLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IntegerConversionLimitException(int limit) {
        super("Exceeds the limit (" + limit + " digits) for integer string conversion; "
                + "use sys.set_int_max_str_digits() to increase the limit");
    }

    /** The last line of the traceback CPython prints for this error: {@code ValueError: Exceeds the limit ...}. */
    public String pythonError() {
        return "ValueError: " + getMessage();
    }
}
