package io.codeanatomy.python.syntax.lexer;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;

/**
 * The outcome of {@link SourceDecoder#decode}: the text to lex, and the error CPython 3.11's
 * {@code ast.parse} would raise while decoding (null when there is none). The text is usable even
 * with an error: undecodable bytes are replaced by U+FFFD.
 */
public record DecodedSource(SourceText text, SyntaxError error) {
    public DecodedSource {
        requireNonNull(text, "text is null");
    }

    public boolean ok() {
        return error == null;
    }
}
