package io.codeanatomy.runtime.ask;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parameter of a {@link GraphQuestion}.
 *
 * @param name its name, also the template parameter's
 * @param description what to give, as a phrase ("a function's qualified name, pkg.mod.f")
 * @param pattern the whole value must match it
 * @param defaultValue the value when it is left out; empty for a required parameter
 */
public record QuestionParameter(String name, String description, Pattern pattern, Optional<String> defaultValue) {
    public QuestionParameter {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(defaultValue, "defaultValue is null");
    }

    static QuestionParameter required(String name, String description, String pattern) {
        return new QuestionParameter(name, description, Pattern.compile(pattern), Optional.empty());
    }

    static QuestionParameter optional(String name, String description, String pattern, String defaultValue) {
        return new QuestionParameter(name, description, Pattern.compile(pattern), Optional.of(defaultValue));
    }

    /** {@code value} when it matches, else the sentence that says what was expected. */
    String check(String question, String value) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidQuestionException("'" + question + "' wants " + name.toUpperCase(java.util.Locale.ROOT) + " to be "
                    + description + ", not '" + value + "'.");
        }
        return value;
    }
}
