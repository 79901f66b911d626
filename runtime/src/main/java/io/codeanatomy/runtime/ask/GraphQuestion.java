package io.codeanatomy.runtime.ask;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.rel.RelTemplate;
import io.codeanatomy.api.rel.TemplateInstance;
import io.codeanatomy.api.spec.SchemaContract;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved graph question: a named {@link RelTemplate} over the tables of a build, instantiated
 * with the user's arguments into a plain view and compiled, planned and run like any view of the
 * spec. Arguments are checked here, before anything is planned, so a bad one is one sentence.
 *
 * @param name the command's name ({@code callers})
 * @param summary one sentence saying what it answers
 * @param parameters its parameters in order; optional ones last
 * @param template the view body, with one template parameter per question parameter
 * @param answer the columns of the answer, in order (the compiled view is checked against it)
 */
public record GraphQuestion(String name, String summary, List<QuestionParameter> parameters, RelTemplate template, SchemaContract answer) {
    public GraphQuestion {
        requireNonNull(name, "name is null");
        requireNonNull(summary, "summary is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        requireNonNull(template, "template is null");
        requireNonNull(answer, "answer is null");
        if (!template.parameters().equals(parameters.stream().map(QuestionParameter::name).toList())) {
            throw new IllegalArgumentException("question '" + name + "' has parameters " + parameters + " but its template "
                    + template.parameters());
        }
        boolean optional = false;
        for (QuestionParameter parameter : parameters) {
            if (optional && parameter.defaultValue().isEmpty()) {
                throw new IllegalArgumentException("question '" + name + "': required parameter " + parameter.name() + " follows an optional one");
            }
            optional |= parameter.defaultValue().isPresent();
        }
    }

    /** How to call it: {@code callers FUNCTION [DEPTH]}. */
    public String usage() {
        StringBuilder usage = new StringBuilder(name);
        for (QuestionParameter parameter : parameters) {
            String label = parameter.name().toUpperCase(java.util.Locale.ROOT);
            usage.append(' ').append(parameter.defaultValue().isPresent() ? "[" + label + "]" : label);
        }
        return usage.toString();
    }

    /**
     * The view body for these arguments (defaults filled in).
     *
     * @throws InvalidQuestionException if there are too few or too many, or one is malformed
     */
    public TemplateInstance instantiate(List<String> arguments) {
        requireNonNull(arguments, "arguments is null");
        long required = parameters.stream().filter(p -> p.defaultValue().isEmpty()).count();
        if (arguments.size() < required || arguments.size() > parameters.size()) {
            throw new InvalidQuestionException("'" + name + "' takes " + (required == parameters.size() ? String.valueOf(required)
                    : required + " to " + parameters.size()) + " arguments (" + usage() + "), not " + arguments.size() + ".");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            QuestionParameter parameter = parameters.get(i);
            String value = i < arguments.size() ? arguments.get(i) : parameter.defaultValue().orElseThrow();
            values.add(parameter.check(name, value));
        }
        return template.instantiate(values);
    }
}
