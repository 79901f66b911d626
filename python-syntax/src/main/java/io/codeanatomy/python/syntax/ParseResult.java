package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.Module;
import java.util.List;

/**
 * The outcome of parsing one file. With no errors, {@link #module()} equals what CPython's
 * {@code ast.parse} returns. With errors, the module holds the statements the parser recovered
 * (before and after each error, which it skipped up to the next statement): such a tree is
 * {@linkplain #recovered() recovered} and only the statements outside the error spans are exact.
 *
 * @param source      the decoded text every offset refers to
 * @param errors      every error, the one CPython raises first
 * @param decodeError the error met while decoding the file's bytes (then also the first of
 *                    {@code errors}), null when they decoded or when the parser was given text
 */
public record ParseResult(SourceText source, Module module, List<SyntaxError> errors, SyntaxError decodeError) {
    public ParseResult {
        requireNonNull(source, "source is null");
        requireNonNull(module, "module is null");
        errors = List.copyOf(errors);
        if (decodeError != null && (errors.isEmpty() || !errors.get(0).equals(decodeError))) {
            throw new IllegalArgumentException("the decoding error must be the first error");
        }
    }

    /** The result of parsing text that needed no decoding. */
    public ParseResult(SourceText source, Module module, List<SyntaxError> errors) {
        this(source, module, errors, null);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public boolean recovered() {
        return !errors.isEmpty();
    }
}
