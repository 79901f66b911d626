package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The values bound to a {@link RelTemplate}'s parameters for one instance, in parameter order.
 *
 * @param parameters the template's parameter names
 * @param values one non-blank value per parameter
 */
public record TemplateArguments(List<String> parameters, List<String> values) {
    public TemplateArguments {
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (parameters.size() != values.size()) {
            throw new IllegalArgumentException("A template with parameters " + parameters + " needs " + parameters.size()
                    + " values, got " + values + ".");
        }
        values.forEach(value -> RelChecks.requireName(value, "template argument"));
    }

    /** The value of parameter {@code parameter}. */
    public String get(String parameter) {
        int index = parameters.indexOf(parameter);
        if (index < 0) {
            throw new IllegalArgumentException("The template has no parameter '" + parameter + "'; its parameters are " + parameters + ".");
        }
        return values.get(index);
    }
}
