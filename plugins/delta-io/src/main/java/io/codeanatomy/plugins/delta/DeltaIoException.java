package io.codeanatomy.plugins.delta;

/**
 * A Delta read or write that the caller can fix: a path that is not a Delta table, a schema that
 * does not match the table, an unsupported column type. The message is one sentence that names
 * the table or column and says what to do. It is an {@link IllegalArgumentException} because the
 * SPI reports user errors as those.
 */
public final class DeltaIoException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DeltaIoException(String message) {
        super(message);
    }

    public DeltaIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
