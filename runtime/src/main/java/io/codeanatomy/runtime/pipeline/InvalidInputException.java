package io.codeanatomy.runtime.pipeline;

/**
 * A problem with what the user asked for (a missing source directory, an output path that is a file
 * or holds someone else's files), found before anything was written. The message is one sentence
 * naming the path and what to do.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
