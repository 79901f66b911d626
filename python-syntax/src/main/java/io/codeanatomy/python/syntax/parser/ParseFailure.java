package io.codeanatomy.python.syntax.parser;

/**
 * Unwinds the parser from the point of a syntax error to the statement loop (or to a checkpoint
 * that tries another alternative). It carries nothing: the error itself is kept by the parser.
 * Thrown only on invalid input, so its cost never touches valid code; it has no stack trace.
 */
final class ParseFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final ParseFailure INSTANCE = new ParseFailure();

    private ParseFailure() {
        super(null, null, false, false);
    }
}
