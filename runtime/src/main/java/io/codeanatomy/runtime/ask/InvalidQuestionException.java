package io.codeanatomy.runtime.ask;

/** A question asked wrongly: unknown name, wrong number of arguments, a malformed one. One sentence. */
public final class InvalidQuestionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidQuestionException(String message) {
        super(message);
    }
}
