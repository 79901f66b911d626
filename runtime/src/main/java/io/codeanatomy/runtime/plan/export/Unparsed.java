package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A plan written in another form (a SQL dialect, Substrait), or the reason it could not be.
 *
 * @param text the plan in that form, when it could be written
 * @param failure one line saying why not, otherwise
 */
public record Unparsed(Optional<String> text, Optional<String> failure) {
    public Unparsed {
        requireNonNull(text, "text is null");
        requireNonNull(failure, "failure is null");
        if (text.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("an unparsed plan has either its text or a failure");
        }
    }

    public static Unparsed written(String text) {
        return new Unparsed(Optional.of(text), Optional.empty());
    }

    public static Unparsed failure(String reason) {
        return new Unparsed(Optional.empty(), Optional.of(reason));
    }
}
