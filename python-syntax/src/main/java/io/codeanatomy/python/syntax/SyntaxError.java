package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

/**
 * One syntax (or decoding) error: CPython's message, the UTF-8 byte span {@code [bstart, bend)} in
 * the decoded source, and the 1-based line and column CPython 3.11 reports for it. That column is
 * what {@code SyntaxError.offset} holds after {@code ast.parse(bytes)}: 1-based, counted in UTF-8
 * bytes for errors of the parser in a file without BOM or coding declaration, in characters
 * otherwise (tokenizer errors, or files with a BOM or cookie). Whole-file errors (an unknown
 * encoding) have line 0 and column -1, as in CPython. A tree too deep for CPython to build (its
 * RecursionError "maximum recursion depth exceeded during ast construction", which has no position)
 * is reported at the first node too deep, with a 1-based column in bytes.
 */
public record SyntaxError(String message, int bstart, int bend, int line, int column) {
    public SyntaxError {
        requireNonNull(message, "message is null");
    }
}
