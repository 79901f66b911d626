package io.codeanatomy.runtime.pipeline;

/**
 * An output directory whose stored data cannot be read as its manifest says: a damaged log entry,
 * a truncated or missing data file, a manifest naming a version that is gone. The message is one
 * sentence naming the table, the file or version, and what to do ({@code check}, rebuild). Not a
 * usage error: the command was right, the data is not.
 */
public final class DamagedOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DamagedOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
