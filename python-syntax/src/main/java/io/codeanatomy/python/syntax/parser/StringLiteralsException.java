package io.codeanatomy.python.syntax.parser;

/**
 * Aborts the building of one string concatenation, as CPython abandons a {@code strings} rule at
 * its first error. It carries CPython's message and where CPython reports it: at the token that
 * follows the strings (CPython's last fetched token, {@link #AFTER_STRINGS}) or at one token of the
 * run. A null message means the error was already recorded (by the expression parser or the lexer
 * of a replacement field) and nothing more is to be reported.
 *
 * <p>No stack trace is filled in: the exception is a control-flow signal for input errors.
 */
final class StringLiteralsException extends RuntimeException {
    /** The error location CPython uses for most string errors: the token after the run. */
    static final int AFTER_STRINGS = -1;

    private static final long serialVersionUID = 1L;

    private final int token;

    StringLiteralsException(String message) {
        this(message, AFTER_STRINGS);
    }

    StringLiteralsException(String message, int token) {
        super(message, null, false, false);
        this.token = token;
    }

    /** An error that the expression parser or lexer has already recorded. */
    static StringLiteralsException reported() {
        return new StringLiteralsException(null, AFTER_STRINGS);
    }

    boolean alreadyReported() {
        return getMessage() == null;
    }

    /** The token the error is reported at, or {@link #AFTER_STRINGS}. */
    int token() {
        return token;
    }
}
