package io.codeanatomy.runtime.compile;

/** SQL that does not parse or validate; the message is Calcite's, with the line and column. */
public final class InvalidQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
