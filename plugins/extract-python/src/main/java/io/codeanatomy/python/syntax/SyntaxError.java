package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

/**
 * One syntax (or decoding) error: CPython's message, the UTF-8 byte span {@code [bstart, bend)} in
 * the decoded source, and CPython's 1-based line and 1-based column (the column CPython prints, a
 * character column) of the error's start.
 */
public record SyntaxError(String message, int bstart, int bend, int line, int column) {
    public SyntaxError {
        requireNonNull(message, "message is null");
    }
}
