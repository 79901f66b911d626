package io.codeanatomy.cli;

/**
 * A problem the user can fix (bad path, bad option value): reported as its one-sentence message,
 * without a stack trace, with the given exit code.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
