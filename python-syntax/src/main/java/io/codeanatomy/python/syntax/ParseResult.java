package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.Module;
import java.util.List;

/**
 * The outcome of parsing one file. With no errors, {@link #module()} equals what CPython's
 * {@code ast.parse} returns. With errors, the module holds the statements the parser recovered
 * (before and after each error, which it skipped up to the next statement): such a tree is
 * {@linkplain #recovered() recovered} and only the statements outside the error spans are exact.
 */
public record ParseResult(SourceText source, Module module, List<SyntaxError> errors) {
    public ParseResult {
        requireNonNull(source, "source is null");
        requireNonNull(module, "module is null");
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public boolean recovered() {
        return !errors.isEmpty();
    }
}
