package io.codeanatomy.python.syntax.lexer;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.SyntaxError;
import java.util.List;

/**
 * The tokens of a source (always ending with ENDMARKER) and the lexical errors met on the way, in
 * source order. Each error is where CPython's tokenizer would have stopped; see {@link Lexer} for
 * how errors and ERRORTOKENs correspond.
 */
public record LexResult(Tokens tokens, List<SyntaxError> errors) {
    public LexResult {
        requireNonNull(tokens, "tokens is null");
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
